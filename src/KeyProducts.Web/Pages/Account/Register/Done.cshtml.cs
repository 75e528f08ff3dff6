using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Account.Register;

/// <summary>After registering: the same page whether the e-mail was new or already had an account.</summary>
public class DoneModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData["RegisteredEmail"] as string;
}
