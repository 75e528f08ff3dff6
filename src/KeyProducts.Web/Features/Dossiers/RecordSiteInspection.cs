using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Storage;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An officer records a site inspection (kiểm tra thực tế) with an optional attachment (minutes).</summary>
public sealed class RecordSiteInspection(AppDbContext db, IFileStorage storage)
{
    public async Task ExecuteAsync(
        DossierWorkspace w,
        string userId,
        DateOnly date,
        string participants,
        string findings,
        string? fileName,
        Stream? file,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(findings))
            throw new DomainException("Findings", "Cần ghi kết quả kiểm tra.");
        var inspection = new SiteInspection
        {
            DossierId = w.Dossier.Id,
            Date = date,
            Participants = participants.Trim(),
            Findings = findings.Trim(),
            RecordedBy = userId,
        };
        if (file is not null && fileName is not null)
        {
            var header = new byte[UploadInspector.HeaderLength];
            var read = await file.ReadAtLeastAsync(header, header.Length, false, ct);
            var kind = UploadInspector.Identify(header.AsSpan(0, read));
            if (kind is null || !UploadInspector.NameMatches(kind, fileName))
                throw new DomainException(
                    "FileType",
                    "Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word hoặc Excel; nội dung tệp phải đúng với phần mở rộng."
                );
            await using var whole = new PrefixedStream(header.AsMemory(0, read), file);
            var stored = await storage.SaveAsync(whole, DossierLimits.MaxFileBytes, ct);
            inspection.AttachmentName = UploadInspector.SafeName(fileName);
            inspection.AttachmentSha256 = stored.Sha256;
        }
        db.SiteInspections.Add(inspection);
        await db.SaveChangesAsync(ct);
    }
}
