using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Council;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
