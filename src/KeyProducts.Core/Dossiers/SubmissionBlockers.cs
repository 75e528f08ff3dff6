using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Dossiers;

/// <summary>Something that still prevents a dossier's submission: the section of the task list it belongs to, a
/// Vietnamese sentence with one placeholder (the key of its translation) and the value for it.</summary>
public sealed record MissingPart(string Section, string Text, object Argument);

/// <summary>What blocks a submission (procedure, step 4): the last year's product and enterprise revenue, an answer to
/// every
/// eligibility condition of the dossier's track, and every mandatory document of its checklist. An empty list means the
/// dossier may be submitted.</summary>
public static class SubmissionBlockers
{
    public static IReadOnlyList<MissingPart> Of(
        int figuresYear,
        DossierFigure? latest,
        IEnumerable<EligibilityCondition> conditions,
        IEnumerable<ConditionAnswer> answers,
        IEnumerable<ChecklistItem> checklist,
        IEnumerable<DossierDocument> currentDocuments
    )
    {
        var missing = new List<MissingPart>();
        if (latest?.ProductRevenueVnd is null || latest.EnterpriseRevenueVnd is null)
            missing.Add(new("figures", "Số liệu năm {0}: doanh thu sản phẩm và doanh thu doanh nghiệp", figuresYear));
        var given = answers
            .Where(a => a.Answer is not null)
            .Select(a => a.ConditionCode)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var c in conditions.Where(c => !given.Contains(c.Code)))
            missing.Add(new("conditions", "Chưa trả lời điều kiện: {0}", c.Text));
        var documents = currentDocuments.Where(d => d.ReplacedAt is null).Select(d => d.ChecklistItemId).ToHashSet();
        foreach (var item in checklist.Where(i => i.Mandatory && !documents.Contains(i.Id)))
            missing.Add(new("documents", "Chưa có tài liệu bắt buộc: {0}", item.Name));
        return missing;
    }
}
