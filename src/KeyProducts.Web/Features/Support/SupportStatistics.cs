using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>A group of supported applications: how many enterprise-times, how many distinct enterprises, and the
/// amounts approved and disbursed.</summary>
public sealed record SupportTally(
    string Key,
    string Label,
    int EnterpriseTimes,
    int Enterprises,
    long ApprovedVnd,
    long DisbursedVnd
);

/// <summary>The budget of one program in one year against what is committed and paid.</summary>
public sealed record SupportBudgetUse(
    int ProgramId,
    string ProgramCode,
    string ProgramName,
    int Year,
    long AllocatedVnd,
    long CommittedVnd,
    long DisbursedVnd
)
{
    public long RemainingVnd => AllocatedVnd - CommittedVnd;

    /// <summary>Committed share of the allocation in hundredths of a percent (0 when nothing is allocated).</summary>
    public long CommittedPercentHundredths =>
        AllocatedVnd == 0 ? 0 : (long)((Int128)CommittedVnd * 10000 / AllocatedVnd);
}

public sealed record SupportReport(
    int? Year,
    SupportTally Total,
    IReadOnlyList<SupportTally> ByYear,
    IReadOnlyList<SupportTally> ByProgram,
    IReadOnlyList<SupportTally> BySector,
    IReadOnlyList<SupportTally> ByCommune,
    IReadOnlyList<SupportBudgetUse> Budgets
);

/// <summary>Support figures for reports and the program's KPIs. An enterprise-time (lượt doanh nghiệp) is one
/// application with a commitment (approved, disbursing or completed), counted in the year of its call: an enterprise
/// supported by two programs in a year counts twice. The plan 2021–2025 aims at 100–200 enterprise-times a
/// year.</summary>
public interface ISupportStatistics
{
    Task<int> EnterpriseTimesAsync(int year, CancellationToken ct = default);

    /// <summary>Everything at once; <paramref name="year"/> null means all years.</summary>
    Task<SupportReport> ReportAsync(int? year, CancellationToken ct = default);

    Task<IReadOnlyList<SupportBudgetUse>> BudgetUseAsync(int? year, CancellationToken ct = default);
}

public sealed class SupportStatistics(AppDbContext db) : ISupportStatistics
{
    private sealed record Supported(
        int EnterpriseId,
        int ProgramId,
        string ProgramCode,
        string ProgramName,
        int Year,
        long ApprovedVnd,
        long DisbursedVnd,
        string? SectorCode,
        string? SectorName,
        string? CommuneCode
    );

    public async Task<int> EnterpriseTimesAsync(int year, CancellationToken ct = default) =>
        await db.SupportApplications.CountAsync(
            a => a.Year == year && SupportTransitions.Committed.Contains(a.State),
            ct
        );

    public async Task<IReadOnlyList<SupportBudgetUse>> BudgetUseAsync(int? year, CancellationToken ct = default)
    {
        var q = db.SupportBudgets.AsNoTracking();
        if (year is { } y)
            q = q.Where(b => b.Year == y);
        return await (
            from b in q
            join p in db.SupportPrograms on b.ProgramId equals p.Id
            orderby b.Year descending, p.Code
            select new SupportBudgetUse(p.Id, p.Code, p.Name, b.Year, b.AllocatedVnd, b.CommittedVnd, b.DisbursedVnd)
        ).ToListAsync(ct);
    }

    public async Task<SupportReport> ReportAsync(int? year, CancellationToken ct = default)
    {
        var q = db.SupportApplications.AsNoTracking().Where(a => SupportTransitions.Committed.Contains(a.State));
        if (year is { } y)
            q = q.Where(a => a.Year == y);
        var rows = await (
            from a in q
            join e in db.Enterprises on a.EnterpriseId equals e.Id
            join p in db.SupportPrograms on a.ProgramId equals p.Id
            join s in db.Sectors on e.SectorId equals s.Id into ss
            from s in ss.DefaultIfEmpty()
            select new Supported(
                a.EnterpriseId,
                p.Id,
                p.Code,
                p.Name,
                a.Year,
                a.ApprovedVnd ?? 0,
                a.DisbursedVnd,
                s == null ? null : s.Code,
                s == null ? null : s.NameVi,
                e.HeadOffice.CommuneCode
            )
        ).ToListAsync(ct);
        var communes = await SupportUnits.NamesAsync(db, rows.Select(r => r.CommuneCode), ct);
        return new SupportReport(
            year,
            Tally("", "", rows),
            Group(
                    rows,
                    r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
                .OrderByDescending(t => t.Key)
                .ToList(),
            Group(rows, r => r.ProgramCode, r => r.ProgramName).OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
            Group(rows, r => r.SectorCode ?? "", r => r.SectorName ?? "")
                .OrderByDescending(t => t.EnterpriseTimes)
                .ToList(),
            Group(rows, r => r.CommuneCode ?? "", r => SupportUnits.Name(communes, r.CommuneCode) ?? "")
                .OrderByDescending(t => t.EnterpriseTimes)
                .ToList(),
            await BudgetUseAsync(year, ct)
        );
    }

    private static IEnumerable<SupportTally> Group(
        List<Supported> rows,
        Func<Supported, string> key,
        Func<Supported, string> label
    ) => rows.GroupBy(key).Select(g => Tally(g.Key, label(g.First()), g));

    private static SupportTally Tally(string key, string label, IEnumerable<Supported> rows)
    {
        var list = rows.ToList();
        return new SupportTally(
            key,
            label,
            list.Count,
            list.Select(r => r.EnterpriseId).Distinct().Count(),
            list.Sum(r => r.ApprovedVnd),
            list.Sum(r => r.DisbursedVnd)
        );
    }
}
