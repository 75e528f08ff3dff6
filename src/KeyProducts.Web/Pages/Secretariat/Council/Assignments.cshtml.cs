using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Who scores which indicator: the rulebook's default, adjusted by the officer for this round.</summary>
public class AssignmentsModel(CouncilQueries queries, AssignIndicators assign, IStringLocalizer<SharedResource> l)
    : CouncilPage(queries, l)
{
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<int, HashSet<int>> Assigned { get; private set; } = [];

    /// <summary>Checked boxes, each "indicatorId:memberId".</summary>
    [BindProperty]
    public List<string> Pairs { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        var members = Council.Members.Select(m => m.Id).ToHashSet();
        var indicators = Indicators.Select(i => i.Id).ToHashSet();
        var pairs = new List<(int, int)>();
        foreach (var p in Pairs)
        {
            var parts = p.Split(':');
            if (
                parts.Length == 2
                && int.TryParse(parts[0], out var i)
                && int.TryParse(parts[1], out var m)
                && indicators.Contains(i)
                && members.Contains(m)
            )
                pairs.Add((i, m));
            else
                return BadRequest();
        }
        var unassigned = Indicators.Count(i => pairs.All(p => p.Item1 != i.Id));
        if (unassigned > 0)
        {
            ModelState.AddModelError("", L["Mỗi chỉ tiêu phải có ít nhất một người chấm."]);
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await assign.ReplaceAsync(Council.Id, pairs, ct);
                return "Đã lưu phân công chấm điểm.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostDefaultAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Council is null)
            return NotFound();
        var rulebook = await Queries.RulebookAsync(Round.CriteriaSetId, ct);
        return await RunAsync(
            async () =>
            {
                await assign.ApplyDefaultAsync(Council, rulebook, ct);
                return "Đã áp dụng phân công mặc định theo bộ tiêu chí.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        Indicators = (await Queries.RulebookAsync(Round.CriteriaSetId, ct)).Indicators.ToList();
        if (Council is not null)
            Assigned = await Queries.AssignmentsAsync(Council.Id, ct);
        return true;
    }
}
