using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

public sealed record DueLine(
    int EnterpriseId,
    string Enterprise,
    string TaxCode,
    string Email,
    int? ReportId,
    AnnualReportState? State,
    DateTimeOffset? SubmittedAt
);

/// <summary>Who must report for a year: enterprises holding a recognition valid at some time in that year
/// (not revoked before it began), with their report if any. Constant number of queries.</summary>
public sealed class AnnualReportQueries(AppDbContext db)
{
    public IQueryable<int> DueEnterpriseIds(int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var startUtc = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return db
            .Recognitions.Where(r =>
                r.ValidFrom <= end && r.ValidTo >= start && (r.RevokedAt == null || r.RevokedAt >= startUtc)
            )
            .Select(r => r.EnterpriseId)
            .Distinct();
    }

    public Task<bool> IsDueAsync(int enterpriseId, int year, CancellationToken ct) =>
        DueEnterpriseIds(year).AnyAsync(id => id == enterpriseId, ct);

    public async Task<List<DueLine>> DueAsync(int year, CancellationToken ct)
    {
        var ids = DueEnterpriseIds(year);
        return await (
            from e in db.Enterprises.AsNoTracking()
            where ids.Contains(e.Id)
            join r in db.AnnualReports.Where(x => x.Year == year) on e.Id equals r.EnterpriseId into rs
            from r in rs.DefaultIfEmpty()
            orderby e.NameVi
            select new DueLine(
                e.Id,
                e.NameVi,
                e.TaxCode,
                e.ContactEmail,
                r == null ? null : r.Id,
                r == null ? null : r.State,
                r == null ? null : r.SubmittedAt
            )
        ).ToListAsync(ct);
    }

    public static bool HasSubmitted(DueLine d) => d.State is AnnualReportState.Submitted or AnnualReportState.Accepted;
}
