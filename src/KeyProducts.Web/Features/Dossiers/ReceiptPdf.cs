using System.Text;
using KeyProducts.Core.Common;
using KeyProducts.Web.Infrastructure.Documents;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>The submission receipt (giấy biên nhận hồ sơ): code, time, product and every document with its
/// SHA-256.</summary>
public static class ReceiptPdf
{
    public static byte[] Render(DossierWorkspace w)
    {
        EmbeddedFontResolver.EnsureInstalled();
        var d = w.Dossier;
        var doc = new PdfDocument();
        doc.Info.Title = $"Giấy biên nhận hồ sơ {d.Code}";
        var page = doc.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        var title = new XFont("App", 15, XFontStyleEx.Bold);
        var bold = new XFont("App", 10, XFontStyleEx.Bold);
        var normal = new XFont("App", 10, XFontStyleEx.Regular);
        var small = new XFont("App", 7.5, XFontStyleEx.Regular);
        const double left = 50;
        var width = page.Width.Point - 2 * left;
        double y = 50;

        void Line(string text, XFont font, double gap = 16)
        {
            if (y > page.Height.Point - 60)
            {
                gfx.Dispose();
                page = doc.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                gfx = XGraphics.FromPdfPage(page);
                y = 50;
            }
            gfx.DrawString(N(text), font, XBrushes.Black, new XRect(left, y, width, gap), XStringFormats.TopLeft);
            y += gap;
        }

        Line("SỞ CÔNG THƯƠNG HÀ NỘI", bold);
        Line("Chương trình Sản phẩm công nghiệp chủ lực thành phố Hà Nội", normal, 28);
        gfx.DrawString(
            N("GIẤY BIÊN NHẬN HỒ SƠ"),
            title,
            XBrushes.Black,
            new XRect(left, y, width, 24),
            XStringFormats.TopCenter
        );
        y += 34;
        Line($"Mã hồ sơ: {d.Code}", bold);
        Line(
            $"Lần nộp: {d.Revision}    Thời điểm nộp: {(d.StateChangedAt is { } at ? VnFormat.DateTime(at) : "")} "
                + $"(giờ Hà Nội)",
            normal
        );
        Line($"Đợt xét chọn: {w.Round.Title}", normal);
        Line($"Doanh nghiệp: {w.Enterprise.NameVi}    Mã số thuế: {w.Enterprise.TaxCode}", normal);
        Line($"Sản phẩm: {w.Product.Name}", normal);
        Line($"Nhóm sản phẩm: {w.Track.Code} — {w.Track.Name}", normal, 26);
        Line("Danh mục tài liệu đã nộp (mã băm SHA-256 xác nhận nội dung từng tệp):", bold, 20);
        var i = 0;
        foreach (var item in w.Checklist)
        {
            foreach (var file in w.CurrentDocuments.Where(x => x.ChecklistItemId == item.Id))
            {
                i++;
                var tf = new XTextFormatter(gfx);
                var text = N($"{i}. {item.Name}: {file.FileName} ({VnFormat.Vnd(file.Size)} byte)");
                tf.DrawString(text, normal, XBrushes.Black, new XRect(left, y, width, 28), XStringFormats.TopLeft);
                y += text.Length > 95 ? 28 : 14;
                Line("   SHA-256: " + file.Sha256, small, 16);
            }
        }
        if (i == 0)
            Line("(Không có tài liệu)", normal);
        y += 14;
        Line(
            "Hồ sơ đã được khóa sau khi nộp. Sở Công Thương sẽ thông báo kết quả kiểm tra qua hệ thống và thư điện tử.",
            normal
        );
        gfx.Dispose();
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    private static string N(string s) => s.Normalize(NormalizationForm.FormC);
}
