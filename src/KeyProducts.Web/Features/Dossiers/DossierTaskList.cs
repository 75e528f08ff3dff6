using KeyProducts.Core.Dossiers;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Where a section of the dossier stands, as the GOV.UK task list shows it.</summary>
public enum DossierTaskStatus
{
    NotStarted,
    InProgress,
    Completed,
    NeedsSupplement,
}

/// <summary>One section of the dossier form: its route segment, Vietnamese title (a localizer key), hint and
/// status.</summary>
public sealed record DossierTask(string Section, string Title, string Hint, DossierTaskStatus Status, bool Editable);

/// <summary>The dossier as a task list: the four sections in form order, each with its status. A section an open
/// supplement
/// request names is "cần bổ sung" whatever its content; otherwise empty → not started, complete → completed, else in
/// progress.
/// "Completed" means what submission needs: the last year's two revenues, every condition answered, every indicator
/// self-assessed, every mandatory document uploaded.</summary>
public static class DossierTaskList
{
    public const string Figures = "figures";
    public const string Conditions = "conditions";
    public const string Assessment = "assessment";
    public const string Documents = "documents";

    public static readonly IReadOnlyList<string> Sections = [Figures, Conditions, Assessment, Documents];

    public static string Title(string section) =>
        section switch
        {
            Figures => "Số liệu ba năm gần nhất",
            Conditions => "Điều kiện tham gia",
            Assessment => "Tự đánh giá theo tiêu chí",
            _ => "Tài liệu",
        };

    public static string StatusText(DossierTaskStatus s) =>
        s switch
        {
            DossierTaskStatus.NotStarted => "Chưa bắt đầu",
            DossierTaskStatus.InProgress => "Đang làm",
            DossierTaskStatus.Completed => "Đã xong",
            _ => "Cần bổ sung",
        };

    public static IReadOnlyList<DossierTask> Of(DossierWorkspace w)
    {
        var d = w.Dossier;
        var scope = w.EditScope;
        var supplement = w.OpenSupplement?.Items ?? [];
        bool Asked(SupplementTarget t) => d.State == DossierState.NeedsSupplement && supplement.Any(i => i.Target == t);

        var latest = w.LatestFigures;
        var anyFigure = d.Figures.Any(f =>
            f.ProductRevenueVnd is not null
            || f.EnterpriseRevenueVnd is not null
            || f.IndustrialOutputVnd is not null
            || f.ExportUsdCents is not null
            || f.Employees is not null
            || f.AverageMonthlyIncomeVnd is not null
            || f.BudgetContributionVnd is not null
            || f.RdSpendingVnd is not null
        );
        var figuresDone = latest?.ProductRevenueVnd is not null && latest.EnterpriseRevenueVnd is not null;

        var conditions = w.Conditions;
        var answered = conditions.Count(c =>
            d.ConditionAnswers.Any(a => a.ConditionCode == c.Code && a.Answer is not null)
        );

        var indicators = w.Rulebook.Indicators.Select(i => i.Id).ToHashSet();
        var claimed = d.SelfAssessments.Count(s =>
            indicators.Contains(s.IndicatorId) && s.ClaimedHundredths is not null
        );
        var evidence = d.SelfAssessments.Any(s => s.Evidence.Length > 0);

        var checklist = w.Checklist;
        var docs = w.CurrentDocuments.ToList();
        var mandatoryMissing = checklist.Any(i => i.Mandatory && docs.All(x => x.ChecklistItemId != i.Id));

        return
        [
            new(
                Figures,
                Title(Figures),
                "Doanh thu, xuất khẩu, lao động … của ba năm trước năm xét chọn.",
                Asked(SupplementTarget.Figures) ? DossierTaskStatus.NeedsSupplement
                    : figuresDone ? DossierTaskStatus.Completed
                    : anyFigure ? DossierTaskStatus.InProgress
                    : DossierTaskStatus.NotStarted,
                scope.CanEdit(SupplementTarget.Figures)
            ),
            new(
                Conditions,
                Title(Conditions),
                "Trả lời có hoặc không cho từng điều kiện.",
                Asked(SupplementTarget.Conditions) ? DossierTaskStatus.NeedsSupplement
                    : answered == conditions.Count && conditions.Count > 0 ? DossierTaskStatus.Completed
                    : answered > 0 ? DossierTaskStatus.InProgress
                    : DossierTaskStatus.NotStarted,
                scope.CanEdit(SupplementTarget.Conditions)
            ),
            new(
                Assessment,
                Title(Assessment),
                "Điểm tự chấm và minh chứng cho từng tiêu chí.",
                Asked(SupplementTarget.SelfAssessment) ? DossierTaskStatus.NeedsSupplement
                    : claimed == indicators.Count && indicators.Count > 0 ? DossierTaskStatus.Completed
                    : claimed > 0 || evidence ? DossierTaskStatus.InProgress
                    : DossierTaskStatus.NotStarted,
                scope.CanEdit(SupplementTarget.SelfAssessment)
            ),
            new(
                Documents,
                Title(Documents),
                "Tải lên các tài liệu theo danh mục của đợt xét chọn.",
                Asked(SupplementTarget.ChecklistItem) ? DossierTaskStatus.NeedsSupplement
                    : !mandatoryMissing ? DossierTaskStatus.Completed
                    : docs.Count > 0 ? DossierTaskStatus.InProgress
                    : DossierTaskStatus.NotStarted,
                checklist.Any(i => scope.CanEditDocument(i.Id))
            ),
        ];
    }
}
