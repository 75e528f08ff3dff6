using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rounds;

/// <summary>Checklist items and guidance documents of a round (what the public call lists).</summary>
public sealed class EditRoundContents(AppDbContext db, IFileStorage storage)
{
    public async Task AddChecklistItemAsync(
        int roundId,
        string code,
        string name,
        bool mandatory,
        string trackCodes,
        CancellationToken ct = default,
        bool provesCompliance = false
    )
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
            throw new DomainException("Required", "Cần nhập mã và tên tài liệu.");
        if (code.Length > 1000 || name.Length > 1000 || trackCodes?.Length > 1000)
            throw new DomainException(
                "TooLong",
                "Mã, tên và luồng áp dụng của tài liệu không được dài quá 1000 ký tự."
            );
        var round = await db.Rounds.Include(r => r.Checklist).FirstAsync(r => r.Id == roundId, ct);
        if (round.Checklist.Any(c => c.Code.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainException("Duplicate", "Mã tài liệu đã có trong danh mục.");
        round.Checklist.Add(
            new ChecklistItem
            {
                Code = code.Trim().ToUpperInvariant(),
                Name = name.Trim(),
                Mandatory = mandatory,
                TrackCodes = (trackCodes ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
                SortOrder = round.Checklist.Count + 1,
                ProvesCompliance = provesCompliance,
            }
        );
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveChecklistItemAsync(int roundId, int itemId, CancellationToken ct = default)
    {
        if (await db.DossierDocuments.AnyAsync(d => d.ChecklistItemId == itemId, ct))
            throw new DomainException("InUse", "Đã có hồ sơ nộp tài liệu cho mục này: không thể xóa.");
        var item = await db.ChecklistItems.FirstOrDefaultAsync(c => c.Id == itemId && c.RoundId == roundId, ct);
        if (item is null)
            return;
        db.ChecklistItems.Remove(item);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddDocumentAsync(
        int roundId,
        DocumentKind kind,
        string? number,
        DateOnly? issuedOn,
        string title,
        string? signer,
        string? fileName,
        Stream? file,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new DomainException("Required", "Cần nhập trích yếu văn bản.");
        if (!string.IsNullOrWhiteSpace(number) && !DocumentNumber.TryParse(number, out _))
            throw new DomainException("Number", "Số hiệu văn bản không đúng dạng, ví dụ 1520/HD-SCT.");
        var doc = new RoundDocument
        {
            RoundId = roundId,
            Kind = kind,
            Number = number?.Trim(),
            IssuedOn = issuedOn,
            Title = title.Trim(),
            Signer = signer?.Trim(),
        };
        if (file is not null && fileName is not null)
        {
            var header = new byte[UploadInspector.HeaderLength];
            var read = await file.ReadAtLeastAsync(header, header.Length, false, ct);
            var kindOf = UploadInspector.Identify(header.AsSpan(0, read));
            var name = UploadInspector.SafeName(fileName);
            if (kindOf is null || !UploadInspector.NameMatches(kindOf, name))
                throw new DomainException(
                    "FileType",
                    "Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word hoặc Excel; nội dung tệp phải đúng với phần mở rộng."
                );
            await using var whole = new Dossiers.PrefixedStream(header.AsMemory(0, read), file);
            var stored = await storage.SaveAsync(whole, Dossiers.DossierLimits.MaxFileBytes, ct);
            doc.FileName = name;
            doc.FileSha256 = stored.Sha256;
            doc.FileSize = stored.Size;
            doc.ContentType = UploadInspector.ContentTypeFor(kindOf, name);
        }
        db.RoundDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
    }
}
