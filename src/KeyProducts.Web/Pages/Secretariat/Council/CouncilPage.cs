using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Shared by the secretariat's council pages: the round (?roundId=, default the latest) and its
/// council.</summary>
public abstract class CouncilPage(CouncilQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? RoundId { get; set; }
    public Round Round { get; private set; } = null!;
    public SelectionCouncil? Council { get; private set; }

    [TempData]
    public string? Flash { get; set; }
    protected IStringLocalizer<SharedResource> L => l;
    protected CouncilQueries Queries => queries;

    protected async Task<bool> LoadRoundAsync(CancellationToken ct)
    {
        var round = await queries.RoundAsync(RoundId, ct);
        if (round is null)
            return false;
        Round = round;
        RoundId = round.Id;
        Council = await queries.CouncilAsync(round.Id, ct);
        return true;
    }

    /// <summary>Runs a use case; a rule it refuses becomes a message on the page instead of an error page.</summary>
    protected async Task<IActionResult> RunAsync(Func<Task<string>> action, Func<Task<IActionResult>> onError)
    {
        try
        {
            Flash = await action();
            return RedirectToPage(new { roundId = RoundId });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Localized(l));
            var page = await onError();
            // a refused rule is the user's to fix: 4xx, never 200
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }
}
