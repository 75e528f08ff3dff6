using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>A dossier with everything needed to show, check or submit it: round, rulebook, product,
/// enterprise.</summary>
public sealed class DossierWorkspace
{
    public required Dossier Dossier { get; init; }
    public required Round Round { get; init; }
    public required CriteriaSet Rulebook { get; init; }
    public required EligibilityTrack Track { get; init; }
    public required Product Product { get; init; }
    public required Enterprise Enterprise { get; init; }
    public SupplementRequest? OpenSupplement { get; init; }
    public DeadlineExtension? Extension { get; init; }

    public IEnumerable<int> Years => Enumerable.Range(Round.Year - 3, 3);
    public IReadOnlyList<ChecklistItem> Checklist =>
        Round.Checklist.Where(c => c.AppliesTo(Track.Code)).OrderBy(c => c.SortOrder).ToList();
    public IReadOnlyList<EligibilityCondition> Conditions =>
        Rulebook.Conditions.Where(c => c.AppliesTo(Track.Code)).OrderBy(c => c.SortOrder).ToList();
    public IEnumerable<DossierDocument> CurrentDocuments => Dossier.Documents.Where(d => d.ReplacedAt is null);
    public DossierEditScope EditScope => DossierEditScope.For(Dossier.State, OpenSupplement);

    public DossierFigure? LatestFigures => Dossier.Figures.Where(f => f.Year == Round.Year - 1).FirstOrDefault();

    public EligibilityResult Eligibility()
    {
        var latest = LatestFigures;
        var compliance = Round.Checklist.Where(c => c.ProvesCompliance).Select(c => c.Id).ToHashSet();
        var answers = Dossier.ConditionAnswers.ToDictionary(a => a.ConditionCode, a => a.Answer);
        var figures = new EligibilityFigures(
            latest?.ProductRevenueVnd,
            latest?.ExportUsdCents,
            Product.IsHighTech,
            CurrentDocuments.Any(d => d.ChecklistItemId is { } item && compliance.Contains(item)),
            Enterprise.HasPresenceInCity,
            answers
        );
        return EligibilityPreview.Evaluate(Track, Rulebook.Conditions, figures);
    }

    /// <summary>What still prevents submission (<see cref="SubmissionBlockers"/>), as Vietnamese sentences (translated
    /// by
    /// the page).</summary>
    public IReadOnlyList<MissingPart> Missing() =>
        SubmissionBlockers.Of(
            Round.Year - 1,
            LatestFigures,
            Conditions,
            Dossier.ConditionAnswers,
            Checklist,
            CurrentDocuments
        );

    /// <summary>The dossier's content as a flat JSON object with readable Vietnamese field names, kept per
    /// submission.</summary>
    public string SnapshotJson()
    {
        var o = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in Dossier.Figures.OrderBy(f => f.Year))
        {
            o[$"Số liệu {f.Year}: doanh thu sản phẩm (đồng)"] = f.ProductRevenueVnd is { } a ? VnFormat.Vnd(a) : null;
            o[$"Số liệu {f.Year}: doanh thu doanh nghiệp (đồng)"] = f.EnterpriseRevenueVnd is { } b
                ? VnFormat.Vnd(b)
                : null;
            o[$"Số liệu {f.Year}: giá trị sản xuất công nghiệp (đồng)"] = f.IndustrialOutputVnd is { } c
                ? VnFormat.Vnd(c)
                : null;
            o[$"Số liệu {f.Year}: kim ngạch xuất khẩu (USD)"] = f.ExportUsdCents is { } d ? VnFormat.Usd(d) : null;
            o[$"Số liệu {f.Year}: số lao động"] = f.Employees?.ToString(AppCulture);
            o[$"Số liệu {f.Year}: thu nhập bình quân (đồng/tháng)"] = f.AverageMonthlyIncomeVnd is { } e
                ? VnFormat.Vnd(e)
                : null;
            o[$"Số liệu {f.Year}: nộp ngân sách (đồng)"] = f.BudgetContributionVnd is { } g ? VnFormat.Vnd(g) : null;
            o[$"Số liệu {f.Year}: chi nghiên cứu phát triển (đồng)"] = f.RdSpendingVnd is { } h
                ? VnFormat.Vnd(h)
                : null;
        }
        foreach (var c in Conditions)
            o[$"Điều kiện: {c.Text}"] = Dossier
                .ConditionAnswers.FirstOrDefault(a => a.ConditionCode == c.Code)
                ?.Answer switch
            {
                true => "Có",
                false => "Không",
                null => null,
            };
        foreach (var i in Rulebook.Indicators)
            if (Dossier.SelfAssessments.FirstOrDefault(s => s.IndicatorId == i.Id) is { } s)
                o[$"Tự đánh giá {i.Code}"] =
                    $"{(s.ClaimedHundredths is { } p ? VnFormat.Points(p) : "—")} · {s.Evidence}";
        foreach (var item in Checklist)
        {
            var docs = CurrentDocuments
                .Where(d => d.ChecklistItemId == item.Id)
                .Select(d => $"{d.FileName} ({d.Sha256[..12]})");
            o[$"Tài liệu: {item.Name}"] = string.Join("; ", docs) is { Length: > 0 } s ? s : null;
        }
        return JsonSerializer.Serialize(o);
    }

    private static readonly IFormatProvider AppCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>Loads a <see cref="DossierWorkspace"/>; callers have already checked access through <see
/// cref="DossierAccess"/>.</summary>
public sealed class DossierWorkspaceLoader(AppDbContext db)
{
    /// <summary>Forgets what this request loaded or failed to save, so the workspace shows what is committed
    /// now.</summary>
    public Task<DossierWorkspace?> ReloadAsync(int dossierId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        return LoadAsync(dossierId, ct);
    }

    public async Task<DossierWorkspace?> LoadAsync(int dossierId, CancellationToken ct = default)
    {
        var d = await db
            .Dossiers.Include(x => x.Figures)
            .Include(x => x.ConditionAnswers)
            .Include(x => x.SelfAssessments)
            .Include(x => x.Documents)
            .Include(x => x.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == dossierId, ct);
        if (d is null)
            return null;
        var round = await db
            .Rounds.Include(r => r.Checklist)
            .Include(r => r.Documents)
            .AsSplitQuery()
            .FirstAsync(r => r.Id == d.RoundId, ct);
        var set = await db
            .CriteriaSets.Include(s => s.Groups)
                .ThenInclude(g => g.Indicators)
            .Include(s => s.Tracks)
            .Include(s => s.Conditions)
            .AsSplitQuery()
            .FirstAsync(s => s.Id == round.CriteriaSetId, ct);
        var product = await db.Products.FirstAsync(p => p.Id == d.ProductId, ct);
        var enterprise = await db.Enterprises.Include(e => e.Factories).FirstAsync(e => e.Id == d.EnterpriseId, ct);
        var open =
            d.State == DossierState.NeedsSupplement
                ? await db
                    .SupplementRequests.Include(s => s.Items)
                    .Where(s => s.DossierId == d.Id && s.AnsweredAt == null)
                    .OrderByDescending(s => s.RequestedAt)
                    .FirstOrDefaultAsync(ct)
                : null;
        var extension = await db
            .DeadlineExtensions.Where(x => x.RoundId == round.Id && x.EnterpriseId == d.EnterpriseId)
            .OrderByDescending(x => x.NewDeadline)
            .FirstOrDefaultAsync(ct);
        return new DossierWorkspace
        {
            Dossier = d,
            Round = round,
            Rulebook = set,
            Track = set.Tracks.First(t => t.Id == d.TrackId),
            Product = product,
            Enterprise = enterprise,
            OpenSupplement = open,
            Extension = extension,
        };
    }
}
