using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Storage;

namespace KeyProducts.Web.Features.Support;

/// <summary>Stores a document of a support application with the same rules as dossier uploads: type decided by the
/// content's first bytes, streamed to storage, per-file and per-application size limits.</summary>
public sealed class UploadSupportDocument(AppDbContext db, IFileStorage storage, TimeProvider time)
{
    public async Task<SupportDocument> ExecuteAsync(
        SupportApplication a,
        string title,
        string fileName,
        Stream content,
        string userId,
        CancellationToken ct = default
    )
    {
        if (!a.IsEditableByEnterprise)
            throw new DomainException("State", "Hồ sơ không còn sửa được ở trạng thái này.");
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
        var used = a.Documents.Sum(d => d.Size);
        await using var whole = new PrefixedStream(header.AsMemory(0, read), content);
        var stored = await DossierLimits.SaveWithinAsync(storage, whole, used, ct);
        var now = time.GetUtcNow();
        var doc = new SupportDocument
        {
            Title = title.Trim(),
            FileName = name,
            ContentType = UploadInspector.ContentTypeFor(kind, name),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedAt = now,
            UploadedBy = userId,
        };
        a.Documents.Add(doc);
        if (!db.StoredFiles.Any(f => f.Sha256 == stored.Sha256))
            db.StoredFiles.Add(
                new StoredFileRecord
                {
                    Sha256 = stored.Sha256,
                    Size = stored.Size,
                    CreatedAt = now,
                }
            );
        await db.SaveChangesAsync(ct);
        return doc;
    }

    public async Task RemoveAsync(SupportApplication a, int documentId, CancellationToken ct = default)
    {
        if (!a.IsEditableByEnterprise)
            throw new DomainException("State", "Hồ sơ không còn sửa được ở trạng thái này.");
        var doc = a.Documents.FirstOrDefault(d => d.Id == documentId)
            ?? throw new DomainException("NoDocument", "Không tìm thấy tài liệu.");
        a.Documents.Remove(doc);
        await db.SaveChangesAsync(ct);
    }
}
