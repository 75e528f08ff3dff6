using KeyProducts.Web.Features.Certificates;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Public;

public class SigningKeyModel(CertificateSigner signer) : PageModel
{
    public CertificateSigner Signer { get; } = signer;
}
