using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Opening an edit form of a set already used by dossiers (a bookmark, a stale tab) sends the officer back to
/// the set
/// with the reason, instead of an error page.</summary>
internal static class FrozenRulebook
{
    public static async Task<IActionResult?> RedirectIfFrozenAsync(
        this PageModel page,
        RulebookQueries queries,
        IStringLocalizer<SharedResource> l,
        int setId,
        CancellationToken ct
    )
    {
        if (!await queries.IsFrozenAsync(setId, ct))
            return null;
        page.TempData["Flash"] = l[
            "Bộ tiêu chí đã được dùng cho hồ sơ nên không thể sửa; hãy sao chép thành phiên bản mới."
        ].Value;
        return new RedirectResult($"/Secretariat/Rulebook/Details?id={setId}");
    }
}
