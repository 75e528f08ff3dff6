using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>What a dashboard figure counts: a kind of record and its filters (from the figure's link).</summary>
public sealed record RecordsQuery(
    string Kind,
    int? From = null,
    int? To = null,
    bool Top10 = false,
    int? Sector = null,
    string? Commune = null,
    int? Round = null,
    int? Id = null,
    string? Stage = null
);

public sealed record RecognitionLine(
    int Id,
    int Year,
    string Product,
    string Enterprise,
    string TaxCode,
    string? Sector,
    string Decision,
    bool Top10,
    bool Revoked
);

public sealed record DossierLine(int Id, string? Code, string Enterprise, string Product, DossierState State);

public sealed record ReportLine(
    int Id,
    int Year,
    string Enterprise,
    AnnualReportState State,
    long? ProductRevenueVnd,
    long? EnterpriseRevenueVnd,
    long? ProductProductionValueVnd,
    long? ProductExportUsdCents,
    long? EnterpriseExportUsdCents
);

public sealed class RecordsResult
{
    public required RecordsQuery Query { get; init; }
    public Measurement? Measurement { get; init; }

    /// <summary>Published yearly figures covering the span (shown above the records).</summary>
    public IReadOnlyList<Measurement> Published { get; init; } = [];
    public int Total { get; init; }
    public IReadOnlyList<RecognitionLine> Recognitions { get; init; } = [];
    public IReadOnlyList<DossierLine> Dossiers { get; init; } = [];
    public IReadOnlyList<ReportLine> Reports { get; init; } = [];
    public IReadOnlyList<HeldEvent> Events { get; init; } = [];
    public IReadOnlyList<AttendanceLine> Attendances { get; init; } = [];
    public IReadOnlyList<TargetLine> Targets { get; init; } = [];
    public IReadOnlyList<OutreachSubmission> OutreachSubmissions { get; init; } = [];
}

/// <summary>The records behind a dashboard number (drill-down), at most <see cref="MaxRows"/> rows and the
/// total.</summary>
public sealed class KpiRecords(AppDbContext db, OutreachFigures outreach)
{
    public const int MaxRows = 500;

    public async Task<RecordsResult?> LoadAsync(RecordsQuery q, CancellationToken ct)
    {
        switch (q.Kind)
        {
            case "measurement":
                if (q.Id is not { } mid)
                    return null;
                var m = await db.Measurements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == mid, ct);
                if (m is null)
                    return null;
                var held =
                    ProgramProgress.IsCount(m.Indicator) || m.FromYear is not null
                        ? await RecognitionsAsync(
                            q with
                            {
                                From = m.FromYear ?? m.Year,
                                To = m.Year,
                                Top10 = m.Indicator == KpiIndicator.Top10Products,
                            },
                            ct
                        )
                        : (0, []);
                return new RecordsResult
                {
                    Query = q,
                    Measurement = m,
                    Total = held.Total,
                    Recognitions = held.Lines,
                };
            case "dossiers":
                if (q.Round is not { } round)
                    return null;
                var dossiers = db.Dossiers.AsNoTracking().Where(d => d.RoundId == round);
                var states = q.Stage switch
                {
                    "submitted" => DossierStates.Submitted.ToList(),
                    "eligible" => Enum.GetValues<DossierState>().Where(FunnelStages.IsEligible).ToList(),
                    _ => Enum.GetValues<DossierState>().ToList(),
                };
                dossiers = dossiers.Where(d => states.Contains(d.State));
                var lines = await (
                    from d in dossiers
                    join e in db.Enterprises on d.EnterpriseId equals e.Id
                    join p in db.Products on d.ProductId equals p.Id
                    orderby d.Id
                    select new DossierLine(d.Id, d.Code, e.NameVi, p.Name, d.State)
                )
                    .Take(MaxRows)
                    .ToListAsync(ct);
                return new RecordsResult
                {
                    Query = q,
                    Total = await dossiers.CountAsync(ct),
                    Dossiers = lines,
                };
            case "reports":
                var from = q.From ?? 0;
                var to = q.To ?? 9999;
                var reports = db
                    .AnnualReports.AsNoTracking()
                    .Where(r => r.Year >= from && r.Year <= to && r.State == AnnualReportState.Accepted);
                var reportLines = await (
                    from r in reports
                    join e in db.Enterprises on r.EnterpriseId equals e.Id
                    orderby r.Year, e.NameVi
                    select new ReportLine(
                        r.Id,
                        r.Year,
                        e.NameVi,
                        r.State,
                        r.ProductRevenueVnd,
                        r.EnterpriseRevenueVnd,
                        r.ProductProductionValueVnd,
                        r.ProductExportUsdCents,
                        r.EnterpriseExportUsdCents
                    )
                )
                    .Take(MaxRows)
                    .ToListAsync(ct);
                var published = await db
                    .Measurements.AsNoTracking()
                    .Where(x =>
                        x.FromYear == null
                        && (x.ReferenceYear ?? x.Year) >= from
                        && (x.ReferenceYear ?? x.Year) <= to
                        && (
                            x.Indicator == KpiIndicator.Revenue
                            || x.Indicator == KpiIndicator.ProductionValue
                            || x.Indicator == KpiIndicator.Export
                            || x.Indicator == KpiIndicator.CityExport
                            || x.Indicator == KpiIndicator.CityIndustrialOutput
                        )
                    )
                    .OrderBy(x => x.Year)
                    .ToListAsync(ct);
                return new RecordsResult
                {
                    Query = q,
                    Total = await reports.CountAsync(ct),
                    Reports = reportLines,
                    Published = published,
                };
            case "events" or "attendees" or "targets" or "outreach-submissions":
                return await OutreachAsync(q, ct);
            default:
                var (total, rec) = await RecognitionsAsync(q, ct);
                var pub =
                    q.From is { } f && q.To is { } t && q.Sector is null && q.Commune is null && q.Round is null
                        ? await db
                            .Measurements.AsNoTracking()
                            .Where(x =>
                                x.FromYear == null
                                && x.Year >= f
                                && x.Year <= t
                                && x.Indicator
                                    == (q.Top10 ? KpiIndicator.Top10Products : KpiIndicator.RecognizedProducts)
                            )
                            .OrderBy(x => x.Year)
                            .ToListAsync(ct)
                        : [];
                return new RecordsResult
                {
                    Query = q with { Kind = "recognitions" },
                    Total = total,
                    Recognitions = rec,
                    Published = pub,
                };
        }
    }

    /// <summary>The outreach records behind a figure, from the same snapshot the dashboard counts.</summary>
    private async Task<RecordsResult> OutreachAsync(RecordsQuery q, CancellationToken ct)
    {
        var s = await outreach.LoadAsync(ct);
        var from = q.From ?? 0;
        var to = q.To ?? 9999;
        bool In(int year) => year >= from && year <= to;
        switch (q.Kind)
        {
            case "events":
                var events = s.Events.Where(e => In(e.Year)).ToList();
                return new RecordsResult
                {
                    Query = q,
                    Total = events.Count,
                    Events = events.Take(MaxRows).ToList(),
                };
            case "attendees":
                var attendances = s.Attendances.Where(a => In(a.Year)).ToList();
                return new RecordsResult
                {
                    Query = q,
                    Total = attendances.Count,
                    Attendances = attendances.Take(MaxRows).ToList(),
                };
            case "targets":
                var targets = s
                    .Targets.Where(t => In(t.Year) && (q.Stage != "mobilized" || OutreachSnapshot.IsMobilized(t.Stage)))
                    .ToList();
                return new RecordsResult
                {
                    Query = q,
                    Total = targets.Count,
                    Targets = targets.Take(MaxRows).ToList(),
                };
            default:
                var submissions = s.Submissions.Where(x => In(x.Year)).ToList();
                return new RecordsResult
                {
                    Query = q,
                    Total = submissions.Count,
                    OutreachSubmissions = submissions.Take(MaxRows).ToList(),
                };
        }
    }

    private async Task<(int Total, List<RecognitionLine> Lines)> RecognitionsAsync(RecordsQuery q, CancellationToken ct)
    {
        var r = db.Recognitions.AsNoTracking();
        if (q.Id is { } id && q.Kind == "recognitions")
            r = r.Where(x => x.Id == id);
        if (q.From is { } from)
            r = r.Where(x => x.Year >= from);
        if (q.To is { } to)
            r = r.Where(x => x.Year <= to);
        if (q.Top10)
            r = r.Where(x => x.Top10);
        if (q.Sector is { } s)
            r = r.Where(x => db.Products.Any(p => p.Id == x.ProductId && p.SectorId == s));
        if (q.Commune is { } c)
            r = r.Where(x => db.Enterprises.Any(e => e.Id == x.EnterpriseId && e.HeadOffice.CommuneCode == c));
        if (q.Round is { } round)
            r = r.Where(x => db.RecognitionDecisions.Any(d => d.Id == x.DecisionId && d.RoundId == round));
        var lines = await (
            from x in r
            join p in db.Products on x.ProductId equals p.Id
            join e in db.Enterprises on x.EnterpriseId equals e.Id
            join d in db.RecognitionDecisions on x.DecisionId equals d.Id
            orderby x.Year, e.NameVi, p.Name
            select new RecognitionLine(
                x.Id,
                x.Year,
                p.Name,
                e.NameVi,
                e.TaxCode,
                db.Sectors.Where(sec => sec.Id == p.SectorId).Select(sec => sec.NameVi).FirstOrDefault(),
                d.Number,
                x.Top10,
                x.RevokedAt != null
            )
        )
            .Take(MaxRows)
            .ToListAsync(ct);
        return (await r.CountAsync(ct), lines);
    }
}
