using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.Dossiers;

/// <summary>The enterprise fills its dossier as a task list (GOV.UK pattern): /Edit/{id} lists the four sections with
/// their
/// status, /Edit/{id}/{section} shows one section's form. Each form saves a draft of its own part and returns to the
/// list
/// (documents stay on their page: one file per upload). Refused input comes back beside its field with what was
/// typed.</summary>
[Infrastructure.Web.FormTooLargeIs413]
[RequestSizeLimit(DossierLimits.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DossierLimits.MaxUploadRequestBytes)]
public class EditModel(
    DossierAccess access,
    DossierWorkspaceLoader loader,
    SaveDossierAnswers save,
    UploadDossierDocument upload,
    IStringLocalizer<SharedResource> l,
    AppDbContext db
) : PageModel
{
    public DossierWorkspace W { get; private set; } = null!;
    public string? Saved { get; private set; }

    /// <summary>The section shown (figures, conditions, assessment, documents), or null for the task list.</summary>
    public string? Section { get; private set; }

    /// <summary>Form field names in the order the page shows them: the error summary lists errors in that
    /// order.</summary>
    public List<string> FieldOrder { get; } = [];

    public sealed class FigureInput
    {
        public int Year { get; set; }
        public string? ProductRevenue { get; set; }
        public string? EnterpriseRevenue { get; set; }
        public string? IndustrialOutput { get; set; }
        public string? ExportUsd { get; set; }
        public string? Employees { get; set; }
        public string? AverageIncome { get; set; }
        public string? BudgetContribution { get; set; }
        public string? RdSpending { get; set; }
    }

    public sealed class ClaimInput
    {
        public int IndicatorId { get; set; }
        public string? Points { get; set; }
        public string? Evidence { get; set; }
    }

    [BindProperty]
    public List<FigureInput> Figures { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    [BindProperty]
    public List<ClaimInput> Claims { get; set; } = [];

    [BindProperty]
    public int ChecklistItemId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The dossier version the section form was loaded with; a save from an older form is refused.</summary>
    [BindProperty]
    public int? Stamp { get; set; }

    /// <summary>Set when the save was refused because another session saved the dossier first: the saved values that
    /// differ from what this user typed, as (field, saved value).</summary>
    public List<(string Field, string Saved)>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? section, string? saved, CancellationToken ct)
    {
        if (section is not null && !DossierTaskList.Sections.Contains(section))
            return NotFound();
        if (!await LoadAsync(id, ct))
            return NotFound();
        Section = section;
        Saved = saved is not null && DossierTaskList.Sections.Contains(saved) ? saved : null;
        Fill();
        return Page();
    }

    /// <summary>The registration form or the commitment, filled in with what the dossier holds (Word, to sign and
    /// upload).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int id, string? name, CancellationToken ct)
    {
        if (name is null || !DossierTemplates.Names.Contains(name))
            return NotFound();
        if (!await LoadAsync(id, ct))
            return NotFound();
        var sector = W.Product.SectorId is { } sectorId
            ? await db.Sectors.Where(x => x.Id == sectorId).Select(x => x.NameVi).FirstOrDefaultAsync(ct)
            : null;
        return File(
            DossierTemplates.Build(name, DossierTemplates.Data.From(W, sector)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            DossierTemplates.FileName(name, W.Round.Year)
        );
    }

    public Task<IActionResult> OnPostFiguresAsync(int id, CancellationToken ct) =>
        Handle(id, DossierTaskList.Figures, async () =>
        {
            var values = new List<SaveDossierAnswers.FigureValues>();
            for (var i = 0; i < Figures.Count; i++)
            {
                var f = Figures[i];
                var p = $"{nameof(Figures)}[{i}].";
                values.Add(
                    new(
                        f.Year,
                        Vnd(p + nameof(f.ProductRevenue), f.ProductRevenue),
                        Vnd(p + nameof(f.EnterpriseRevenue), f.EnterpriseRevenue),
                        Vnd(p + nameof(f.IndustrialOutput), f.IndustrialOutput),
                        Usd(p + nameof(f.ExportUsd), f.ExportUsd),
                        Int(p + nameof(f.Employees), f.Employees),
                        Vnd(p + nameof(f.AverageIncome), f.AverageIncome),
                        Vnd(p + nameof(f.BudgetContribution), f.BudgetContribution),
                        Vnd(p + nameof(f.RdSpending), f.RdSpending)
                    )
                );
            }
            if (!ModelState.IsValid)
                return false;
            await save.SaveFiguresAsync(W, values, Stamp ?? -1, ct);
            return true;
        });

    public Task<IActionResult> OnPostConditionsAsync(int id, CancellationToken ct) =>
        Handle(id, DossierTaskList.Conditions, async () =>
        {
            var answers = Answers.ToDictionary(
                a => a.Key,
                a =>
                    a.Value switch
                    {
                        "yes" => true,
                        "no" => (bool?)false,
                        _ => null,
                    }
            );
            await save.SaveConditionsAsync(W, answers, Stamp ?? -1, ct);
            return true;
        });

    public Task<IActionResult> OnPostAssessmentAsync(int id, CancellationToken ct) =>
        Handle(id, DossierTaskList.Assessment, async () =>
        {
            var indicators = W.Rulebook.Indicators.ToDictionary(i => i.Id);
            var claims = new List<SaveDossierAnswers.Claim>();
            for (var i = 0; i < Claims.Count; i++)
            {
                var c = Claims[i];
                long? points = null;
                var key = $"Claims[{i}].Points";
                if (!string.IsNullOrWhiteSpace(c.Points))
                {
                    // The one parser of points in the system (criteria, council score sheet): "7,5", "10"; at most two
                    // decimals.
                    if (!PointsText.TryParseHundredths(c.Points, out var p))
                        ModelState.AddModelError(
                            key,
                            l["Điểm tự đánh giá phải là số không âm, tối đa hai chữ số thập phân, ví dụ 7,5."]
                        );
                    else if (indicators.TryGetValue(c.IndicatorId, out var ind) && p > ind.MaxPointsHundredths)
                        ModelState.AddModelError(
                            key,
                            l[
                                "Điểm tự đánh giá của tiêu chí {0} không được vượt quá {1} điểm.",
                                ind.Code,
                                VnFormat.Points(ind.MaxPointsHundredths)
                            ]
                        );
                    else
                        points = p;
                }
                claims.Add(new(c.IndicatorId, points, c.Evidence ?? ""));
            }
            if (!ModelState.IsValid)
                return false;
            await save.SaveSelfAssessmentAsync(W, claims, Stamp ?? -1, ct);
            return true;
        });

    public Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct) =>
        Handle(id, DossierTaskList.Documents, async () =>
        {
            if (Upload is null || Upload.Length == 0)
            {
                ModelState.AddModelError(nameof(Upload), l["Chọn tệp cần tải lên."]);
                return false;
            }
            await using var stream = Upload.OpenReadStream();
            await upload.ExecuteAsync(W, ChecklistItemId, Upload.FileName, stream, access.ViewerUserId(User), ct);
            return true;
        });

    private async Task<IActionResult> Handle(int id, string section, Func<Task<bool>> action)
    {
        if (!await LoadAsync(id, HttpContext.RequestAborted))
            return NotFound();
        try
        {
            if (await action())
                return Done(id, section);
            Response.StatusCode = 400;
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError(
                nameof(Upload),
                l[
                    "Tệp vượt quá dung lượng cho phép ({0} MB mỗi tệp, {1} MB mỗi hồ sơ).",
                    DossierLimits.MaxFileBytes / 1048576,
                    DossierLimits.MaxDossierBytes / 1048576
                ]
            );
            Response.StatusCode = 413;
        }
        catch (Exception ex)
            when (section != DossierTaskList.Documents && (ex is DossierChangedException || DbErrors.IsLostRace(ex)))
        {
            // Someone saved first: another session, or this user's own double click. Compare with what is committed
            // now.
            await ReloadAsync(id, HttpContext.RequestAborted);
            var differences = Differences(section);
            if (differences.Count == 0)
                return Done(id, section); // what is saved is what this user typed
            Conflict = differences;
            ModelState.AddModelError(
                "",
                l[
                    "Hồ sơ vừa được lưu ở một phiên làm việc khác nên lần lưu này chưa được ghi. Những gì bạn nhập "
                        + "vẫn còn trên trang; các ô khác với bản đã lưu được liệt kê dưới đây. Kiểm tra rồi bấm lưu "
                        + "lại nếu muốn ghi đè."
                ]
            );
            Response.StatusCode = 409;
            Section = section;
            Stamp = W.Dossier.Version; // saving again, knowingly, is now allowed
            OrderFields();
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(section == DossierTaskList.Documents ? nameof(Upload) : "", ex.Localized(l));
            Response.StatusCode = 400;
        }
        // Reload so the page shows what is saved, while the posted fields keep what the user typed.
        await ReloadAsync(id, HttpContext.RequestAborted);
        Section = section;
        OrderFields();
        return Page();
    }

    private RedirectToPageResult Done(int id, string section) =>
        section == DossierTaskList.Documents
            ? RedirectToPage(
                "Edit",
                null,
                new
                {
                    id,
                    section,
                    saved = section,
                },
                "documents-list"
            )
            : RedirectToPage(
                "Edit",
                null,
                new
                {
                    id,
                    section = (string?)null,
                    saved = section,
                },
                "task-" + section
            );

    /// <summary>Where the committed values of a section differ from the ones posted: labelled for the user, with the
    /// saved value.</summary>
    private List<(string Field, string Saved)> Differences(string section)
    {
        var result = new List<(string, string)>();
        var empty = l["(trống)"].Value;
        static string Norm(string? v) => new((v ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        void Compare(string field, string? posted, string? saved)
        {
            if (Norm(posted) != Norm(saved))
                result.Add((field, string.IsNullOrWhiteSpace(saved) ? empty : saved));
        }
        if (section == DossierTaskList.Figures)
        {
            var saved = SavedFigures().ToDictionary(f => f.Year);
            foreach (var posted in Figures.Where(f => saved.ContainsKey(f.Year)))
            foreach (var (name, label) in FigureFields)
            {
                var prop = typeof(FigureInput).GetProperty(name)!;
                Compare(
                    $"{l[label]} — {l["Năm {0}", posted.Year]}",
                    (string?)prop.GetValue(posted),
                    (string?)prop.GetValue(saved[posted.Year])
                );
            }
        }
        else if (section == DossierTaskList.Conditions)
        {
            var saved = SavedAnswers();
            foreach (var c in W.Conditions)
            {
                Answers.TryGetValue(c.Code, out var posted);
                Compare(c.Text, AnswerText(posted), AnswerText(saved[c.Code]));
            }
        }
        else if (section == DossierTaskList.Assessment)
        {
            var saved = SavedClaims().ToDictionary(c => c.IndicatorId);
            foreach (var posted in Claims.Where(c => saved.ContainsKey(c.IndicatorId)))
            {
                var code = W.Rulebook.Indicators.First(i => i.Id == posted.IndicatorId).Code;
                Compare($"{code} — {l["Điểm tự đánh giá"]}", posted.Points, saved[posted.IndicatorId].Points);
                Compare($"{code} — {l["Minh chứng"]}", posted.Evidence?.Trim(), saved[posted.IndicatorId].Evidence);
            }
        }
        return result;
    }

    private string? AnswerText(string? answer) =>
        answer switch
        {
            "yes" => l["Có"].Value,
            "no" => l["Không"].Value,
            _ => null,
        };

    /// <summary>The error summary follows the form: figures row by row (indicator, then years), then claims in
    /// order.</summary>
    private void OrderFields()
    {
        foreach (var field in FigureFields)
            for (var i = 0; i < Figures.Count; i++)
                FieldOrder.Add($"Figures[{i}].{field.Name}");
        for (var i = 0; i < Claims.Count; i++)
        {
            FieldOrder.Add($"Claims[{i}].Points");
            FieldOrder.Add($"Claims[{i}].Evidence");
        }
        FieldOrder.Add(nameof(Upload));
    }

    /// <summary>The figure rows of the form, in order: property name and Vietnamese label.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> FigureFields =
    [
        ("ProductRevenue", "Doanh thu sản phẩm (đồng)"),
        ("EnterpriseRevenue", "Doanh thu doanh nghiệp (đồng)"),
        ("IndustrialOutput", "Giá trị sản xuất công nghiệp (đồng)"),
        ("ExportUsd", "Kim ngạch xuất khẩu (USD)"),
        ("Employees", "Số lao động"),
        ("AverageIncome", "Thu nhập bình quân (đồng/người/tháng)"),
        ("BudgetContribution", "Nộp ngân sách nhà nước (đồng)"),
        ("RdSpending", "Chi nghiên cứu, phát triển (đồng)"),
    ];

    private async Task ReloadAsync(int id, CancellationToken ct) => W = (await loader.ReloadAsync(id, ct))!;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (!await access.CanEditAsEnterpriseAsync(viewer, id, ct))
            return false;
        W = (await loader.LoadAsync(id, ct))!;
        return true;
    }

    private void Fill()
    {
        Figures = SavedFigures();
        Answers = SavedAnswers();
        Claims = SavedClaims();
        Stamp = W.Dossier.Version;
    }

    private List<FigureInput> SavedFigures() =>
        W
            .Years.Select(y =>
                W.Dossier.Figures.FirstOrDefault(f => f.Year == y) is { } f
                    ? new FigureInput
                    {
                        Year = y,
                        ProductRevenue = V(f.ProductRevenueVnd),
                        EnterpriseRevenue = V(f.EnterpriseRevenueVnd),
                        IndustrialOutput = V(f.IndustrialOutputVnd),
                        ExportUsd = f.ExportUsdCents is { } e ? VnFormat.Usd(e) : null,
                        Employees = f.Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        AverageIncome = V(f.AverageMonthlyIncomeVnd),
                        BudgetContribution = V(f.BudgetContributionVnd),
                        RdSpending = V(f.RdSpendingVnd),
                    }
                    : new FigureInput { Year = y }
            )
            .ToList();

    private Dictionary<string, string?> SavedAnswers() =>
        W.Conditions.ToDictionary(
            c => c.Code,
            c =>
                W.Dossier.ConditionAnswers.FirstOrDefault(a => a.ConditionCode == c.Code)?.Answer switch
                {
                    true => "yes",
                    false => "no",
                    null => (string?)"",
                }
        );

    private List<ClaimInput> SavedClaims() =>
        W
            .Rulebook.Indicators.Select(i =>
                W.Dossier.SelfAssessments.FirstOrDefault(s => s.IndicatorId == i.Id) is { } s
                    ? new ClaimInput
                    {
                        IndicatorId = i.Id,
                        Points = s.ClaimedHundredths is { } p ? VnFormat.Points(p) : null,
                        Evidence = s.Evidence,
                    }
                    : new ClaimInput { IndicatorId = i.Id }
            )
            .ToList();

    private static string? V(long? v) => v is { } x ? VnFormat.Vnd(x) : null;

    private long? Vnd(string key, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        if (Money.TryParseVnd(input, out var v))
            return v;
        ModelState.AddModelError(key, l["Số tiền không hợp lệ: nhập số nguyên đồng, ví dụ 120.000.000.000."]);
        return null;
    }

    private long? Usd(string key, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        if (Money.TryParseUsdCents(input, out var v))
            return v;
        ModelState.AddModelError(key, l["Số tiền USD không hợp lệ, ví dụ 1.250.000,50."]);
        return null;
    }

    private int? Int(string key, string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        if (Money.TryParseVnd(input, out var v) && v <= int.MaxValue)
            return (int)v;
        ModelState.AddModelError(key, l["Số lao động phải là số nguyên."]);
        return null;
    }
}

/// <summary>Model of the _FiguresTable partial: the dossier, and whether each row links back to the figures
/// form.</summary>
public sealed record FiguresTableModel(DossierWorkspace W, bool ChangeLinks);
