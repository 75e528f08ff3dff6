namespace KeyProducts.Web.Infrastructure.Storage;

/// <summary>Decides what an upload really is from its first bytes, never from its name.</summary>
public static class UploadInspector
{
    public sealed record Kind(string Name, string ContentType, string[] Extensions);

    public static readonly Kind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly Kind Png = new("PNG", "image/png", [".png"]);
    public static readonly Kind Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly Kind OfficeOpenXml = new("Office", "application/octet-stream", [".docx", ".xlsx", ".pptx"]);
    public static readonly Kind LegacyOffice = new("Office97", "application/octet-stream", [".doc", ".xls"]);

    public const int HeaderLength = 8;

    /// <summary>Identifies the content from its header, or null when it is not an accepted type.</summary>
    public static Kind? Identify(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
            return Pdf;
        if (header.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return Png;
        if (header.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return Jpeg;
        if (header.StartsWith("PK\x03\x04"u8))
            return OfficeOpenXml;
        if (header.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return LegacyOffice;
        return null;
    }

    /// <summary>The content type to serve for a name whose content matched <paramref name="kind"/>.</summary>
    public static string ContentTypeFor(Kind kind, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".doc" => "application/msword",
            ".xls" => "application/vnd.ms-excel",
            _ => kind.ContentType,
        };
    }

    /// <summary>True when the name's extension agrees with the content.</summary>
    public static bool NameMatches(Kind kind, string fileName) =>
        kind.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>A safe display name: no path, no control characters, bounded length.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(
            name.Where(c =>
                    !char.IsControl(c)
                    && !Web.BidiText.IsControl(c)
                    && c is not '/' and not ':' and not '*' and not '?' and not '"' and not '<' and not '>' and not '|'
                )
                .ToArray()
        ).Trim();
        if (name.Length > 150)
            name = name[..100] + Path.GetExtension(name);
        return name.Length == 0 ? "tep-tin" : name;
    }
}
