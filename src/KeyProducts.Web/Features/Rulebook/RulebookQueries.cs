using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rulebook;

public sealed record CriteriaSetRow(
    int Id,
    string Name,
    int VersionNumber,
    CriteriaSetStatus Status,
    string LegalBasis,
    bool NeedsConfirmation,
    bool Frozen,
    int Rounds,
    long MaxTotalHundredths
);

/// <summary>Reads of the rulebook. A set is frozen once FrozenAt is set or a round using it has received a
/// dossier.</summary>
public sealed class RulebookQueries(AppDbContext db)
{
    public IQueryable<int> UsedSetIds() =>
        db.Rounds.Where(r => db.Dossiers.Any(d => d.RoundId == r.Id)).Select(r => r.CriteriaSetId);

    public Task<bool> IsFrozenAsync(int setId, CancellationToken ct) =>
        db.CriteriaSets.AnyAsync(s => s.Id == setId && (s.FrozenAt != null || UsedSetIds().Contains(s.Id)), ct);

    public Task<List<CriteriaSetRow>> ListAsync(CancellationToken ct) =>
        db
            .CriteriaSets.AsNoTracking()
            .OrderBy(s => s.Name)
            .ThenByDescending(s => s.VersionNumber)
            .Select(s => new CriteriaSetRow(
                s.Id,
                s.Name,
                s.VersionNumber,
                s.Status,
                s.LegalBasis,
                s.NeedsConfirmation,
                s.FrozenAt != null || UsedSetIds().Contains(s.Id),
                db.Rounds.Count(r => r.CriteriaSetId == s.Id),
                db.Indicators.Where(i =>
                        db.CriteriaGroups.Any(g => g.Id == i.CriteriaGroupId && g.CriteriaSetId == s.Id)
                    )
                    .Sum(i => (long?)i.MaxPointsHundredths)
                    ?? 0
            ))
            .ToListAsync(ct);

    /// <summary>The whole set with groups, indicators, bands, tracks and conditions (split queries, so no cartesian
    /// blow-up).</summary>
    public Task<CriteriaSet?> LoadAsync(int id, bool track, CancellationToken ct)
    {
        var q = db
            .CriteriaSets.Include(s => s.Groups)
                .ThenInclude(g => g.Indicators)
                    .ThenInclude(i => i.Bands)
            .Include(s => s.Tracks)
            .Include(s => s.Conditions)
            .AsSplitQuery();
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The set, tracked and checked editable: a frozen set throws, which the error page shows as
    /// 400.</summary>
    public async Task<CriteriaSet?> LoadEditableAsync(int id, CancellationToken ct)
    {
        var set = await LoadAsync(id, track: true, ct);
        if (set is null)
            return null;
        if (await IsFrozenAsync(id, ct))
            throw new DomainException(
                "CriteriaSetFrozen",
                "Bộ tiêu chí đã được dùng cho hồ sơ nên không thể sửa; hãy sao chép thành phiên bản mới."
            );
        return set;
    }

    public async Task<int> NextVersionAsync(string name, CancellationToken ct) =>
        (await db.CriteriaSets.Where(s => s.Name == name).MaxAsync(s => (int?)s.VersionNumber, ct) ?? 0) + 1;
}

public static class RulebookFeatures
{
    public static IServiceCollection AddRulebookFeatures(this IServiceCollection services) =>
        services
            .AddScoped<RulebookQueries>()
            .AddScoped<CopyCriteriaSet>()
            .AddScoped<ActivateCriteriaSet>()
            .AddScoped<RetireCriteriaSet>()
            .AddScoped<CriteriaSetTransfer>()
            .AddScoped<EditCriteriaSet>();
}

internal static class RulebookGuard
{
    public static void Require(bool ok, string message)
    {
        if (!ok)
            throw new DomainException("RulebookInvalid", message);
    }
}
