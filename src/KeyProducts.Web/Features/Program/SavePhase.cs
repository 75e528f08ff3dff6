using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

public sealed record PhaseFields(
    string Name,
    int StartYear,
    int EndYear,
    string LegalBasis,
    DateOnly? LegalBasisDate,
    string? LegalBasisTitle,
    string? Notes
);

/// <summary>Creates or edits a phase (audited). Phases may not overlap.</summary>
public sealed class SavePhase(AppDbContext db)
{
    public async Task<Phase> ExecuteAsync(int? id, int version, PhaseFields f, CancellationToken ct)
    {
        var phase = id is null
            ? new Phase()
            : await db.Phases.FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new DomainException("NoPhase", "Không tìm thấy giai đoạn.");
        if (id is not null)
            db.Entry(phase).Property(p => p.Version).OriginalValue = version;
        (phase.Name, phase.StartYear, phase.EndYear) = (f.Name.Trim(), f.StartYear, f.EndYear);
        (phase.LegalBasis, phase.LegalBasisDate) = (f.LegalBasis.Trim(), f.LegalBasisDate);
        phase.LegalBasisTitle = string.IsNullOrWhiteSpace(f.LegalBasisTitle) ? null : f.LegalBasisTitle.Trim();
        phase.Notes = string.IsNullOrWhiteSpace(f.Notes) ? null : f.Notes.Trim();
        phase.Validate();
        if (phase.LegalBasis.Length is 0 or > 300)
            throw new DomainException("PhaseBasis", "Nhập văn bản căn cứ của giai đoạn (tối đa 300 ký tự).");
        if (
            await db.Phases.AnyAsync(
                p => p.Id != phase.Id && p.StartYear <= phase.EndYear && phase.StartYear <= p.EndYear,
                ct
            )
        )
            throw new DomainException("PhaseOverlap", "Giai đoạn chồng lên một giai đoạn đã có.");
        if (id is null)
            db.Phases.Add(phase);
        await db.SaveChangesAsync(ct);
        return phase;
    }
}
