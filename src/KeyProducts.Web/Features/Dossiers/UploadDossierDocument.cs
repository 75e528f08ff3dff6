using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Stores a document against a checklist item. The type is decided by the content's first bytes, the
/// content is streamed to storage (never held in memory), and a previous file for the same item is kept, marked
/// replaced.</summary>
public sealed class UploadDossierDocument(AppDbContext db, IFileStorage storage, TimeProvider time)
{
    public async Task<DossierDocument> ExecuteAsync(
        DossierWorkspace w,
        int checklistItemId,
        string fileName,
        Stream content,
        string userId,
        CancellationToken ct = default
    )
    {
        if (w.Checklist.All(c => c.Id != checklistItemId))
            throw new DomainException("NoItem", "Mục tài liệu không thuộc danh mục của hồ sơ.");
        w.EditScope.EnsureCanEditDocument(checklistItemId);

        var header = new byte[UploadInspector.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var kind = UploadInspector.Identify(header.AsSpan(0, read));
        var name = UploadInspector.SafeName(fileName);
        if (kind is null || !UploadInspector.NameMatches(kind, name))
            throw new DomainException(
                "FileType",
                "Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word hoặc Excel; nội dung tệp phải đúng với phần mở rộng."
            );

        var used = w.CurrentDocuments.Where(d => d.ChecklistItemId != checklistItemId).Sum(d => d.Size);
        // The header is already read: put it back in front of the rest of the stream.
        await using var whole = new PrefixedStream(header.AsMemory(0, read), content);
        var stored = await DossierLimits.SaveWithinAsync(storage, whole, used, ct);

        var now = time.GetUtcNow();
        var doc = new DossierDocument
        {
            ChecklistItemId = checklistItemId,
            FileName = name,
            ContentType = UploadInspector.ContentTypeFor(kind, name),
            Size = stored.Size,
            Sha256 = stored.Sha256,
            UploadedAt = now,
            UploadedBy = userId,
            Revision = w.Dossier.Revision,
        };
        // Uploads into one dossier run one at a time from here: the size limit and "the current file of this item" are
        // decided on what is committed, not on what this request loaded before streaming its file.
        await using (await DossierLock.AcquireAsync(db, w.Dossier.Id, ct))
        {
            var current = await db
                .DossierDocuments.AsNoTracking()
                .Where(d => d.DossierId == w.Dossier.Id && d.ReplacedAt == null)
                .ToListAsync(ct);
            if (
                current.Where(d => d.ChecklistItemId != checklistItemId).Sum(d => d.Size) + stored.Size
                > DossierLimits.MaxDossierBytes
            )
                throw DossierLimits.DossierFull();
            foreach (var old in current.Where(d => d.ChecklistItemId == checklistItemId))
            {
                var tracked = db.DossierDocuments.Local.FirstOrDefault(d => d.Id == old.Id);
                if (tracked is null)
                    db.DossierDocuments.Attach(tracked = old);
                else
                    await db.Entry(tracked).ReloadAsync(ct);
                tracked.ReplacedAt = now;
            }
            w.Dossier.Documents.Add(doc);
            await SaveWithBlobRecordAsync(stored, now, ct);
            await db.Database.CommitTransactionAsync(ct);
        }
        return doc;
    }

    /// <summary>Saves the document with its blob's record. The same content uploaded at the same moment elsewhere
    /// (another
    /// slot, another dossier) may insert the record first: the unique key on the hash then refuses ours, and the one
    /// already there serves both. PostgreSQL aborts the transaction on the failed statement, hence the
    /// savepoint.</summary>
    private async Task SaveWithBlobRecordAsync(StoredFile stored, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.StoredFiles.AnyAsync(f => f.Sha256 == stored.Sha256, ct))
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var tx = db.Database.CurrentTransaction!;
        await tx.CreateSavepointAsync("blob", ct);
        var record = db.StoredFiles.Add(
            new StoredFileRecord
            {
                Sha256 = stored.Sha256,
                Size = stored.Size,
                CreatedAt = now,
            }
        );
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await tx.RollbackToSavepointAsync("blob", ct);
            record.State = EntityState.Detached;
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>A read-only stream that yields a prefix, then the rest of another stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefix.Length > 0)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
