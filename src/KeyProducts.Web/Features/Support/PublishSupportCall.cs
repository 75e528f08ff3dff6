using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>Publishes a call on the public site; from its opening day enterprises may apply.</summary>
public sealed class PublishSupportCall(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(int callId, CancellationToken ct = default)
    {
        var call = await db.SupportCalls.FirstOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new DomainException("NoCall", "Không tìm thấy đợt kêu gọi.");
        if (call.Published)
            throw new DomainException("Published", "Đợt kêu gọi đã được công bố.");
        if (!await db.SupportPrograms.AnyAsync(p => p.Id == call.ProgramId && p.Active, ct))
            throw new DomainException("Inactive", "Chương trình không còn hoạt động: không thể công bố đợt kêu gọi.");
        call.Published = true;
        call.PublishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
