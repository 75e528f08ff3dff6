using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Replaces a certificate by a new serial; the old serial is marked superseded and verifies as such.</summary>
public sealed class ReissueCertificate(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task<Certificate> RunAsync(int certificateId, CancellationToken ct)
    {
        var old = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, ct)
            ?? throw new DomainException("CertificateNotFound", "Không tìm thấy giấy chứng nhận.");
        if (old.SupersededById is not null)
            throw new DomainException("AlreadySuperseded", "Giấy chứng nhận này đã được cấp lại trước đó.");
        var recognition = await db.Recognitions.FirstAsync(r => r.Id == old.RecognitionId, ct);
        if (recognition.RevokedAt is not null)
            throw new DomainException("Revoked", "Công nhận đã bị thu hồi, không thể cấp lại giấy chứng nhận.");
        var now = time.GetUtcNow();
        var fresh = new Certificate
        {
            RecognitionId = old.RecognitionId,
            Kind = old.Kind,
            Serial = await new SerialNumbers(db).NextAsync(recognition.Year, old.Kind, ct),
            IssuedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Certificates.Add(fresh);
        await db.SaveChangesAsync(ct);
        old.SupersededById = fresh.Id;
        old.SupersededAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await cache.EvictAsync(ct);
        return fresh;
    }
}
