using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

public sealed record TargetRow(
    int Id,
    string TaxCode,
    string Name,
    string Sector,
    TargetFlags Flags,
    string? OwnerUserId,
    string? OwnerName,
    MobilizationStage Recorded,
    MobilizationStage Stage,
    int Contacts,
    int? EnterpriseId
);

public sealed record TargetFilter(int Year, MobilizationStage? Stage = null, string? Owner = null, string? Q = null);

/// <summary>The pipeline as the records show it: each target's stage is the one officers recorded, advanced by the
/// registration and dossiers of the enterprise with the same tax code. A constant number of queries whatever the list
/// size.</summary>
public sealed class MobilizationQueries(AppDbContext db)
{
    public async Task<List<TargetRow>> ListAsync(TargetFilter f, CancellationToken ct = default)
    {
        var q = db.MobilizationTargets.AsNoTracking().Where(t => t.Year == f.Year);
        if (f.Owner is { Length: > 0 } owner)
            q = owner == "-" ? q.Where(t => t.OwnerUserId == null) : q.Where(t => t.OwnerUserId == owner);
        if (SearchText.Query(f.Q) is { Length: > 0 } folded)
        {
            var like = SearchText.LikePattern(folded);
            q = q.Where(t => EF.Functions.Like(t.SearchText, like, "\\"));
        }
        var targets = await (
            from t in q
            join u in db.Users on t.OwnerUserId equals u.Id into us
            from u in us.DefaultIfEmpty()
            orderby t.Name
            select new
            {
                t.Id,
                t.TaxCode,
                t.Name,
                t.Sector,
                t.Flags,
                t.OwnerUserId,
                Owner = u == null ? null : u.DisplayName,
                t.Stage,
                Contacts = t.Contacts.Count,
            }
        ).ToListAsync(ct);
        var progress = await ProgressAsync(f.Year, ct);
        var rows = targets.Select(t =>
        {
            var p = progress.GetValueOrDefault(t.TaxCode);
            return new TargetRow(
                t.Id,
                t.TaxCode,
                t.Name,
                t.Sector,
                t.Flags,
                t.OwnerUserId,
                t.Owner,
                t.Stage,
                MobilizationStages.Effective(t.Stage, p.Progress ?? EnterpriseProgress.None),
                t.Contacts,
                p.Progress is null ? null : p.EnterpriseId
            );
        });
        if (f.Stage is { } s)
            rows = rows.Where(r => r.Stage == s);
        return rows.ToList();
    }

    /// <summary>Registration and dossier states by tax code for the year's targets (two queries).</summary>
    public async Task<
        Dictionary<string, (int EnterpriseId, EnterpriseProgress Progress, DateTimeOffset? FirstSubmittedAt)>
    > ProgressAsync(int year, CancellationToken ct)
    {
        var enterprises = await (
            from t in db.MobilizationTargets.Where(t => t.Year == year)
            join e in db.Enterprises on t.TaxCode equals e.TaxCode
            select new { e.Id, e.TaxCode }
        ).ToListAsync(ct);
        var ids = enterprises.Select(e => e.Id).ToList();
        var dossiers = await (
            from d in db.Dossiers
            join r in db.Rounds on d.RoundId equals r.Id
            where ids.Contains(d.EnterpriseId) && r.Year >= year
            select new
            {
                d.EnterpriseId,
                d.State,
                d.SubmittedAt,
            }
        ).ToListAsync(ct);
        var byEnterprise = dossiers.ToLookup(d => d.EnterpriseId);
        return enterprises.ToDictionary(
            e => e.TaxCode,
            e =>
                (
                    e.Id,
                    new EnterpriseProgress(true, byEnterprise[e.Id].Select(d => d.State).ToList()),
                    byEnterprise[e.Id].Where(d => d.SubmittedAt != null).Min(d => d.SubmittedAt)
                )
        );
    }

    /// <summary>How many targets reached at least each stage (a funnel), for the year and optionally one
    /// officer.</summary>
    public async Task<List<(MobilizationStage Stage, int AtLeast, int Exactly)>> FunnelAsync(
        int year,
        string? owner,
        CancellationToken ct = default
    )
    {
        var rows = await ListAsync(new TargetFilter(year, Owner: owner), ct);
        return Enum.GetValues<MobilizationStage>()
            .Select(s => (s, rows.Count(r => r.Stage >= s), rows.Count(r => r.Stage == s)))
            .ToList();
    }

    /// <summary>Per officer: targets owned and how many reached "submitted".</summary>
    public async Task<List<(string? Owner, int Targets, int Submitted)>> ByOfficerAsync(
        int year,
        CancellationToken ct = default
    ) =>
        (await ListAsync(new TargetFilter(year), ct))
            .GroupBy(r => r.OwnerName)
            .Select(g => (g.Key, g.Count(), g.Count(r => r.Stage >= MobilizationStage.Submitted)))
            .OrderBy(x => x.Key ?? "\uffff", StringComparer.Ordinal)
            .ToList();

    public async Task<List<int>> YearsAsync(CancellationToken ct) =>
        await db.MobilizationTargets.Select(t => t.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
}
