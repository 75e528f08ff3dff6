using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Issues the missing certificates of a decision's recognitions: a standard one for each, and a Top 10 one
/// for each Top 10 place. Running it twice issues nothing new.</summary>
public sealed class IssueCertificates(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task<int> RunAsync(int decisionId, CancellationToken ct)
    {
        var recognitions = await db.Recognitions.Where(r => r.DecisionId == decisionId && r.RevokedAt == null).ToListAsync(ct);
        var ids = recognitions.Select(r => r.Id).ToList();
        var existing = await db.Certificates.Where(c => ids.Contains(c.RecognitionId) && c.SupersededById == null)
            .Select(c => new { c.RecognitionId, c.Kind }).ToListAsync(ct);
        var serials = new SerialNumbers(db);
        var issued = 0;
        foreach (var r in recognitions)
        {
            foreach (var kind in r.Top10 ? new[] { CertificateKind.Standard, CertificateKind.Top10 } : [CertificateKind.Standard])
            {
                if (existing.Any(e => e.RecognitionId == r.Id && e.Kind == kind)) continue;
                db.Certificates.Add(new Certificate { RecognitionId = r.Id, Kind = kind, Serial = await serials.NextAsync(r.Year, kind, ct), IssuedAt = time.GetUtcNow() });
                issued++;
            }
        }
        if (issued > 0)
        {
            await db.SaveChangesAsync(ct);
            await cache.EvictAsync(ct);
        }
        return issued;
    }
}

/// <summary>Replaces a certificate by a new serial; the old serial is marked superseded and verifies as such.</summary>
public sealed class ReissueCertificate(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task<Certificate> RunAsync(int certificateId, CancellationToken ct)
    {
        var old = await db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, ct)
            ?? throw new DomainException("CertificateNotFound", "Không tìm thấy giấy chứng nhận.");
        if (old.SupersededById is not null) throw new DomainException("AlreadySuperseded", "Giấy chứng nhận này đã được cấp lại trước đó.");
        var recognition = await db.Recognitions.FirstAsync(r => r.Id == old.RecognitionId, ct);
        if (recognition.RevokedAt is not null) throw new DomainException("Revoked", "Công nhận đã bị thu hồi, không thể cấp lại giấy chứng nhận.");
        var now = time.GetUtcNow();
        var fresh = new Certificate { RecognitionId = old.RecognitionId, Kind = old.Kind, Serial = await new SerialNumbers(db).NextAsync(recognition.Year, old.Kind, ct), IssuedAt = now };
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

/// <summary>Revokes a recognition (thu hồi) with its reason and the document that decided it; shown publicly.</summary>
public sealed class RevokeRecognition(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task RunAsync(int recognitionId, string? reason, string? document, CancellationToken ct)
    {
        var r = await db.Recognitions.FirstOrDefaultAsync(x => x.Id == recognitionId, ct)
            ?? throw new DomainException("RecognitionNotFound", "Không tìm thấy công nhận.");
        if (string.IsNullOrWhiteSpace(document)) throw new DomainException("DocumentRequired", "Cần nêu số văn bản thu hồi.");
        r.Revoke(time.GetUtcNow(), reason ?? "", document);
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(ct);
    }
}

/// <summary>Serials read GCN-2025-0007 (standard) and TOP10-2025-0003 (Top 10), see <see cref="DocumentCodes"/>;
/// the unique index guards races.</summary>
internal sealed class SerialNumbers(AppDbContext db)
{
    private readonly Dictionary<string, int> _last = [];

    public async Task<string> NextAsync(int year, CertificateKind kind, CancellationToken ct)
    {
        var prefix = DocumentCodes.SerialPrefix(kind, year);
        if (!_last.TryGetValue(prefix, out var last))
        {
            var used = await db.Certificates.Where(c => c.Serial.StartsWith(prefix)).Select(c => c.Serial).ToListAsync(ct);
            last = used.Select(s => int.TryParse(s[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        }
        _last[prefix] = ++last;
        return $"{prefix}{last:0000}";
    }
}
