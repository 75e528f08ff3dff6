using System.Security.Cryptography;
using System.Text;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Infrastructure.Audit;

/// <summary>The audit log as a hash chain: each entry stores the previous entry's hash and its own, computed over the
/// previous hash and its content. Entries are appended one transaction at a time (an advisory lock on PostgreSQL;
/// SQLite
/// has one writer at a time), so the chain follows the order of the ids.</summary>
public static class AuditChain
{
    private const int AdvisoryNamespace = 0x4B50_0002;

    /// <summary>The outcome of a verification; <see cref="Reason"/> is a Vietnamese sentence (a translation
    /// key).</summary>
    public sealed record Report(int Checked, int Unchained, long? FirstBrokenId, string? Reason)
    {
        public bool Intact => FirstBrokenId is null;
    }

    /// <summary>Waits for other appenders (PostgreSQL) and returns the hash the next entry links to. Call inside the
    /// transaction.</summary>
    public static async Task<string?> BeginAppendAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryNamespace}, 0)", ct);
        return await db
            .AuditEntries.AsNoTracking()
            .Where(a => a.Hash != null)
            .OrderByDescending(a => a.Id)
            .Select(a => a.Hash)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Links the entries, in order, after <paramref name="previous"/>; returns the last hash.</summary>
    public static string? Link(IEnumerable<AuditEntry> entries, string? previous)
    {
        foreach (var e in entries)
        {
            // Stored precision differs (PostgreSQL keeps microseconds): hash what every provider gives back.
            e.At = new DateTimeOffset(e.At.UtcTicks - e.At.UtcTicks % 10, TimeSpan.Zero);
            e.PreviousHash = previous;
            e.Hash = previous = HashOf(e, previous);
        }
        return previous;
    }

    public static string HashOf(AuditEntry e, string? previous)
    {
        var text = string.Join(
            '\u001F',
            previous ?? "",
            e.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.UserId ?? "",
            e.UserName,
            e.EntityType,
            e.EntityId,
            e.Action,
            e.Changes,
            e.TraceId ?? ""
        );
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Reads the whole log in id order and names the first entry that was altered, removed (its successor no
    /// longer links to it) or slipped in without a hash after the chain began.</summary>
    public static async Task<Report> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        int checkedCount = 0,
            unchained = 0;
        string? previous = null;
        var started = false;
        await foreach (
            var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct)
        )
        {
            if (e.Hash is null)
            {
                if (started)
                    return new(
                        checkedCount,
                        unchained,
                        e.Id,
                        "Mục nhật ký không có mã băm nằm giữa chuỗi (được chèn ngoài ứng dụng)."
                    );
                unchained++; // written before the chain existed
                continue;
            }
            if (started && e.PreviousHash != previous)
                return new(
                    checkedCount,
                    unchained,
                    e.Id,
                    "Mục nhật ký không nối với mục liền trước (một mục đã bị xóa hoặc sửa)."
                );
            if (HashOf(e, e.PreviousHash) != e.Hash)
                return new(checkedCount, unchained, e.Id, "Nội dung mục nhật ký không khớp mã băm (mục đã bị sửa).");
            started = true;
            previous = e.Hash;
            checkedCount++;
        }
        return new(checkedCount, unchained, null, null);
    }
}
