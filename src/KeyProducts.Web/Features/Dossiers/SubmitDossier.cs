using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>The enterprise submits (or resubmits after a supplement request): the deadline is checked on the server
/// in Hanoi time, the dossier is locked, gets its code on first submission, a snapshot is kept, the rulebook is
/// frozen, and a receipt PDF is e-mailed.</summary>
public sealed class SubmitDossier(AppDbContext db, TimeProvider time, DossierNotifier notifier)
{
    public async Task<byte[]> ExecuteAsync(DossierWorkspace w, string userId, CancellationToken ct = default)
    {
        var d = w.Dossier;
        var now = time.GetUtcNow();
        DossierSubmission.Submit(
            d,
            w.Round,
            w.Rulebook,
            w.OpenSupplement,
            w.Extension?.NewDeadline,
            w.Missing().Count,
            userId,
            now
        );
        db.DossierSnapshots.Add(
            new DossierSnapshot
            {
                DossierId = d.Id,
                Revision = d.Revision,
                TakenAt = now,
                Json = w.SnapshotJson(),
            }
        );

        var pdf = ReceiptPdf.Render(w);
        await notifier.NotifyEnterpriseAsync(
            d,
            $"Đã nhận hồ sơ {d.Code}",
            $"Sở Công Thương Hà Nội đã nhận hồ sơ {d.Code} (lần nộp {d.Revision}) của sản phẩm {w.Product.Name}. "
                + $"Giấy biên nhận đính kèm.",
            $"bien-nhan-{d.Code}.pdf",
            pdf,
            ct
        );
        await db.SaveChangesAsync(ct);
        return pdf;
    }
}
