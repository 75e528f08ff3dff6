using KeyProducts.Core.Recognition;
using KeyProducts.Web.Features.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal.Certificates;

public class IndexModel(CertificateAccess access, CertificateQueries certificates, CertificatePdf pdf) : PageModel
{
    public IReadOnlyList<CertificateView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var enterpriseId = await access.EnterpriseOfAsync(User);
        if (enterpriseId is null)
            return;
        Items = await certificates
            .Views()
            .Where(c => c.EnterpriseId == enterpriseId)
            .OrderByDescending(c => c.Year)
            .ThenBy(c => c.Product)
            .ThenBy(c => c.Serial)
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var c = await access.FindAsync(User, id, ct);
        if (c is null)
            return NotFound();
        return File(
            pdf.Render(c, CertificatesRegistration.PublicBaseUrl(HttpContext)),
            "application/pdf",
            $"{c.Serial}.pdf"
        );
    }

    public static string KindLabel(CertificateKind k) => k == CertificateKind.Top10 ? "Top 10" : "SPCNCL";
}
