using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

public sealed record SupportProgramFields(
    string Code,
    string Name,
    string ManagingUnit,
    string LegalBasis,
    int StartYear,
    int EndYear,
    long YearlyBudgetVnd,
    int RateBasisPoints,
    long? CapPerEnterprisePerYearVnd,
    long? CapPerItemVnd,
    string ItemUnit,
    string Eligibility,
    bool RecognizedOnly,
    bool SpcnclPriority,
    bool Active
);

/// <summary>An officer creates or edits a support program and its rules (rate, caps, eligibility, priority).</summary>
public sealed class SaveSupportProgram(AppDbContext db)
{
    public async Task<SupportProgram> ExecuteAsync(
        int? id,
        int seenVersion,
        SupportProgramFields f,
        CancellationToken ct = default
    )
    {
        SupportProgram p;
        if (id is { } pid)
        {
            p = await db.SupportPrograms.FirstOrDefaultAsync(x => x.Id == pid, ct)
                ?? throw new DomainException("NoProgram", "Không tìm thấy chương trình hỗ trợ.");
            if (p.Version != seenVersion)
                throw new DomainException(
                    "Changed",
                    "Chương trình vừa được người khác thay đổi. Vui lòng tải lại trang."
                );
            db.Entry(p).Property(x => x.Version).OriginalValue = seenVersion;
        }
        else
        {
            p = new SupportProgram();
            db.SupportPrograms.Add(p);
        }
        var code = f.Code.Trim().ToUpperInvariant();
        if (await db.SupportPrograms.AnyAsync(x => x.Code == code && x.Id != p.Id, ct))
            throw new DomainException(nameof(SupportProgram.Code), "Mã chương trình {0} đã được dùng.", code);
        p.Code = code;
        p.Name = f.Name.Trim();
        p.ManagingUnit = f.ManagingUnit.Trim();
        p.LegalBasis = f.LegalBasis.Trim();
        p.StartYear = f.StartYear;
        p.EndYear = f.EndYear;
        p.YearlyBudgetVnd = f.YearlyBudgetVnd;
        p.CoFundingRateBasisPoints = f.RateBasisPoints;
        p.CapPerEnterprisePerYearVnd = f.CapPerEnterprisePerYearVnd;
        p.CapPerItemVnd = f.CapPerItemVnd;
        p.ItemUnit = string.IsNullOrWhiteSpace(f.ItemUnit) ? "hạng mục" : f.ItemUnit.Trim();
        p.Eligibility = f.Eligibility.Trim();
        p.RecognizedOnly = f.RecognizedOnly;
        p.SpcnclPriority = f.SpcnclPriority;
        p.Active = f.Active;
        p.Validate();
        await db.SaveChangesAsync(ct);
        return p;
    }
}
