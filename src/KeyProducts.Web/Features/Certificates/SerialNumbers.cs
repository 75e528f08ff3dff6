using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

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
            var used = await db
                .Certificates.Where(c => c.Serial.StartsWith(prefix))
                .Select(c => c.Serial)
                .ToListAsync(ct);
            last = used.Select(s => int.TryParse(s[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        }
        _last[prefix] = ++last;
        return $"{prefix}{last:0000}";
    }
}
