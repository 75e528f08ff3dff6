using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Account.Register;

/// <summary>A colleague opens the invitation link and creates an account linked to the inviting enterprise.</summary>
public class AcceptModel(
    AcceptInvitation accept,
    AppDbContext db,
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public string EnterpriseName { get; private set; } = "";
    public bool Invalid { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
        [StringLength(200, ErrorMessage = "Tên quá dài (tối đa 200 ký tự).")]
        [Display(Name = "Họ và tên")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
        [Display(Name = "Nhập lại mật khẩu")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null ? NotFoundPage() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var invitation = await LoadAsync(ct);
        if (invitation is null)
            return NotFoundPage();
        if (!ModelState.IsValid)
            return Page();
        var errors = await accept.RunAsync(invitation, Input.DisplayName, Input.Password, ct);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
                ModelState.AddModelError("Input.Password", e);
            return Page();
        }
        var user = await users.FindByEmailAsync(invitation.Email);
        await signIn.SignInAsync(user!, isPersistent: false);
        TempData["Flash"] = l["Đã tạo tài khoản. Bạn đã tham gia tài khoản của doanh nghiệp."].Value;
        return LocalRedirect("/Portal");
    }

    private IActionResult NotFoundPage()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<Core.Enterprises.EnterpriseInvitation?> LoadAsync(CancellationToken ct)
    {
        var invitation = await accept.FindValidAsync(Token, ct);
        if (invitation is null)
            return null;
        Email = invitation.Email;
        EnterpriseName = await db
            .Enterprises.Where(e => e.Id == invitation.EnterpriseId)
            .Select(e => e.NameVi)
            .FirstAsync(ct);
        return invitation;
    }
}
