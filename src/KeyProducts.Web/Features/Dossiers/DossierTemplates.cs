using DocumentFormat.OpenXml.Wordprocessing;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Features.Council.Documents;
using KeyProducts.Web.Pages.Shared;
using B = KeyProducts.Web.Features.Council.Documents.WordDocumentBuilder;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>The two forms an enterprise signs and uploads with its dossier, as Word files: the registration form
/// ("phiếu đăng
/// ký theo mẫu") and the commitment (bản cam kết: truthful dossier, compliance with the law on environment, quality and
/// intellectual property, as Hướng dẫn 1520/HD-SCT asks). Hanoi's official forms are not public (program.md §3.3), so
/// these
/// are reference forms built from what the dossier holds and say so; blank from the help page, filled in from a
/// dossier.
/// The documents are in Vietnamese whatever the interface language: they are addressed to the Department.</summary>
public static class DossierTemplates
{
    public const string RegistrationForm = "phieu-dang-ky";
    public const string Commitment = "ban-cam-ket";

    public static readonly IReadOnlyList<string> Names = [RegistrationForm, Commitment];

    /// <summary>The template that goes with a checklist item of the seeded checklist, if any.</summary>
    public static string? ForChecklistItem(string code) =>
        code.ToUpperInvariant() switch
        {
            "PDK" => RegistrationForm,
            "CAMKET" or "TUANTHU" => Commitment,
            _ => null,
        };

    public static string Title(string name) =>
        name == RegistrationForm ? "Phiếu đăng ký tham gia (mẫu)" : "Bản cam kết (mẫu)";

    public static string FileName(string name, int year) => $"{name}-{year}.docx";

    /// <summary>What a form is filled with: only the round for a blank form, the dossier's data otherwise.</summary>
    public sealed record Data(
        int Year,
        IReadOnlyList<ChecklistItem> Checklist,
        IReadOnlyList<EligibilityTrack> Tracks,
        Enterprise? Enterprise = null,
        Product? Product = null,
        string? Sector = null,
        EligibilityTrack? Track = null,
        Dossier? Dossier = null
    )
    {
        public static Data From(DossierWorkspace w, string? sector) =>
            new(
                w.Round.Year,
                w.Checklist,
                w.Rulebook.Tracks.OrderBy(t => t.SortOrder).ToList(),
                w.Enterprise,
                w.Product,
                sector,
                w.Track,
                w.Dossier
            );
    }

    public static byte[] Build(string name, Data d) =>
        name switch
        {
            RegistrationForm => Registration(d),
            Commitment => CommitmentLetter(d),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

    private const string Dots = "…………………………………………………………";

    /// <summary>The value on one line (Word shows no line break inside a run), or a dotted line to fill in by
    /// hand.</summary>
    private static string Or(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? Dots
            : string.Join(
                "; ",
                value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            );

    private static B Header(B doc, Enterprise? e) =>
        doc.TwoColumns(
            40,
            [
                B.P(e?.NameVi.ToUpperInvariant() ?? "TÊN DOANH NGHIỆP", bold: true, size: 12),
                B.P("———————", size: 12),
                B.P("Số: ………", size: 12),
            ],
            [
                B.P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12),
                B.P("Độc lập - Tự do - Hạnh phúc", bold: true, size: 13),
                B.P("———————————", size: 12),
                B.P("Hà Nội, ngày … tháng … năm ……", italic: true, size: 13),
            ]
        );

    private static B Signature(B doc) =>
        doc.Blank()
            .TwoColumns(
                45,
                [B.P("")],
                [
                    B.P("ĐẠI DIỆN THEO PHÁP LUẬT CỦA DOANH NGHIỆP", bold: true, size: 12),
                    B.P("(Ký, ghi rõ họ tên, chức vụ và đóng dấu)", italic: true, size: 12),
                ]
            );

    private static B Note(B doc, int year) =>
        doc.Blank()
            .Line(
                $"Ghi chú: mẫu tham khảo do Hệ thống quản lý sản phẩm công nghiệp chủ lực thành phố Hà Nội lập theo "
                    + $"nội dung hồ sơ xét chọn năm {year}. "
                    + "Nếu Hướng dẫn của Sở Công Thương Hà Nội cho năm xét chọn ban hành mẫu khác, doanh nghiệp sử "
                    + "dụng mẫu của Hướng dẫn.",
                italic: true,
                size: 11
            );

    private static string AddressOf(Enterprise? e) =>
        e is null
            ? Dots
            : string.Join(
                ", ",
                new[] { e.HeadOffice.Street, e.HeadOffice.Province }.Where(s => !string.IsNullOrWhiteSpace(s))
            );

    private static byte[] Registration(Data d)
    {
        var e = d.Enterprise;
        var p = d.Product;
        var doc = Header(new B(), e)
            .Blank()
            .Center("PHIẾU ĐĂNG KÝ", bold: true, size: 14)
            .Center(
                $"THAM GIA ĐÁNH GIÁ, XÉT CHỌN SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC THÀNH PHỐ HÀ NỘI NĂM {d.Year}",
                bold: true,
                size: 13
            )
            .Blank()
            .Center("Kính gửi: Sở Công Thương Hà Nội")
            .Blank()
            .Line("I. THÔNG TIN DOANH NGHIỆP", bold: true)
            .Line($"1. Tên doanh nghiệp: {Or(e?.NameVi)}")
            .Line($"2. Tên tiếng Anh (nếu có): {Or(e?.NameEn)}")
            .Line($"3. Mã số thuế (mã số doanh nghiệp): {Or(e?.TaxCode)}")
            .Line(
                $"4. Loại hình doanh nghiệp: {(e is null ? Dots : EnterpriseText.Of(e.LegalForm))}; hình thức sở "
                    + $"hữu: {(e is null ? Dots : EnterpriseText.Of(e.Ownership))}"
            )
            .Line($"5. Địa chỉ trụ sở chính: {AddressOf(e)}")
            .Line(
                "6. Địa chỉ nhà xưởng sản xuất (nếu có): "
                    + (
                        e is null || e.Factories.Count == 0
                            ? Dots
                            : string.Join("; ", e.Factories.Select(f => f.Address.Street))
                    )
            )
            .Line(
                $"7. Người liên hệ: {Or(e?.ContactName)}; điện thoại: {Or(e?.ContactPhone)}; thư điện tử: "
                    + $"{Or(e?.ContactEmail)}"
            )
            .Line($"8. Người đại diện theo pháp luật: {Dots}; chức vụ: ………………")
            .Blank()
            .Line("II. SẢN PHẨM ĐĂNG KÝ", bold: true)
            .Line($"1. Tên sản phẩm: {Or(p?.Name)}")
            .Line($"2. Ký hiệu, mã hiệu (model): {Or(p?.Model)}")
            .Line($"3. Ngành: {Or(d.Sector)}")
            .Line(
                $"4. Thuộc Danh mục sản phẩm công nghệ cao được khuyến khích phát triển: "
                    + $"{(p is null ? "☐ Có   ☐ Không" : p.IsHighTech ? "Có" : "Không")}"
                    + (p?.HighTechCode is { Length: > 0 } code ? $" (mã {code})" : "")
            )
            .Line($"5. Tiêu chuẩn, chứng nhận áp dụng: {Or(p?.Certifications)}")
            .Line("6. Nhóm điều kiện đăng ký:");
        foreach (var t in d.Tracks)
            doc.Line(
                $"{(d.Track is null ? "☐" : d.Track.Id == t.Id ? "☒" : "☐")} {t.Code}. {t.Name}{Threshold(t)}",
                firstLineIndentTwips: 567
            );
        doc.Blank().Line($"III. SỐ LIỆU SẢN XUẤT, KINH DOANH BA NĂM {d.Year - 3}–{d.Year - 1}", bold: true);
        var years = Enumerable.Range(d.Year - 3, 3).ToList();
        var rows = Fields.Select(f =>
            new[] { f.Label }
                .Concat(years.Select(y => Value(d.Dossier?.Figures.FirstOrDefault(x => x.Year == y), f.Name)))
                .ToArray()
        );
        doc.Table(
            [40, 20, 20, 20],
            ["Chỉ tiêu", .. years.Select(y => $"Năm {y}")],
            rows,
            11,
            [JustificationValues.Left, JustificationValues.Right, JustificationValues.Right, JustificationValues.Right]
        );
        doc.Blank().Line("IV. TÀI LIỆU KÈM THEO", bold: true);
        var i = 0;
        foreach (var c in d.Checklist.Where(c => ForChecklistItem(c.Code) != RegistrationForm))
            doc.Line($"{++i}. {c.Name}{(c.Mandatory ? "" : " (nếu có)")}");
        doc.Blank()
            .Line("V. CAM KẾT", bold: true)
            .Line(
                "Doanh nghiệp cam kết các thông tin kê khai trong phiếu này và trong hồ sơ kèm theo là đúng sự thật "
                    + "và chịu trách nhiệm trước pháp luật về nội dung đã kê khai.",
                firstLineIndentTwips: 567
            );
        return Note(Signature(doc), d.Year).ToBytes();
    }

    private static byte[] CommitmentLetter(Data d)
    {
        var e = d.Enterprise;
        var doc = Header(new B(), e)
            .Blank()
            .Center("BẢN CAM KẾT", bold: true, size: 14)
            .Center("Về tính trung thực của hồ sơ và việc tuân thủ pháp luật", bold: true, size: 13)
            .Blank()
            .Center("Kính gửi: Sở Công Thương Hà Nội")
            .Blank()
            .Line($"Tên doanh nghiệp: {Or(e?.NameVi)}")
            .Line($"Mã số thuế (mã số doanh nghiệp): {Or(e?.TaxCode)}")
            .Line($"Địa chỉ trụ sở chính: {AddressOf(e)}")
            .Line($"Người đại diện theo pháp luật: {Dots}; chức vụ: ………………")
            .Line(
                $"Tham gia đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {d.Year} với sản "
                    + $"phẩm: {Or(d.Product?.Name)}"
                    + (d.Product?.Model is { Length: > 0 } m ? $" ({m})" : "")
                    + ", doanh nghiệp cam kết:"
            )
            .Line(
                "1. Các thông tin, số liệu và tài liệu trong hồ sơ đăng ký là đúng sự thật; doanh nghiệp chịu trách "
                    + "nhiệm trước pháp luật về nội dung hồ sơ.",
                firstLineIndentTwips: 567
            )
            .Line(
                "2. Doanh nghiệp tuân thủ các quy định của pháp luật về bảo vệ môi trường, quản lý chất lượng sản "
                    + "phẩm, bảo hộ quyền sở hữu trí tuệ và các quy định khác của pháp luật có liên quan trong sản "
                    + "xuất, kinh doanh sản phẩm đăng ký.",
                firstLineIndentTwips: 567
            )
            .Line(
                "3. Doanh nghiệp phối hợp và tạo điều kiện để Sở Công Thương Hà Nội và Hội đồng đánh giá, xét chọn "
                    + "kiểm tra, thẩm định thực tế khi được đề nghị.",
                firstLineIndentTwips: 567
            )
            .Line(
                "Nếu có thông tin sai sự thật, doanh nghiệp chịu trách nhiệm trước pháp luật và chấp nhận bị loại "
                    + "khỏi đợt xét chọn hoặc bị thu hồi công nhận.",
                firstLineIndentTwips: 567
            );
        return Note(Signature(doc), d.Year).ToBytes();
    }

    private static string Threshold(EligibilityTrack t)
    {
        var parts = new List<string>();
        if (t.MinRevenueVnd is { } r)
            parts.Add($"doanh thu từ {VnFormat.Vnd(r)} đồng/năm");
        if (t.MinExportUsdCents is { } x)
            parts.Add($"kim ngạch xuất khẩu từ {VnFormat.Usd(x)} USD/năm");
        if (t.RequiresHighTechListing)
            parts.Add("thuộc danh mục sản phẩm công nghệ cao");
        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    /// <summary>The figure rows of the dossier form, with their units in words.</summary>
    private static readonly (string Name, string Label)[] Fields =
    [
        ("ProductRevenue", "Doanh thu sản phẩm (đồng)"),
        ("EnterpriseRevenue", "Doanh thu doanh nghiệp (đồng)"),
        ("IndustrialOutput", "Giá trị sản xuất công nghiệp (đồng)"),
        ("ExportUsd", "Kim ngạch xuất khẩu (USD)"),
        ("Employees", "Số lao động (người)"),
        ("AverageIncome", "Thu nhập bình quân (đồng/người/tháng)"),
        ("BudgetContribution", "Nộp ngân sách nhà nước (đồng)"),
        ("RdSpending", "Chi nghiên cứu, phát triển (đồng)"),
    ];

    private static string Value(DossierFigure? f, string field)
    {
        if (f is null)
            return "";
        return field switch
        {
            "ProductRevenue" => V(f.ProductRevenueVnd),
            "EnterpriseRevenue" => V(f.EnterpriseRevenueVnd),
            "IndustrialOutput" => V(f.IndustrialOutputVnd),
            "ExportUsd" => f.ExportUsdCents is { } c ? VnFormat.Usd(c) : "",
            "Employees" => f.Employees is { } n ? VnFormat.Vnd(n) : "",
            "AverageIncome" => V(f.AverageMonthlyIncomeVnd),
            "BudgetContribution" => V(f.BudgetContributionVnd),
            _ => V(f.RdSpendingVnd),
        };
        static string V(long? v) => v is { } x ? VnFormat.Vnd(x) : "";
    }
}
