using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

public sealed record DossierRow(
    int Id,
    string? Code,
    int RoundYear,
    string EnterpriseName,
    string TaxCode,
    string ProductName,
    string TrackCode,
    string? SectorName,
    DossierState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? StateChangedAt,
    int Revision,
    long? ProductRevenueVnd,
    long? ExportUsdCents
);

public sealed record QueueFilter(
    int? RoundId = null,
    string? Track = null,
    int? SectorId = null,
    DossierState? State = null,
    int? MinAgeDays = null
);

/// <summary>Read models of dossiers; every list is one SQL query whatever its length.</summary>
public sealed class DossierQueries(AppDbContext db, DossierAccess access, DossierPaging paging, TimeProvider time)
{
    /// <summary>The screening queue's matches in a round, counted up to 1,001 (decision 0016).</summary>
    public Task<int> QueueCountUpToAsync(DossierViewer viewer, int roundId, QueueFilter filter, CancellationToken ct) =>
        DossierPaging.CountUpToAsync(QueueFiltered(viewer, filter, db.Dossiers.Where(d => d.RoundId == roundId)), ct);

    /// <summary>One page of the screening queue of a round (of year <paramref name="year"/>): by code, those without
    /// one last, then by id — the order the queue has always had — 50 at a time, by number or by keyset cursor
    /// (decision 0016). Without a state filter drafts are left out, as before.</summary>
    public Task<DossierPage<DossierRow>> QueuePageAsync(
        DossierViewer viewer,
        int roundId,
        int year,
        QueueFilter filter,
        int page,
        int? after,
        int? before,
        CancellationToken ct
    ) =>
        paging.PageAsync(
            roundId,
            q => QueueFiltered(viewer, filter, q),
            q =>
                q.Select(d => new DossierRow(
                    d.Id,
                    d.Code,
                    year,
                    db.Enterprises.Where(e => e.Id == d.EnterpriseId).Select(e => e.NameVi).FirstOrDefault() ?? "",
                    db.Enterprises.Where(e => e.Id == d.EnterpriseId).Select(e => e.TaxCode).FirstOrDefault() ?? "",
                    db.Products.Where(p => p.Id == d.ProductId).Select(p => p.Name).FirstOrDefault() ?? "",
                    db.EligibilityTracks.Where(t => t.Id == d.TrackId).Select(t => t.Code).FirstOrDefault() ?? "",
                    db.Products.Where(p => p.Id == d.ProductId)
                        .Select(p => db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault())
                        .FirstOrDefault(),
                    d.State,
                    d.CreatedAt,
                    d.SubmittedAt,
                    d.StateChangedAt,
                    d.Revision,
                    d.Figures.Where(f => f.Year == year - 1).Select(f => f.ProductRevenueVnd).FirstOrDefault(),
                    d.Figures.Where(f => f.Year == year - 1).Select(f => f.ExportUsdCents).FirstOrDefault()
                )),
            page,
            after,
            before,
            ct
        );

    /// <summary>The queue's filters on dossiers of one round, every one in SQL (drafts left out unless a state is
    /// asked for).</summary>
    private IQueryable<Dossier> QueueFiltered(DossierViewer viewer, QueueFilter filter, IQueryable<Dossier> q)
    {
        q = DossierAccess.Visible(q, viewer);
        q = filter.State is { } s ? q.Where(d => d.State == s) : q.Where(d => d.State != DossierState.Draft);
        if (filter.MinAgeDays is { } age)
        {
            var before = time.GetUtcNow().AddDays(-Math.Clamp(age, 0, 36_500));
            q = q.Where(d => d.StateChangedAt != null && d.StateChangedAt <= before);
        }
        if (!string.IsNullOrEmpty(filter.Track))
            q = q.Where(d => db.EligibilityTracks.Any(t => t.Id == d.TrackId && t.Code == filter.Track));
        if (filter.SectorId is { } sid)
            q = q.Where(d => db.Products.Any(p => p.Id == d.ProductId && p.SectorId == sid));
        return q;
    }

    public async Task<IReadOnlyList<DossierRow>> ListAsync(
        DossierViewer viewer,
        QueueFilter filter,
        CancellationToken ct = default
    )
    {
        var q = access.VisibleTo(viewer).AsNoTracking();
        if (filter.RoundId is { } r)
            q = q.Where(d => d.RoundId == r);
        if (filter.State is { } s)
            q = q.Where(d => d.State == s);
        if (filter.MinAgeDays is { } age)
        {
            // Clamped: a typed 99999999 days must filter (to nothing), not overflow the date.
            var before = time.GetUtcNow().AddDays(-Math.Clamp(age, 0, 36_500));
            q = q.Where(d => d.StateChangedAt != null && d.StateChangedAt <= before);
        }
        var rows =
            from d in q
            join round in db.Rounds on d.RoundId equals round.Id
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            join t in db.EligibilityTracks on d.TrackId equals t.Id
            join sec in db.Sectors on p.SectorId equals sec.Id into secs
            from sec in secs.DefaultIfEmpty()
            select new
            {
                d,
                round,
                e,
                p,
                t,
                sec,
            };
        if (!string.IsNullOrEmpty(filter.Track))
            rows = rows.Where(x => x.t.Code == filter.Track);
        if (filter.SectorId is { } sid)
            rows = rows.Where(x => x.p.SectorId == sid);
        var list = await rows.OrderByDescending(x => x.round.Year)
            .ThenBy(x => x.d.Code == null)
            .ThenBy(x => x.d.Code)
            .ThenBy(x => x.d.Id)
            .Select(x => new DossierRow(
                x.d.Id,
                x.d.Code,
                x.round.Year,
                x.e.NameVi,
                x.e.TaxCode,
                x.p.Name,
                x.t.Code,
                x.sec == null ? null : x.sec.NameVi,
                x.d.State,
                x.d.CreatedAt,
                x.d.SubmittedAt,
                x.d.StateChangedAt,
                x.d.Revision,
                x.d.Figures.Where(f => f.Year == x.round.Year - 1).Select(f => f.ProductRevenueVnd).FirstOrDefault(),
                x.d.Figures.Where(f => f.Year == x.round.Year - 1).Select(f => f.ExportUsdCents).FirstOrDefault()
            ))
            .ToListAsync(ct);
        return list;
    }
}
