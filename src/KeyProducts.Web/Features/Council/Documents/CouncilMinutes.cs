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

/// <summary>The minutes (biên bản) of the council meeting, in Word.</summary>
public sealed class CouncilMinutes(AppDbContext db, CouncilQueries queries)
{
    private static readonly JustificationValues C = JustificationValues.Center;
    private static readonly JustificationValues L = JustificationValues.Left;
    private static readonly JustificationValues R = JustificationValues.Right;

    public async Task<byte[]> BuildAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var members = await CouncilMemberLine.ListAsync(db, council.Id, ct);
        var rules = view.Rulebook.Rules;
        var quorum = QuorumCheck.Evaluate(
            rules,
            members.Count,
            members.Count(m => m.Present),
            members.Any(m => m.Role == CouncilRole.Chair && m.Present)
        );
        // The minutes carry the day the meeting confirmed the results; before that, the planned meeting day.
        var meeting = council.ResultsConfirmedAt is { } confirmed
            ? DateOnly.FromDateTime(VietnamTime.ToLocal(confirmed).DateTime)
            : round.CouncilMeeting ?? council.DecisionDate;
        var w = new WordDocumentBuilder();
        w.TwoColumns(
            41,
            [
                P("SỞ CÔNG THƯƠNG HÀ NỘI", size: 12),
                P("HỘI ĐỒNG ĐÁNH GIÁ,", bold: true, size: 12),
                P("XÉT CHỌN SẢN PHẨM", bold: true, size: 12),
                P("CÔNG NGHIỆP CHỦ LỰC", bold: true, size: 12),
                P("________", size: 12),
            ],
            [
                P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12),
                P("Độc lập - Tự do - Hạnh phúc", bold: true),
                P("________________", size: 12),
                P($"Hà Nội, {VnFormat.LongDate(meeting)}", italic: true),
            ]
        );
        w.Blank()
            .Center("BIÊN BẢN", bold: true, size: 14)
            .Center("Họp Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ lực", bold: true)
            .Center($"thành phố Hà Nội năm {round.Year}", bold: true)
            .Center("________")
            .Blank();
        w.Line(
            $"Căn cứ Quyết định số {council.DecisionNumber} ngày {VnFormat.Date(council.DecisionDate)} của Ủy ban "
                + $"nhân dân thành phố Hà Nội về việc thành lập Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ "
                + $"lực thành phố Hà Nội năm {round.Year};",
            italic: true,
            firstLineIndentTwips: 567
        );
        w.Line(
            $"Căn cứ bộ tiêu chí \"{view.Rulebook.Name}\" ({view.Rulebook.LegalBasis}), Hội đồng họp vào "
                + $"{VnFormat.LongDate(meeting)} tại Sở Công Thương Hà Nội.",
            italic: true,
            firstLineIndentTwips: 567
        );
        w.Line("I. THÀNH PHẦN", bold: true);
        var i = 0;
        foreach (var m in members.Where(m => m.Present))
            w.Line(
                $"{++i}. {m.Title} {m.FullName}{(m.Agency is null ? "" : ", " + m.Agency)} — "
                    + $"{CouncilMemberLine.RoleName(m.Role)}.",
                firstLineIndentTwips: 567
            );
        var absent = members.Where(m => !m.Present).ToList();
        if (absent.Count > 0)
            w.Line(
                "Vắng mặt: " + string.Join("; ", absent.Select(m => $"{m.Title} {m.FullName}".Trim())) + ".",
                firstLineIndentTwips: 567
            );
        w.Line(
            $"Có mặt {quorum.Present}/{quorum.Members} thành viên (yêu cầu tối thiểu "
                + $"{quorum.Required}{(rules.ChairMustAttend ? ", có Chủ tịch Hội đồng" : "")}): "
                + (quorum.Met ? "cuộc họp đủ điều kiện tiến hành." : "cuộc họp CHƯA đủ điều kiện biểu quyết."),
            firstLineIndentTwips: 567
        );
        w.Line("II. NỘI DUNG", bold: true);
        var gapBasis =
            rules.Disagreement == DisagreementBasis.MemberTotal
                ? "tổng điểm của các thành viên cho cùng một sản phẩm"
                : "điểm của các thành viên cho cùng một chỉ tiêu";
        var flaggedNow = view.Rows.Count(r => r.Result.Flagged);
        var discussion =
            council.CurrentPass > 1
                ? "Các sản phẩm có chênh lệch vượt ngưỡng ở vòng 1 đã được thảo luận và chấm lại ở vòng 2."
            : flaggedNow == 0 ? "Không có sản phẩm nào có chênh lệch vượt ngưỡng."
            : $"Có {flaggedNow} sản phẩm có chênh lệch vượt ngưỡng, chưa được chấm lại.";
        w.Line(
            $"Hội đồng đã chấm điểm độc lập {view.Rows.Count} hồ sơ sản phẩm đủ điều kiện. Điểm chuẩn "
                + $"{VnFormat.Points(rules.PassMarkHundredths)}/{VnFormat.Points(view.Rulebook.MaxTotalHundredths)} "
                + $"điểm. "
                + $"Theo quy tắc của bộ tiêu chí, chênh lệch {gapBasis} vượt "
                + $"{VnFormat.Points(rules.SpreadLimitHundredths)} điểm "
                + $"phải được đưa ra thảo luận và chấm lại. {discussion}",
            firstLineIndentTwips: 567
        );
        w.Line("III. KẾT QUẢ CHẤM ĐIỂM", bold: true);
        w.Table(
            [9, 17, 29, 25, 10, 10],
            ["Hạng", "Mã hồ sơ", "Sản phẩm", "Doanh nghiệp", "Điểm BQ", "Kết quả"],
            view.Rows.Select(r =>
                new[]
                {
                    r.Result.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                    r.Code ?? "",
                    r.ProductName,
                    r.EnterpriseName,
                    r.Result.HasScores ? VnFormat.Points(r.Result.DecisiveTotalHundredths) : "—",
                    r.Result.InTopN ? "Đạt, Top 10"
                    : r.Result.Passed ? "Đạt"
                    : "Không đạt",
                }
            ),
            11,
            [C, L, L, L, R, C]
        );
        w.Blank().Line("IV. KẾT LUẬN", bold: true);
        w.Line(
            $"Hội đồng thống nhất đề nghị công nhận {view.Results.Passing.Count()} sản phẩm đạt điểm chuẩn, trong đó "
                + $"{view.Results.TopN.Count()} sản phẩm đề nghị xét chọn Top 10. Tổ thư ký công bố danh sách để lấy ý "
                + $"kiến rộng rãi trước khi trình Ủy ban nhân dân Thành phố quyết định.",
            firstLineIndentTwips: 567
        );
        w.Line(
                "Biên bản kết thúc cùng ngày, đã được đọc lại và các thành viên dự họp nhất trí.",
                firstLineIndentTwips: 567
            )
            .Blank();
        var chair = members.FirstOrDefault(m => m.Role == CouncilRole.Chair);
        var secretary = members.FirstOrDefault(m => m.Role == CouncilRole.Secretary);
        w.TwoColumns(
            50,
            [
                P("THƯ KÝ HỘI ĐỒNG", bold: true),
                P("(Ký, ghi rõ họ tên)", italic: true, size: 12),
                P(""),
                P(""),
                P(""),
                P(secretary?.FullName ?? "", bold: true),
            ],
            [
                P("CHỦ TỊCH HỘI ĐỒNG", bold: true),
                P("(Ký, ghi rõ họ tên)", italic: true, size: 12),
                P(""),
                P(""),
                P(""),
                P(chair?.FullName ?? "", bold: true),
            ]
        );
        return w.ToBytes();
    }
}
