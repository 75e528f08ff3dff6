using PdfSharp.Fonts;

namespace KeyProducts.Web.Infrastructure.Documents;

/// <summary>Resolves every family name to Noto Sans Regular/Bold embedded in this assembly.
/// DejaVu Sans is not usable with PDFsharp's subsetting: stacked Vietnamese diacritics get lost (recipes.md
/// §5).</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "NotoSans-Bold" : "NotoSans-Regular", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var s = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"font resource fonts.{faceName}.ttf missing");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>GlobalFontSettings.FontResolver is process-global: set it once (many test hosts share a
    /// process).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
            _installed = true;
        }
    }
}
