using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Stores a material of an event with the dossier upload rules: type decided by the content's first bytes,
/// name matching the type, size limit, file kept outside the web root.</summary>
public sealed class UploadEventMaterial(AppDbContext db, IFileStorage storage, TimeProvider time)
{
    public async Task<EventMaterial> ExecuteAsync(
        int eventId,
        string title,
        string fileName,
        Stream content,
        CancellationToken ct = default
    )
    {
        if (!await db.OutreachEvents.AnyAsync(e => e.Id == eventId, ct))
            throw new DomainException("NoEvent", "Không tìm thấy sự kiện.");
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("Title", "Cần nêu tên tài liệu.");
        if (title.Length > 300)
            throw new DomainException("Title", "Tên tài liệu tối đa 300 ký tự.");
        var header = new byte[UploadInspector.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var kind = UploadInspector.Identify(header.AsSpan(0, read));
        var name = UploadInspector.SafeName(fileName);
        if (kind is null || !UploadInspector.NameMatches(kind, name))
            throw new DomainException(
                "FileType",
                "Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word hoặc Excel; nội dung tệp phải đúng với phần mở rộng."
            );
        await using var whole = new PrefixedStream(header.AsMemory(0, read), content);
        var stored = await storage.SaveAsync(whole, DossierLimits.MaxFileBytes, ct);
        var now = time.GetUtcNow();
        var m = new EventMaterial
        {
            EventId = eventId,
            Title = title.Trim(),
            FileName = name,
            ContentType = UploadInspector.ContentTypeFor(kind, name),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedAt = now,
        };
        db.EventMaterials.Add(m);
        if (!await db.StoredFiles.AnyAsync(f => f.Sha256 == stored.Sha256, ct))
            db.StoredFiles.Add(
                new StoredFileRecord
                {
                    Sha256 = stored.Sha256,
                    Size = stored.Size,
                    CreatedAt = now,
                }
            );
        await db.SaveChangesAsync(ct);
        return m;
    }
}
