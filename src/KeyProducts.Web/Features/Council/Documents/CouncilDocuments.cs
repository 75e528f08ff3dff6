using ClosedXML.Excel;
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

/// <summary>The council's documents: the minutes (biên bản) and the draft decision in Word, the full results in Excel.</summary>
public sealed class CouncilDocuments(AppDbContext db, CouncilQueries queries)
{
    private static readonly JustificationValues C = JustificationValues.Center;
    private static readonly JustificationValues L = JustificationValues.Left;
    private static readonly JustificationValues R = JustificationValues.Right;

    private sealed record MemberLine(int Id, string FullName, string Title, string? Agency, CouncilRole Role, bool Present);

    private async Task<List<MemberLine>> MembersAsync(int councilId, CancellationToken ct) =>
        (await (from m in db.CouncilMembers.AsNoTracking()
                where m.CouncilId == councilId
                join a in db.Agencies on m.AgencyId equals a.Id into ag
                from a in ag.DefaultIfEmpty()
                orderby m.Role, m.Id
                select new { m.Id, m.FullName, m.Title, Agency = a == null ? null : a.Name, m.Role,
                    Present = db.Attendance.Any(x => x.CouncilId == councilId && x.MemberId == m.Id && x.Present) }).ToListAsync(ct))
        .Select(m => new MemberLine(m.Id, m.FullName, m.Title, m.Agency, m.Role, m.Present)).ToList();

    public static string RoleName(CouncilRole r) => r switch
    {
        CouncilRole.Chair => "Chủ tịch Hội đồng", CouncilRole.ViceChair => "Phó Chủ tịch Hội đồng", CouncilRole.Secretary => "Thư ký Hội đồng", _ => "Ủy viên",
    };

    public async Task<byte[]> MinutesAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var members = await MembersAsync(council.Id, ct);
        var rules = view.Rulebook.Rules;
        var quorum = QuorumCheck.Evaluate(rules, members.Count, members.Count(m => m.Present), members.Any(m => m.Role == CouncilRole.Chair && m.Present));
        // The minutes carry the day the meeting confirmed the results; before that, the planned meeting day.
        var meeting = council.ResultsConfirmedAt is { } confirmed ? DateOnly.FromDateTime(VietnamTime.ToLocal(confirmed).DateTime) : round.CouncilMeeting ?? council.DecisionDate;
        var w = new WordDocumentBuilder();
        w.TwoColumns(41,
            [P("SỞ CÔNG THƯƠNG HÀ NỘI", size: 12), P("HỘI ĐỒNG ĐÁNH GIÁ,", bold: true, size: 12), P("XÉT CHỌN SẢN PHẨM", bold: true, size: 12), P("CÔNG NGHIỆP CHỦ LỰC", bold: true, size: 12), P("________", size: 12)],
            [P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12), P("Độc lập - Tự do - Hạnh phúc", bold: true), P("________________", size: 12),
             P($"Hà Nội, {VnFormat.LongDate(meeting)}", italic: true)]);
        w.Blank().Center("BIÊN BẢN", bold: true, size: 14)
            .Center("Họp Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ lực", bold: true)
            .Center($"thành phố Hà Nội năm {round.Year}", bold: true).Center("________").Blank();
        w.Line($"Căn cứ Quyết định số {council.DecisionNumber} ngày {VnFormat.Date(council.DecisionDate)} của Ủy ban nhân dân thành phố Hà Nội về việc thành lập Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {round.Year};", italic: true, firstLineIndentTwips: 567);
        w.Line($"Căn cứ bộ tiêu chí \"{view.Rulebook.Name}\" ({view.Rulebook.LegalBasis}), Hội đồng họp vào {VnFormat.LongDate(meeting)} tại Sở Công Thương Hà Nội.", italic: true, firstLineIndentTwips: 567);
        w.Line("I. THÀNH PHẦN", bold: true);
        var i = 0;
        foreach (var m in members.Where(m => m.Present))
            w.Line($"{++i}. {m.Title} {m.FullName}{(m.Agency is null ? "" : ", " + m.Agency)} — {RoleName(m.Role)}.", firstLineIndentTwips: 567);
        var absent = members.Where(m => !m.Present).ToList();
        if (absent.Count > 0) w.Line("Vắng mặt: " + string.Join("; ", absent.Select(m => $"{m.Title} {m.FullName}".Trim())) + ".", firstLineIndentTwips: 567);
        w.Line($"Có mặt {quorum.Present}/{quorum.Members} thành viên (yêu cầu tối thiểu {quorum.Required}{(rules.ChairMustAttend ? ", có Chủ tịch Hội đồng" : "")}): "
            + (quorum.Met ? "cuộc họp đủ điều kiện tiến hành." : "cuộc họp CHƯA đủ điều kiện biểu quyết."), firstLineIndentTwips: 567);
        w.Line("II. NỘI DUNG", bold: true);
        var gapBasis = rules.Disagreement == DisagreementBasis.MemberTotal
            ? "tổng điểm của các thành viên cho cùng một sản phẩm" : "điểm của các thành viên cho cùng một chỉ tiêu";
        var flaggedNow = view.Rows.Count(r => r.Result.Flagged);
        var discussion = council.CurrentPass > 1
            ? "Các sản phẩm có chênh lệch vượt ngưỡng ở vòng 1 đã được thảo luận và chấm lại ở vòng 2."
            : flaggedNow == 0 ? "Không có sản phẩm nào có chênh lệch vượt ngưỡng."
            : $"Có {flaggedNow} sản phẩm có chênh lệch vượt ngưỡng, chưa được chấm lại.";
        w.Line($"Hội đồng đã chấm điểm độc lập {view.Rows.Count} hồ sơ sản phẩm đủ điều kiện. Điểm chuẩn "
            + $"{VnFormat.Points(rules.PassMarkHundredths)}/{VnFormat.Points(view.Rulebook.MaxTotalHundredths)} điểm. "
            + $"Theo quy tắc của bộ tiêu chí, chênh lệch {gapBasis} vượt {VnFormat.Points(rules.SpreadLimitHundredths)} điểm "
            + $"phải được đưa ra thảo luận và chấm lại. {discussion}", firstLineIndentTwips: 567);
        w.Line("III. KẾT QUẢ CHẤM ĐIỂM", bold: true);
        w.Table([9, 17, 29, 25, 10, 10], ["Hạng", "Mã hồ sơ", "Sản phẩm", "Doanh nghiệp", "Điểm BQ", "Kết quả"],
            view.Rows.Select(r => new[]
            {
                r.Result.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", r.Code ?? "", r.ProductName, r.EnterpriseName,
                r.Result.HasScores ? VnFormat.Points(r.Result.DecisiveTotalHundredths) : "—",
                r.Result.InTopN ? "Đạt, Top 10" : r.Result.Passed ? "Đạt" : "Không đạt",
            }), 11, [C, L, L, L, R, C]);
        w.Blank().Line("IV. KẾT LUẬN", bold: true);
        w.Line($"Hội đồng thống nhất đề nghị công nhận {view.Results.Passing.Count()} sản phẩm đạt điểm chuẩn, trong đó {view.Results.TopN.Count()} sản phẩm đề nghị xét chọn Top 10. Tổ thư ký công bố danh sách để lấy ý kiến rộng rãi trước khi trình Ủy ban nhân dân Thành phố quyết định.", firstLineIndentTwips: 567);
        w.Line("Biên bản kết thúc cùng ngày, đã được đọc lại và các thành viên dự họp nhất trí.", firstLineIndentTwips: 567).Blank();
        var chair = members.FirstOrDefault(m => m.Role == CouncilRole.Chair);
        var secretary = members.FirstOrDefault(m => m.Role == CouncilRole.Secretary);
        w.TwoColumns(50,
            [P("THƯ KÝ HỘI ĐỒNG", bold: true), P("(Ký, ghi rõ họ tên)", italic: true, size: 12), P(""), P(""), P(""), P(secretary?.FullName ?? "", bold: true)],
            [P("CHỦ TỊCH HỘI ĐỒNG", bold: true), P("(Ký, ghi rõ họ tên)", italic: true, size: 12), P(""), P(""), P(""), P(chair?.FullName ?? "", bold: true)]);
        return w.ToBytes();
    }

    /// <summary>The draft decision in the layout of Decree 30/2020/NĐ-CP. Before a decision is recorded, the number and date stay blank.</summary>
    public async Task<byte[]> DecisionAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var decision = await db.RecognitionDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.RoundId == round.Id, ct);
        var recognized = await db.Recognitions.AsNoTracking().Where(r => decision != null && r.DecisionId == decision.Id).Select(r => new { r.DossierId, r.Top10 }).ToListAsync(ct);
        var rows = decision is not null
            ? view.Rows.Where(r => recognized.Any(x => x.DossierId == r.Result.DossierId)).Select(r => (Row: r, Top: recognized.First(x => x.DossierId == r.Result.DossierId).Top10)).ToList()
            : view.Rows.Where(r => r.Result.Passed && r.State is DossierState.Proposed or DossierState.PublishedForComment or DossierState.Scored).Select(r => (Row: r, Top: r.Result.InTopN)).ToList();
        var number = decision is null ? "        /QĐ-UBND" : decision.Number;
        var dateLine = decision is null ? $"Hà Nội, ngày      tháng      năm {round.Year}" : $"Hà Nội, {VnFormat.LongDate(decision.Date)}";
        var top = rows.Where(r => r.Top).ToList();
        var w = new WordDocumentBuilder();
        w.TwoColumns(38,
            [P("ỦY BAN NHÂN DÂN", bold: true, size: 13), P("THÀNH PHỐ HÀ NỘI", bold: true, size: 13), P("________", size: 12), P(""), P($"Số: {number}", size: 13)],
            [P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12), P("Độc lập - Tự do - Hạnh phúc", bold: true, size: 14), P("________________________", size: 12), P(""),
             P(dateLine, italic: true, size: 14)]);
        w.Blank().Center("QUYẾT ĐỊNH", bold: true, size: 14)
            .Center("Về việc công nhận sản phẩm công nghiệp chủ lực", bold: true, size: 14)
            .Center($"thành phố Hà Nội năm {round.Year} và Top 10 sản phẩm", bold: true, size: 14)
            .Center("công nghiệp chủ lực tiêu biểu", bold: true, size: 14).Center("________").Blank()
            .Center("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", bold: true, size: 14).Blank();
        w.Line("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", italic: true, size: 13, firstLineIndentTwips: 567);
        w.Line($"Căn cứ Quyết định số {view.Rulebook.LegalBasis}{(view.Rulebook.LegalBasisDate is { } lb ? " ngày " + VnFormat.Date(lb) : "")} của Ủy ban nhân dân Thành phố phê duyệt Đề án phát triển sản phẩm công nghiệp chủ lực thành phố Hà Nội và bộ tiêu chí đánh giá, xét chọn;", italic: true, size: 13, firstLineIndentTwips: 567);
        w.Line($"Căn cứ Quyết định số {council.DecisionNumber} ngày {VnFormat.Date(council.DecisionDate)} của Ủy ban nhân dân Thành phố về việc thành lập Hội đồng đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {round.Year};", italic: true, size: 13, firstLineIndentTwips: 567);
        w.Line("Theo đề nghị của Giám đốc Sở Công Thương Hà Nội.", italic: true, size: 13, firstLineIndentTwips: 567).Blank();
        w.Center("QUYẾT ĐỊNH:", bold: true, size: 14).Blank();
        w.Paragraph(JustificationValues.Both, new Span("Điều 1. ", Bold: true, Size: 13),
            new Span($"Công nhận {rows.Count} sản phẩm của các doanh nghiệp là sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {round.Year} (danh sách tại Phụ lục I kèm theo), trong đó {top.Count} sản phẩm được công nhận Top 10 sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {round.Year} (danh sách tại Phụ lục II kèm theo).", Size: 13));
        w.Paragraph(JustificationValues.Both, new Span("Điều 2. ", Bold: true, Size: 13),
            new Span($"Các sản phẩm được công nhận tại Điều 1 được cấp Giấy chứng nhận; được sử dụng biểu trưng (logo) sản phẩm công nghiệp chủ lực thành phố Hà Nội trong hoạt động quảng bá sản phẩm; được ưu tiên tham gia các chương trình xúc tiến thương mại, khuyến công, khoa học và công nghệ, đào tạo nguồn nhân lực của Thành phố. Thời hạn công nhận là {view.Rulebook.Rules.ValidityMonths} tháng kể từ ngày ký Quyết định.", Size: 13));
        w.Paragraph(JustificationValues.Both, new Span("Điều 3. ", Bold: true, Size: 13),
            new Span("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Công Thương, Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường và các doanh nghiệp có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", Size: 13));
        w.Blank();
        w.TwoColumns(50,
            [P("Nơi nhận:", bold: true, italic: true, size: 12, align: L), P("- Như Điều 3;", size: 11, align: L), P("- Chủ tịch UBND Thành phố (để báo cáo);", size: 11, align: L),
             P("- Các Phó Chủ tịch UBND Thành phố;", size: 11, align: L), P("- Sở Công Thương (03 bản);", size: 11, align: L), P("- Lưu: VT, KTN.", size: 11, align: L)],
            [P("TM. ỦY BAN NHÂN DÂN", bold: true, size: 14), P("KT. CHỦ TỊCH", bold: true, size: 14), P("PHÓ CHỦ TỊCH", bold: true, size: 14), P(""), P(""), P(""),
             P(decision?.Signer ?? "", bold: true, size: 14)]);

        void Annex(string numeral, string title, IEnumerable<(ResultRow Row, bool Top)> list)
        {
            w.PageBreak().Center($"PHỤ LỤC {numeral}", bold: true, size: 14).Center(title, bold: true, size: 14)
                .Center($"THÀNH PHỐ HÀ NỘI NĂM {round.Year}", bold: true, size: 14)
                .Center($"(Kèm theo Quyết định số {number}{(decision is null ? $" ngày      /     /{round.Year}" : " ngày " + VnFormat.Date(decision.Date))} của Ủy ban nhân dân thành phố Hà Nội)", italic: true, size: 13)
                .Center("________").Blank();
            var n = 0;
            w.Table([8, 31, 31, 16, 14], ["STT", "Tên sản phẩm", "Doanh nghiệp", "Mã số thuế", "Điểm bình quân"],
                list.Select(x => new[] { (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), x.Row.ProductName, x.Row.EnterpriseName, x.Row.TaxCode, VnFormat.Points(x.Row.Result.DecisiveTotalHundredths) }),
                12, [C, L, L, C, R]);
        }
        Annex("I", "DANH SÁCH SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC", rows);
        Annex("II", "DANH SÁCH TOP 10 SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC", top.OrderByDescending(t => t.Row.Result.DecisiveTotalHundredths));
        return w.ToBytes();
    }

    /// <summary>Every member's score and comment per indicator, every pass, beside the computed results, so the selection can be audited.</summary>
    public async Task<byte[]> ResultsWorkbookAsync(Round round, SelectionCouncil council, CancellationToken ct)
    {
        var view = await queries.ResultsAsync(round, ct);
        var ids = view.Rows.Select(r => r.Result.DossierId).ToList();
        var scores = await (from s in db.ScoreSheets.AsNoTracking()
                            join m in db.CouncilMembers on s.MemberId equals m.Id
                            from x in s.Scores
                            where ids.Contains(s.DossierId)
                            select new { s.DossierId, s.Pass, s.Status, m.FullName, x.IndicatorId, x.PointsHundredths, x.Comment, s.SubmittedAt })
            .ToListAsync(ct);
        var indicators = view.Indicators.ToDictionary(i => i.Id);
        var rowsById = view.Rows.ToDictionary(r => r.Result.DossierId);
        using var wb = new XLWorkbook();
        var sum = wb.Worksheets.Add("Kết quả");
        string[] head = ["Hạng", "Mã hồ sơ", "Sản phẩm", "Doanh nghiệp", "MST", "Tổng điểm (thô)", "Tổng điểm (chuẩn hóa)", "Điểm xét", "Đạt", "Top 10", "Cần thảo luận", "Số người chấm"];
        for (var c = 0; c < head.Length; c++) sum.Cell(1, c + 1).Value = head[c];
        var row = 2;
        foreach (var r in view.Rows)
        {
            sum.Cell(row, 1).Value = r.Result.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            sum.Cell(row, 2).Value = r.Code ?? "";
            sum.Cell(row, 3).Value = r.ProductName;
            sum.Cell(row, 4).Value = r.EnterpriseName;
            sum.Cell(row, 5).SetValue(r.TaxCode);
            sum.Cell(row, 6).Value = r.Result.RawTotalHundredths / 100m;
            sum.Cell(row, 7).Value = r.Result.NormalizedTotalHundredths / 100m;
            sum.Cell(row, 8).Value = r.Result.DecisiveTotalHundredths / 100m;
            sum.Cell(row, 9).Value = r.Result.Passed ? "Đạt" : "Không đạt";
            sum.Cell(row, 10).Value = r.Result.InTopN ? "Top 10" : "";
            sum.Cell(row, 11).Value = r.Result.Flagged ? "Có" : "";
            sum.Cell(row, 12).Value = r.Result.Scorers;
            row++;
        }
        Style(sum, head.Length, [7, 18, 40, 40, 13, 14, 14, 12, 10, 9, 12, 10]);

        var ind = wb.Worksheets.Add("Theo chỉ tiêu");
        string[] head2 = ["Mã hồ sơ", "Sản phẩm", "Chỉ tiêu", "Tên chỉ tiêu", "Tối đa", "Bình quân", "Trung vị", "Chênh lệch", "Độ lệch chuẩn", "Bình quân chuẩn hóa", "Số người chấm", "Vượt ngưỡng"];
        for (var c = 0; c < head2.Length; c++) ind.Cell(1, c + 1).Value = head2[c];
        row = 2;
        foreach (var r in view.Rows)
            foreach (var i in r.Result.Indicators)
            {
                var def = indicators[i.IndicatorId];
                ind.Cell(row, 1).Value = r.Code ?? "";
                ind.Cell(row, 2).Value = r.ProductName;
                ind.Cell(row, 3).Value = def.Code;
                ind.Cell(row, 4).Value = def.Name;
                ind.Cell(row, 5).Value = def.MaxPointsHundredths / 100m;
                ind.Cell(row, 6).Value = i.AverageHundredths / 100m;
                ind.Cell(row, 7).Value = i.MedianHundredths / 100m;
                ind.Cell(row, 8).Value = i.SpreadHundredths / 100m;
                ind.Cell(row, 9).Value = i.StdDevHundredths / 100m;
                ind.Cell(row, 10).Value = i.NormalizedAverageHundredths / 100m;
                ind.Cell(row, 11).Value = i.Scorers;
                ind.Cell(row, 12).Value = i.Flagged ? "Có" : "";
                row++;
            }
        Style(ind, head2.Length, [18, 36, 9, 50, 8, 10, 10, 10, 12, 14, 10, 10]);

        var all = wb.Worksheets.Add("Điểm từng thành viên");
        string[] head3 = ["Mã hồ sơ", "Sản phẩm", "Vòng chấm", "Thành viên", "Chỉ tiêu", "Điểm", "Nhận xét", "Trạng thái phiếu", "Thời điểm nộp"];
        for (var c = 0; c < head3.Length; c++) all.Cell(1, c + 1).Value = head3[c];
        row = 2;
        foreach (var s in scores.OrderBy(s => rowsById[s.DossierId].Code).ThenBy(s => s.Pass).ThenBy(s => s.FullName).ThenBy(s => indicators.TryGetValue(s.IndicatorId, out var d) ? d.Code : ""))
        {
            all.Cell(row, 1).Value = rowsById[s.DossierId].Code ?? "";
            all.Cell(row, 2).Value = rowsById[s.DossierId].ProductName;
            all.Cell(row, 3).Value = s.Pass;
            all.Cell(row, 4).Value = s.FullName;
            all.Cell(row, 5).Value = indicators.TryGetValue(s.IndicatorId, out var def) ? def.Code : "";
            all.Cell(row, 6).Value = s.PointsHundredths / 100m;
            all.Cell(row, 7).Value = s.Comment ?? "";
            all.Cell(row, 8).Value = s.Status == SheetStatus.Submitted ? "Đã nộp" : s.Status == SheetStatus.Reopened ? "Mở lại" : "Nháp";
            all.Cell(row, 9).Value = s.SubmittedAt is { } at ? VnFormat.DateTime(at) : "";
            row++;
        }
        Style(all, head3.Length, [18, 36, 10, 28, 9, 8, 60, 14, 17]);

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    // Column widths by hand: AdjustToContents() needs System.Drawing, which fails on Linux.
    private static void Style(IXLWorksheet ws, int columns, int[] widths)
    {
        var header = ws.Range(1, 1, 1, columns);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(1);
    }
}
