using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Revokes a recognition (thu hồi) with its reason and the document that decided it; shown publicly.</summary>
public sealed class RevokeRecognition(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task RunAsync(int recognitionId, string? reason, string? document, CancellationToken ct)
    {
        var r = await db.Recognitions.FirstOrDefaultAsync(x => x.Id == recognitionId, ct)
            ?? throw new DomainException("RecognitionNotFound", "Không tìm thấy công nhận.");
        if (string.IsNullOrWhiteSpace(document))
            throw new DomainException("DocumentRequired", "Cần nêu số văn bản thu hồi.");
        r.Revoke(time.GetUtcNow(), reason ?? "", document);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(ct);
    }
}
