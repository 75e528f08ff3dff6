using System.Text;
using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Infrastructure.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Draws a certificate (giấy chứng nhận) on one landscape A4 page, with the signed QR code.</summary>
public sealed class CertificatePdf(CertificateSigner signer)
{
    private static readonly XColor Red = XColor.FromArgb(0xA3, 0x1D, 0x1D);
    private static readonly XColor Gold = XColor.FromArgb(0xB8, 0x8A, 0x1E);

    public static string Title(CertificateKind kind, int year) =>
        kind == CertificateKind.Top10
            ? $"Giấy chứng nhận Top 10 sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {year}"
            : $"Giấy chứng nhận sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {year}";

    /// <summary>The QR content: the verification URL carrying the signed statement.</summary>
    public string QrPayload(CertificateView c, string baseUrl) =>
        $"{baseUrl.TrimEnd('/')}/Public/Verify?p={signer.Sign(c.Claims())}";

    public byte[] Render(CertificateView c, string baseUrl)
    {
        EmbeddedFontResolver.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.Info.Title = N(Title(c.Kind, c.Year));
        doc.Info.Subject = c.Serial;
        var page = doc.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
            Draw(g, page.Width.Point, page.Height.Point, c, QrPayload(c, baseUrl));
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    private static void Draw(XGraphics g, double w, double h, CertificateView c, string qr)
    {
        var top10 = c.Kind == CertificateKind.Top10;
        var accent = top10 ? Gold : Red;
        g.DrawRectangle(new XPen(accent, 4), 18, 18, w - 36, h - 36);
        g.DrawRectangle(new XPen(accent, 1), 26, 26, w - 52, h - 52);

        var small = new XFont("Noto Sans", 10.5, XFontStyleEx.Bold);
        var smallRegular = new XFont("Noto Sans", 10.5);
        Center(g, "ỦY BAN NHÂN DÂN", small, XBrushes.Black, 60, 210, 50);
        Center(g, "THÀNH PHỐ HÀ NỘI", small, XBrushes.Black, 60, 210, 64);
        Center(g, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", small, XBrushes.Black, w - 360, 300, 50);
        Center(g, "Độc lập - Tự do - Hạnh phúc", small, XBrushes.Black, w - 360, 300, 64);
        g.DrawLine(new XPen(XColors.Black, 0.6), w - 270, 74, w - 150, 74);

        var brush = new XSolidBrush(accent);
        Center(g, "GIẤY CHỨNG NHẬN", new XFont("Noto Sans", 34, XFontStyleEx.Bold), brush, 0, w, 130);
        Center(
            g,
            top10
                ? $"TOP 10 SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC THÀNH PHỐ HÀ NỘI NĂM {c.Year}"
                : $"SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC THÀNH PHỐ HÀ NỘI NĂM {c.Year}",
            new XFont("Noto Sans", 16, XFontStyleEx.Bold),
            brush,
            0,
            w,
            160
        );
        Center(g, "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI CHỨNG NHẬN", smallRegular, XBrushes.Black, 0, w, 190);

        var product = string.IsNullOrWhiteSpace(c.Model) ? c.Product : $"{c.Product} ({c.Model})";
        var productFont = new XFont("Noto Sans", product.Length > 70 ? 17 : 21, XFontStyleEx.Bold);
        var tf = new XTextFormatter(g) { Alignment = XParagraphAlignment.Center };
        tf.DrawString(N(product), productFont, XBrushes.Black, new XRect(70, 202, w - 140, 56), XStringFormats.TopLeft);

        var body = new XFont("Noto Sans", 12.5);
        var bold = new XFont("Noto Sans", 12.5, XFontStyleEx.Bold);
        Center(g, "của doanh nghiệp", body, XBrushes.Black, 0, w, 275);
        Center(g, c.Enterprise, new XFont("Noto Sans", 15, XFontStyleEx.Bold), XBrushes.Black, 0, w, 297);
        Center(g, $"Mã số thuế: {c.TaxCode}", body, XBrushes.Black, 0, w, 318);
        Center(
            g,
            top10
                ? $"là sản phẩm thuộc Top 10 sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {c.Year}"
                : $"là sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {c.Year}",
            bold,
            XBrushes.Black,
            0,
            w,
            344
        );
        Center(
            g,
            $"theo Quyết định số {c.DecisionNumber} ngày {VnFormat.Date(c.DecisionDate)} của Ủy ban nhân dân thành "
                + $"phố Hà Nội.",
            body,
            XBrushes.Black,
            0,
            w,
            366
        );
        Center(
            g,
            $"Giấy chứng nhận có hiệu lực từ ngày {VnFormat.Date(c.ValidFrom)} đến hết ngày "
                + $"{VnFormat.Date(c.ValidTo)}.",
            body,
            XBrushes.Black,
            0,
            w,
            388
        );

        // QR code and serial, bottom left
        var qrSize = 128.0;
        DrawQr(g, qr, 56, h - 56 - qrSize, qrSize);
        var tiny = new XFont("Noto Sans", 8.5);
        g.DrawString(
            N($"Số hiệu: {c.Serial}"),
            new XFont("Noto Sans", 10, XFontStyleEx.Bold),
            XBrushes.Black,
            192,
            h - 150
        );
        g.DrawString(N("Quét mã QR để xác minh trực tuyến; mã chứa thông tin"), tiny, XBrushes.Black, 192, h - 134);
        g.DrawString(N("được ký số, kiểm tra được bằng khóa công khai tại"), tiny, XBrushes.Black, 192, h - 122);
        g.DrawString("/.well-known/jwks.json", tiny, XBrushes.Black, 192, h - 110);

        // Signature block, bottom right
        var right = w - 330;
        Center(
            g,
            $"Hà Nội, ngày {c.DecisionDate.Day:00} tháng {c.DecisionDate.Month:00} năm {c.DecisionDate.Year}",
            new XFont("Noto Sans", 11.5),
            XBrushes.Black,
            right,
            280,
            h - 160
        );
        Center(
            g,
            string.IsNullOrWhiteSpace(c.SignerTitle) ? "TM. ỦY BAN NHÂN DÂN" : c.SignerTitle.ToUpperInvariant(),
            new XFont("Noto Sans", 11.5, XFontStyleEx.Bold),
            XBrushes.Black,
            right,
            280,
            h - 140
        );
        Center(g, c.Signer, new XFont("Noto Sans", 12.5, XFontStyleEx.Bold), XBrushes.Black, right, 280, h - 70);
    }

    /// <summary>Draws the QR code as vector squares: sharp at any print size, no raster import needed.</summary>
    private static void DrawQr(XGraphics g, string payload, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.L);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        for (var col = 0; col < matrix[row].Count; col++)
            if (matrix[row][col])
                g.DrawRectangle(XBrushes.Black, x + col * module, y + row * module, module + 0.02, module + 0.02);
    }

    private static void Center(
        XGraphics g,
        string text,
        XFont font,
        XBrush brush,
        double x,
        double width,
        double baseline
    ) =>
        g.DrawString(
            N(text),
            font,
            brush,
            new XRect(x, baseline - font.Size, width, font.Size * 1.4),
            XStringFormats.TopCenter
        );

    private static string N(string s) => s.Normalize(NormalizationForm.FormC);
}
