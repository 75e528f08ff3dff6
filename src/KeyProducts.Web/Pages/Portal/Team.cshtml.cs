using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal;

/// <summary>The enterprise's staff and invitations; only the owner invites.</summary>
public class TeamModel(
    EnterpriseAccess access,
    AppDbContext db,
    InviteColleague invite,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed record Member(string Name, string Email, bool Owner);

    public sealed record Pending(string Email, DateTimeOffset ExpiresAt);

    public List<Member> Members { get; private set; } = [];
    public List<Pending> Invitations { get; private set; } = [];
    public bool IsOwner { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [MailAddress(ErrorMessage = "Email không hợp lệ.")]
    [Display(Name = "Email của đồng nghiệp")]
    public string Email { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } id)
            return NotFound();
        if (!IsOwner)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var (_, error) = await invite.RunAsync(id, Email, $"{Request.Scheme}://{Request.Host}", ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), l[error]);
            return Page();
        }
        TempData["Flash"] = l["Đã gửi lời mời tới {0}.", Email.Trim()].Value;
        return RedirectToPage();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is not { } id)
            return null;
        IsOwner = await access.IsOwnerAsync(User, ct);
        Members = await db
            .Users.AsNoTracking()
            .Where(u => u.EnterpriseId == id)
            .OrderByDescending(u => u.IsEnterpriseOwner)
            .ThenBy(u => u.DisplayName)
            .Select(u => new Member(u.DisplayName, u.Email ?? "", u.IsEnterpriseOwner))
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        Invitations = (
            await db
                .EnterpriseInvitations.AsNoTracking()
                .Where(i => i.EnterpriseId == id && i.AcceptedAt == null)
                .Select(i => new Pending(i.Email, i.ExpiresAt))
                .ToListAsync(ct)
        )
            .Where(i => i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .ToList();
        return id;
    }
}
