using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>The enterprise saves one step of its dossier as a draft: figures, yes/no conditions or self-assessment.
/// Only the parts the edit scope unlocks can change (all of a draft; the named parts under a supplement request).
/// Every save carries the dossier version the form was loaded with (its stamp): a save from a stale form is refused
/// (<see cref="DossierChangedException"/>, or <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>
/// when the
/// other save commits in between), never silently written over the other session's answers.</summary>
public sealed class SaveDossierAnswers(AppDbContext db)
{
    public sealed record FigureValues(
        int Year,
        long? ProductRevenueVnd,
        long? EnterpriseRevenueVnd,
        long? IndustrialOutputVnd,
        long? ExportUsdCents,
        int? Employees,
        long? AverageMonthlyIncomeVnd,
        long? BudgetContributionVnd,
        long? RdSpendingVnd
    );

    public async Task SaveFiguresAsync(
        DossierWorkspace w,
        IEnumerable<FigureValues> values,
        int stamp,
        CancellationToken ct = default
    )
    {
        w.EditScope.EnsureCanEdit(SupplementTarget.Figures);
        Expect(w, stamp);
        foreach (var v in values.Where(v => w.Years.Contains(v.Year)))
        {
            var f = w.Dossier.Figures.FirstOrDefault(x => x.Year == v.Year);
            if (f is null)
                w.Dossier.Figures.Add(f = new DossierFigure { Year = v.Year });
            f.ProductRevenueVnd = v.ProductRevenueVnd;
            f.EnterpriseRevenueVnd = v.EnterpriseRevenueVnd;
            f.IndustrialOutputVnd = v.IndustrialOutputVnd;
            f.ExportUsdCents = v.ExportUsdCents;
            f.Employees = v.Employees;
            f.AverageMonthlyIncomeVnd = v.AverageMonthlyIncomeVnd;
            f.BudgetContributionVnd = v.BudgetContributionVnd;
            f.RdSpendingVnd = v.RdSpendingVnd;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveConditionsAsync(
        DossierWorkspace w,
        IReadOnlyDictionary<string, bool?> answers,
        int stamp,
        CancellationToken ct = default
    )
    {
        w.EditScope.EnsureCanEdit(SupplementTarget.Conditions);
        Expect(w, stamp);
        foreach (var c in w.Conditions)
        {
            answers.TryGetValue(c.Code, out var answer);
            var a = w.Dossier.ConditionAnswers.FirstOrDefault(x => x.ConditionCode == c.Code);
            if (a is null)
                w.Dossier.ConditionAnswers.Add(a = new ConditionAnswer { ConditionCode = c.Code });
            a.Answer = answer;
        }
        await db.SaveChangesAsync(ct);
    }

    public sealed record Claim(int IndicatorId, long? ClaimedHundredths, string Evidence);

    public async Task SaveSelfAssessmentAsync(
        DossierWorkspace w,
        IEnumerable<Claim> claims,
        int stamp,
        CancellationToken ct = default
    )
    {
        w.EditScope.EnsureCanEdit(SupplementTarget.SelfAssessment);
        Expect(w, stamp);
        var indicators = w.Rulebook.Indicators.ToDictionary(i => i.Id);
        foreach (var c in claims.Where(c => indicators.ContainsKey(c.IndicatorId)))
        {
            var s = w.Dossier.SelfAssessments.FirstOrDefault(x => x.IndicatorId == c.IndicatorId);
            if (s is null)
                w.Dossier.SelfAssessments.Add(s = new SelfAssessment { IndicatorId = c.IndicatorId });
            s.ClaimedHundredths = c.ClaimedHundredths is { } p
                ? Math.Clamp(p, 0, indicators[c.IndicatorId].MaxPointsHundredths)
                : null;
            s.Evidence = (c.Evidence ?? "").Trim();
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The answers live in child rows, so the dossier's own version is what two sessions race on: it is
    /// checked
    /// against the stamp now and in the UPDATE's WHERE clause, and goes up with every saved section.</summary>
    private void Expect(DossierWorkspace w, int stamp)
    {
        DossierVersionGuard.Expect(db, w.Dossier, stamp);
        db.Entry(w.Dossier).Property(d => d.Version).IsModified = true;
    }
}
