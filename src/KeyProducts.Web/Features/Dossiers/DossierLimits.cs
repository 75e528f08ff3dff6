using KeyProducts.Core.Common;
using KeyProducts.Web.Infrastructure.Storage;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Upload limits. The request limit of the upload form is the file limit plus room for the other fields,
/// so a slightly larger file reaches the handler and gets a precise message; a much larger one is cut off
/// early.</summary>
public static class DossierLimits
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxDossierBytes = 60 * 1024 * 1024;
    public const long MaxUploadRequestBytes = MaxFileBytes + 256 * 1024;

    /// <summary>Stores one more file of a dossier (or application) that already holds <paramref name="used"/> bytes.
    /// A file over the per-file limit is a <see cref="FileTooLargeException"/> (413); one that is within it but does
    /// not
    /// fit in the room left is the rule refusal "dossier full" (400), whether the room was found short before or while
    /// streaming.</summary>
    public static async Task<StoredFile> SaveWithinAsync(
        IFileStorage storage,
        Stream content,
        long used,
        CancellationToken ct
    )
    {
        var room = MaxDossierBytes - used;
        if (room <= 0)
            throw DossierFull();
        try
        {
            return await storage.SaveAsync(content, Math.Min(MaxFileBytes, room), ct);
        }
        catch (FileTooLargeException) when (room < MaxFileBytes)
        {
            throw DossierFull();
        }
    }

    public static DomainException DossierFull() =>
        new("DossierFull", "Tổng dung lượng tài liệu của hồ sơ đã đạt giới hạn.");
}
