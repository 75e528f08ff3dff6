using KeyProducts.Web.Features.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Public;

/// <summary>Anyone checks a certificate: by serial, or by the QR payload (the QR opens this page with ?p=…).</summary>
public class VerifyModel(VerifyCertificate verify) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Serial { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? Payload { get; set; }

    public VerificationResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var input = !string.IsNullOrWhiteSpace(Payload) ? Payload : Serial;
        if (!string.IsNullOrWhiteSpace(input))
            Result = await verify.RunAsync(input, ct);
    }
}
