using DocumentFormat.OpenXml.Wordprocessing;
using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Features.Council.Documents.WordDocumentBuilder;

namespace KeyProducts.Web.Features.Council.Documents;

/// <summary>The draft decision in the layout of Decree 30/2020/NĐ-CP. Before a decision is recorded, the number and
/// date stay blank.</summary>
public sealed class DraftDecision(AppDbContext db, CouncilQueries queries)
{
    private static readonly JustificationValues C = JustificationValues.Center;
    private static readonly JustificationValues L = JustificationValues.Left;
    private static readonly JustificationValues R = JustificationValues.Right;

    public async Task<byte[]> BuildAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var decision = await db.RecognitionDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.RoundId == round.Id, ct);
        var recognized = await db
            .Recognitions.AsNoTracking()
            .Where(r => decision != null && r.DecisionId == decision.Id)
            .Select(r => new { r.DossierId, r.Top10 })
            .ToListAsync(ct);
        var rows = decision is not null
            ? view
                .Rows.Where(r => recognized.Any(x => x.DossierId == r.Result.DossierId))
                .Select(r => (Row: r, Top: recognized.First(x => x.DossierId == r.Result.DossierId).Top10))
                .ToList()
            : view
                .Rows.Where(r =>
                    r.Result.Passed
                    && r.State is DossierState.Proposed or DossierState.PublishedForComment or DossierState.Scored
                )
                .Select(r => (Row: r, Top: r.Result.InTopN))
                .ToList();
        var number = decision is null ? "        /QĐ-UBND" : decision.Number;
        var dateLine = decision is null
            ? $"Hà Nội, ngày      tháng      năm {round.Year}"
            : $"Hà Nội, {VnFormat.LongDate(decision.Date)}";
        var top = rows.Where(r => r.Top).ToList();
        var w = new WordDocumentBuilder();
        w.TwoColumns(
            38,
            [
                P("ỦY BAN NHÂN DÂN", bold: true, size: 13),
                P("THÀNH PHỐ HÀ NỘI", bold: true, size: 13),
                P("________", size: 12),
                P(""),
                P($"Số: {number}", size: 13),
            ],
            [
                P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12),
                P("Độc lập - Tự do - Hạnh phúc", bold: true, size: 14),
                P("________________________", size: 12),
                P(""),
                P(dateLine, italic: true, size: 14),
            ]
        );
        w.Blank()
            .Center("QUYẾT ĐỊNH", bold: true, size: 14)
            .Center("Về việc công nhận sản phẩm công nghiệp chủ lực", bold: true, size: 14)
            .Center($"thành phố Hà Nội năm {round.Year} và Top 10 sản phẩm", bold: true, size: 14)
            .Center("công nghiệp chủ lực tiêu biểu", bold: true, size: 14)
            .Center("________")
            .Blank()
            .Center("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", bold: true, size: 14)
            .Blank();
        w.Line(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
            italic: true,
            size: 13,
            firstLineIndentTwips: 567
        );
        w.Line(
            $"Căn cứ Quyết định số "
                + $"{view.Rulebook.LegalBasis}{(view.Rulebook.LegalBasisDate is { } lb ? " ngày " + VnFormat.Date(lb) : "")} của Ủy ban nhân dân Thành phố phê duyệt Đề án phát triển sản phẩm công nghiệp chủ lực thành phố Hà Nội và bộ tiêu chí đánh giá, xét chọn;",
            italic: true,
            size: 13,
            firstLineIndentTwips: 567
        );
        w.Line(
            $"Căn cứ Quyết định số {council.DecisionNumber} ngày {VnFormat.Date(council.DecisionDate)} của Ủy ban "
                + $"nhân dân Thành phố về việc thành lập Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ lực "
                + $"thành phố Hà Nội năm {round.Year};",
            italic: true,
            size: 13,
            firstLineIndentTwips: 567
        );
        w.Line("Theo đề nghị của Giám đốc Sở Công Thương Hà Nội.", italic: true, size: 13, firstLineIndentTwips: 567)
            .Blank();
        w.Center("QUYẾT ĐỊNH:", bold: true, size: 14).Blank();
        w.Paragraph(
            JustificationValues.Both,
            new Span("Điều 1. ", Bold: true, Size: 13),
            new Span(
                $"Công nhận {rows.Count} sản phẩm của các doanh nghiệp là sản phẩm công nghiệp chủ lực thành phố Hà "
                    + $"Nội năm {round.Year} (danh sách tại Phụ lục I kèm theo), trong đó {top.Count} sản phẩm được "
                    + $"công nhận Top 10 sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {round.Year} (danh sách "
                    + $"tại Phụ lục II kèm theo).",
                Size: 13
            )
        );
        w.Paragraph(
            JustificationValues.Both,
            new Span("Điều 2. ", Bold: true, Size: 13),
            new Span(
                $"Các sản phẩm được công nhận tại Điều 1 được cấp Giấy chứng nhận; được sử dụng biểu trưng (logo) "
                    + $"sản phẩm công nghiệp chủ lực thành phố Hà Nội trong hoạt động quảng bá sản phẩm; được ưu tiên "
                    + $"tham gia các chương trình xúc tiến thương mại, khuyến công, khoa học và công nghệ, đào tạo "
                    + $"nguồn nhân lực của Thành phố. Thời hạn công nhận là "
                    + $"{view.Rulebook.Rules.ValidityMonths} tháng kể từ ngày ký Quyết định.",
                Size: 13
            )
        );
        w.Paragraph(
            JustificationValues.Both,
            new Span("Điều 3. ", Bold: true, Size: 13),
            new Span(
                "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở "
                    + "Công Thương, Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường và các "
                    + "doanh nghiệp có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
                Size: 13
            )
        );
        w.Blank();
        w.TwoColumns(
            50,
            [
                P("Nơi nhận:", bold: true, italic: true, size: 12, align: L),
                P("- Như Điều 3;", size: 11, align: L),
                P("- Chủ tịch UBND Thành phố (để báo cáo);", size: 11, align: L),
                P("- Các Phó Chủ tịch UBND Thành phố;", size: 11, align: L),
                P("- Sở Công Thương (03 bản);", size: 11, align: L),
                P("- Lưu: VT, KTN.", size: 11, align: L),
            ],
            [
                P("TM. ỦY BAN NHÂN DÂN", bold: true, size: 14),
                P("KT. CHỦ TỊCH", bold: true, size: 14),
                P("PHÓ CHỦ TỊCH", bold: true, size: 14),
                P(""),
                P(""),
                P(""),
                P(decision?.Signer ?? "", bold: true, size: 14),
            ]
        );

        void Annex(string numeral, string title, IEnumerable<(ResultRow Row, bool Top)> list)
        {
            w.PageBreak()
                .Center($"PHỤ LỤC {numeral}", bold: true, size: 14)
                .Center(title, bold: true, size: 14)
                .Center($"THÀNH PHỐ HÀ NỘI NĂM {round.Year}", bold: true, size: 14)
                .Center(
                    $"(Kèm theo Quyết định số "
                        + $"{number}{(decision is null ? $" ngày      /     /{round.Year}" : " ngày " + VnFormat.Date(decision.Date))} của Ủy ban nhân dân thành phố Hà Nội)",
                    italic: true,
                    size: 13
                )
                .Center("________")
                .Blank();
            var n = 0;
            w.Table(
                [8, 31, 31, 16, 14],
                ["STT", "Tên sản phẩm", "Doanh nghiệp", "Mã số thuế", "Điểm bình quân"],
                list.Select(x =>
                    new[]
                    {
                        (++n).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        x.Row.ProductName,
                        x.Row.EnterpriseName,
                        x.Row.TaxCode,
                        VnFormat.Points(x.Row.Result.DecisiveTotalHundredths),
                    }
                ),
                12,
                [C, L, L, C, R]
            );
        }
        Annex("I", "DANH SÁCH SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC", rows);
        Annex(
            "II",
            "DANH SÁCH TOP 10 SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC",
            top.OrderByDescending(t => t.Row.Result.DecisiveTotalHundredths)
        );
        return w.ToBytes();
    }
}
