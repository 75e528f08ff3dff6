using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>Creates, edits or deletes a target of a phase (audited); the phase's headline columns follow.</summary>
public sealed class SaveTarget(AppDbContext db)
{
    public async Task<ProgramTarget> ExecuteAsync(int? id, int version, ProgramTarget fields, CancellationToken ct)
    {
        var target = id is null
            ? new ProgramTarget()
            : await db.ProgramTargets.FirstOrDefaultAsync(t => t.Id == id, ct)
                ?? throw new DomainException("NoTarget", "Không tìm thấy chỉ tiêu.");
        if (id is not null)
            db.Entry(target).Property(t => t.Version).OriginalValue = version;
        var phase = await db.Phases.FirstOrDefaultAsync(p => p.Id == fields.PhaseId, ct)
            ?? throw new DomainException("NoPhase", "Chọn giai đoạn của chỉ tiêu.");
        fields.Unit = KpiIndicators.UnitOf(fields.Indicator);
        fields.Code = fields.Code.Trim();
        fields.Source = fields.Source.Trim();
        if (fields.Code.Length is 0 or > 60)
            throw new DomainException("TargetCode", "Nhập mã chỉ tiêu (tối đa 60 ký tự).");
        fields.Validate(phase);
        if (await db.ProgramTargets.AnyAsync(t => t.Id != target.Id && t.Code == fields.Code, ct))
            throw new DomainException("TargetCodeDuplicate", "Mã chỉ tiêu {0} đã được dùng.", fields.Code);
        ProgramTargetFields.Copy(fields, target);
        target.Code = fields.Code;
        if (id is null)
            db.ProgramTargets.Add(target);
        await db.SaveChangesAsync(ct);
        PhaseHeadlines.Sync(phase, await db.ProgramTargets.Where(t => t.PhaseId == phase.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return target;
    }

    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var target = await db.ProgramTargets.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DomainException("NoTarget", "Không tìm thấy chỉ tiêu.");
        db.ProgramTargets.Remove(target);
        await db.SaveChangesAsync(ct);
    }
}
