using System.Text.Json;
using System.Text.Json.Serialization;
using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>The portable form of a criteria set (JSON and Excel): no ids, points in hundredths, amounts as
/// integers.</summary>
public sealed record CriteriaSetDocument(
    string Name,
    string LegalBasis,
    DateOnly? LegalBasisDate,
    int VersionNumber,
    bool NeedsConfirmation,
    string? Notes,
    DecisionRules Rules,
    List<GroupDocument> Groups,
    List<TrackDocument> Tracks,
    List<ConditionDocument> Conditions
);

public sealed record GroupDocument(
    string Code,
    string Name,
    int SortOrder,
    long? MinPointsHundredths,
    int? MinPercent,
    List<IndicatorDocument> Indicators
);

public sealed record IndicatorDocument(
    string Code,
    string Name,
    int SortOrder,
    long MaxPointsHundredths,
    ScoringMode Mode,
    string Guide,
    string Evidence,
    string? AssignedAgencyCode,
    List<BandDocument> Bands
);

public sealed record BandDocument(string Label, long PointsHundredths);

public sealed record TrackDocument(
    string Code,
    string Name,
    TrackKind Kind,
    long? MinRevenueVnd,
    long? MinExportUsdCents,
    bool RequiresHighTechListing,
    bool RequiresComplianceReport,
    bool OfficerDecides,
    string Description,
    int SortOrder
);

public sealed record ConditionDocument(string Code, string Text, bool RequiredAnswer, string TrackCodes, int SortOrder);

/// <summary>Export and import of criteria sets. An import always creates a new draft: nothing existing is
/// overwritten.</summary>
public sealed class CriteriaSetTransfer(AppDbContext db, RulebookQueries queries)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public CriteriaSetDocument ToDocument(CriteriaSet s, IReadOnlyDictionary<int, string> agencyCodes) =>
        new(
            s.Name,
            s.LegalBasis,
            s.LegalBasisDate,
            s.VersionNumber,
            s.NeedsConfirmation,
            s.Notes,
            s.Rules.Copy(),
            s.Groups.OrderBy(g => g.SortOrder)
                .Select(g => new GroupDocument(
                    g.Code,
                    g.Name,
                    g.SortOrder,
                    g.MinPointsHundredths,
                    g.MinPercent,
                    g.Indicators.OrderBy(i => i.SortOrder)
                        .Select(i => new IndicatorDocument(
                            i.Code,
                            i.Name,
                            i.SortOrder,
                            i.MaxPointsHundredths,
                            i.Mode,
                            i.Guide,
                            i.Evidence,
                            i.AssignedAgencyId is { } a && agencyCodes.TryGetValue(a, out var code) ? code : null,
                            i.Bands.OrderBy(b => b.SortOrder)
                                .Select(b => new BandDocument(b.Label, b.PointsHundredths))
                                .ToList()
                        ))
                        .ToList()
                ))
                .ToList(),
            s.Tracks.OrderBy(t => t.SortOrder)
                .Select(t => new TrackDocument(
                    t.Code,
                    t.Name,
                    t.Kind,
                    t.MinRevenueVnd,
                    t.MinExportUsdCents,
                    t.RequiresHighTechListing,
                    t.RequiresComplianceReport,
                    t.OfficerDecides,
                    t.Description,
                    t.SortOrder
                ))
                .ToList(),
            s.Conditions.OrderBy(c => c.SortOrder)
                .Select(c => new ConditionDocument(c.Code, c.Text, c.RequiredAnswer, c.TrackCodes, c.SortOrder))
                .ToList()
        );

    public async Task<CriteriaSetDocument?> ExportAsync(int id, CancellationToken ct)
    {
        var set = await queries.LoadAsync(id, track: false, ct);
        if (set is null)
            return null;
        var agencies = db.Agencies.ToDictionary(a => a.Id, a => a.Code);
        return ToDocument(set, agencies);
    }

    /// <summary>Creates a new draft from a document; returns the set or an error message key.</summary>
    public async Task<(CriteriaSet? Set, string? Error)> ImportAsync(CriteriaSetDocument? doc, CancellationToken ct)
    {
        var error = Validate(doc);
        if (error is not null)
            return (null, error);
        var agencies = db.Agencies.ToDictionary(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase);
        var set = new CriteriaSet
        {
            Name = doc!.Name.Trim(),
            LegalBasis = doc.LegalBasis?.Trim() ?? "",
            LegalBasisDate = doc.LegalBasisDate,
            VersionNumber = await queries.NextVersionAsync(doc.Name.Trim(), ct),
            NeedsConfirmation = doc.NeedsConfirmation,
            Notes = doc.Notes,
            Rules = doc.Rules ?? new DecisionRules(),
            Groups = doc
                .Groups.Select(g => new CriteriaGroup
                {
                    Code = g.Code,
                    Name = g.Name,
                    SortOrder = g.SortOrder,
                    MinPointsHundredths = g.MinPointsHundredths,
                    MinPercent = g.MinPercent,
                    Indicators = (g.Indicators ?? [])
                        .Select(i => new Indicator
                        {
                            Code = i.Code,
                            Name = i.Name,
                            SortOrder = i.SortOrder,
                            MaxPointsHundredths = i.MaxPointsHundredths,
                            Mode = i.Mode,
                            Guide = i.Guide ?? "",
                            Evidence = i.Evidence ?? "",
                            AssignedAgencyId =
                                i.AssignedAgencyCode is { } c && agencies.TryGetValue(c, out var aid) ? aid : null,
                            Bands = (i.Bands ?? [])
                                .Select(
                                    (b, n) =>
                                        new ScoreBand
                                        {
                                            Label = b.Label,
                                            PointsHundredths = b.PointsHundredths,
                                            SortOrder = n + 1,
                                        }
                                )
                                .ToList(),
                        })
                        .ToList(),
                })
                .ToList(),
            Tracks = doc
                .Tracks.Select(t => new EligibilityTrack
                {
                    Code = t.Code,
                    Name = t.Name,
                    Kind = t.Kind,
                    MinRevenueVnd = t.MinRevenueVnd,
                    MinExportUsdCents = t.MinExportUsdCents,
                    RequiresHighTechListing = t.RequiresHighTechListing,
                    RequiresComplianceReport = t.RequiresComplianceReport,
                    OfficerDecides = t.OfficerDecides,
                    Description = t.Description ?? "",
                    SortOrder = t.SortOrder,
                })
                .ToList(),
            Conditions = doc
                .Conditions.Select(c => new EligibilityCondition
                {
                    Code = c.Code,
                    Text = c.Text,
                    RequiredAnswer = c.RequiredAnswer,
                    TrackCodes = c.TrackCodes ?? "",
                    SortOrder = c.SortOrder,
                })
                .ToList(),
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync(ct);
        return (set, null);
    }

    public static string? Validate(CriteriaSetDocument? doc)
    {
        if (doc is null || string.IsNullOrWhiteSpace(doc.Name))
            return "Tệp không có tên bộ tiêu chí.";
        if (doc.Groups is null || doc.Tracks is null || doc.Conditions is null)
            return "Tệp thiếu nhóm tiêu chí, luồng xét chọn hoặc điều kiện.";
        if (doc.Name.Length > 300)
            return "Tên bộ tiêu chí quá dài.";
        foreach (var g in doc.Groups)
        {
            if (string.IsNullOrWhiteSpace(g.Code) || string.IsNullOrWhiteSpace(g.Name))
                return "Mỗi nhóm tiêu chí cần mã và tên.";
            foreach (var i in g.Indicators ?? [])
            {
                if (string.IsNullOrWhiteSpace(i.Code) || string.IsNullOrWhiteSpace(i.Name))
                    return "Mỗi chỉ tiêu cần mã và tên.";
                if (i.MaxPointsHundredths is < 0 or > 100_000_00)
                    return $"Điểm tối đa của chỉ tiêu {i.Code} không hợp lệ.";
                if ((i.Bands ?? []).Any(b => b.PointsHundredths < 0 || b.PointsHundredths > i.MaxPointsHundredths))
                    return $"Mức điểm của chỉ tiêu {i.Code} vượt điểm tối đa.";
            }
        }
        if (
            doc.Tracks.Any(t =>
                string.IsNullOrWhiteSpace(t.Code)
                || string.IsNullOrWhiteSpace(t.Name)
                || t.MinRevenueVnd < 0
                || t.MinExportUsdCents < 0
            )
        )
            return "Mỗi luồng xét chọn cần mã, tên và ngưỡng không âm.";
        if (doc.Conditions.Any(c => string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Text)))
            return "Mỗi điều kiện cần mã và nội dung.";
        return null;
    }

    public static CriteriaSetDocument? ParseJson(Stream s)
    {
        try
        {
            return JsonSerializer.Deserialize<CriteriaSetDocument>(s, Json);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>One sheet per part; a sheet "Bộ tiêu chí" holds the header and the decision rules as key/value
    /// rows.</summary>
    public static byte[] ToExcel(CriteriaSetDocument d)
    {
        using var wb = new XLWorkbook();
        var head = wb.Worksheets.Add("Bộ tiêu chí");
        var json = JsonSerializer.Serialize(d with { Groups = [], Tracks = [], Conditions = [] }, Json);
        (string, string)[] header =
        [
            ("Tên", d.Name),
            ("Căn cứ", d.LegalBasis),
            (
                "Ngày ban hành",
                d.LegalBasisDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? ""
            ),
            ("Phiên bản", d.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Cần xác nhận", d.NeedsConfirmation ? "Có" : "Không"),
            ("Ghi chú", d.Notes ?? ""),
            ("Quy tắc (JSON)", JsonSerializer.Serialize(d.Rules, Json)),
        ];
        for (var r = 0; r < header.Length; r++)
        {
            head.Cell(r + 1, 1).Value = header[r].Item1;
            head.Cell(r + 1, 2).SetValue(header[r].Item2);
        }
        head.Column(1).Width = 20;
        head.Column(2).Width = 90;
        _ = json;

        var ind = wb.Worksheets.Add("Chỉ tiêu");
        Header(
            ind,
            [
                "Mã nhóm",
                "Tên nhóm",
                "Thứ tự nhóm",
                "Tối thiểu nhóm (điểm)",
                "Tối thiểu nhóm (%)",
                "Mã chỉ tiêu",
                "Tên chỉ tiêu",
                "Thứ tự",
                "Điểm tối đa (điểm)",
                "Cách chấm",
                "Hướng dẫn",
                "Minh chứng",
                "Cơ quan chấm",
                "Mức điểm (nhãn=điểm; …)",
            ],
            [10, 30, 8, 14, 10, 10, 50, 8, 12, 10, 40, 30, 12, 40]
        );
        var row = 2;
        foreach (var g in d.Groups)
        {
            var items = g.Indicators.Count == 0 ? [null] : g.Indicators.Cast<IndicatorDocument?>().ToList();
            foreach (var i in items)
            {
                ind.Cell(row, 1).SetValue(g.Code);
                ind.Cell(row, 2).Value = g.Name;
                ind.Cell(row, 3).Value = g.SortOrder;
                if (g.MinPointsHundredths is { } mp)
                    ind.Cell(row, 4).Value = mp / 100m;
                if (g.MinPercent is { } pc)
                    ind.Cell(row, 5).Value = pc;
                if (i is not null)
                {
                    ind.Cell(row, 6).SetValue(i.Code);
                    ind.Cell(row, 7).Value = i.Name;
                    ind.Cell(row, 8).Value = i.SortOrder;
                    ind.Cell(row, 9).Value = i.MaxPointsHundredths / 100m;
                    ind.Cell(row, 10).Value = i.Mode.ToString();
                    ind.Cell(row, 11).Value = i.Guide;
                    ind.Cell(row, 12).Value = i.Evidence;
                    ind.Cell(row, 13).SetValue(i.AssignedAgencyCode ?? "");
                    ind.Cell(row, 14).Value = string.Join(
                        "; ",
                        i.Bands.Select(b => $"{b.Label}={VnFormat.Points(b.PointsHundredths)}")
                    );
                }
                row++;
            }
        }

        var tr = wb.Worksheets.Add("Luồng xét chọn");
        Header(
            tr,
            [
                "Mã",
                "Tên",
                "Loại",
                "Doanh thu tối thiểu (VND)",
                "Xuất khẩu tối thiểu (USD)",
                "Cần thuộc danh mục CNC",
                "Cần báo cáo tuân thủ",
                "Cán bộ quyết định",
                "Mô tả",
                "Thứ tự",
            ],
            [8, 40, 12, 22, 22, 12, 12, 12, 60, 8]
        );
        row = 2;
        foreach (var t in d.Tracks)
        {
            tr.Cell(row, 1).SetValue(t.Code);
            tr.Cell(row, 2).Value = t.Name;
            tr.Cell(row, 3).Value = t.Kind.ToString();
            if (t.MinRevenueVnd is { } rv)
                tr.Cell(row, 4).Value = rv;
            if (t.MinExportUsdCents is { } ex)
                tr.Cell(row, 5).Value = ex / 100m;
            tr.Cell(row, 6).Value = t.RequiresHighTechListing;
            tr.Cell(row, 7).Value = t.RequiresComplianceReport;
            tr.Cell(row, 8).Value = t.OfficerDecides;
            tr.Cell(row, 9).Value = t.Description;
            tr.Cell(row, 10).Value = t.SortOrder;
            row++;
        }

        var co = wb.Worksheets.Add("Điều kiện");
        Header(co, ["Mã", "Nội dung", "Câu trả lời đạt", "Áp dụng cho luồng", "Thứ tự"], [12, 80, 12, 16, 8]);
        row = 2;
        foreach (var c in d.Conditions)
        {
            co.Cell(row, 1).SetValue(c.Code);
            co.Cell(row, 2).Value = c.Text;
            co.Cell(row, 3).Value = c.RequiredAnswer;
            co.Cell(row, 4).SetValue(c.TrackCodes);
            co.Cell(row, 5).Value = c.SortOrder;
            row++;
        }
        foreach (var ws in new[] { ind, tr, co })
            ws.RangeUsed()?.SetAutoFilter();
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void Header(IXLWorksheet ws, string[] names, double[] widths)
    {
        for (var c = 0; c < names.Length; c++)
        {
            ws.Cell(1, c + 1).Value = names[c];
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
    }

    /// <summary>Reads a workbook written by <see cref="ToExcel"/> (possibly edited by hand); null when it is not
    /// one.</summary>
    public static CriteriaSetDocument? FromExcel(Stream s)
    {
        try
        {
            using var wb = new XLWorkbook(s);
            if (
                !wb.TryGetWorksheet("Bộ tiêu chí", out var head)
                || !wb.TryGetWorksheet("Chỉ tiêu", out var ind)
                || !wb.TryGetWorksheet("Luồng xét chọn", out var tr)
                || !wb.TryGetWorksheet("Điều kiện", out var co)
            )
                return null;
            string H(int r) => head.Cell(r, 2).GetString().Trim();
            DateOnly? date = DateOnly.TryParseExact(
                H(3),
                "dd/MM/yyyy",
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out var dd
            )
                ? dd
                : null;
            var rules = JsonSerializer.Deserialize<DecisionRules>(H(7), Json) ?? new DecisionRules();
            // Files written before points were in words hold hundredths ("điểm×100", "cent USD"): read them as they
            // were written.
            var hundredths = ind.Cell(1, 9).GetString().Contains("×100", StringComparison.Ordinal);
            var cents = tr.Cell(1, 5).GetString().Contains("cent", StringComparison.OrdinalIgnoreCase);
            long? Pts(IXLCell c) => hundredths ? Long(c) : Scaled(c);
            var groups = new List<GroupDocument>();
            foreach (var r in ind.RowsUsed().Skip(1))
            {
                var code = r.Cell(1).GetString().Trim();
                if (code.Length == 0)
                    continue;
                var g = groups.FirstOrDefault(x => x.Code == code);
                if (g is null)
                {
                    g = new GroupDocument(
                        code,
                        r.Cell(2).GetString().Trim(),
                        Int(r.Cell(3)) ?? groups.Count + 1,
                        Pts(r.Cell(4)),
                        Int(r.Cell(5)),
                        []
                    );
                    groups.Add(g);
                }
                var icode = r.Cell(6).GetString().Trim();
                if (icode.Length == 0)
                    continue;
                var bands = r.Cell(14)
                    .GetString()
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(b => b.Split('=', 2))
                    .Select(p => new BandDocument(
                        p[0].Trim(),
                        hundredths
                            ? long.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)
                            : ScaledText(p[1]) ?? throw new FormatException("band points")
                    ))
                    .ToList();
                g.Indicators.Add(
                    new IndicatorDocument(
                        icode,
                        r.Cell(7).GetString().Trim(),
                        Int(r.Cell(8)) ?? g.Indicators.Count + 1,
                        Pts(r.Cell(9)) ?? 0,
                        Enum.Parse<ScoringMode>(r.Cell(10).GetString().Trim(), true),
                        r.Cell(11).GetString(),
                        r.Cell(12).GetString(),
                        r.Cell(13).GetString().Trim() is { Length: > 0 } a ? a : null,
                        bands
                    )
                );
            }
            var tracks = tr.RowsUsed()
                .Skip(1)
                .Where(r => r.Cell(1).GetString().Trim().Length > 0)
                .Select(r => new TrackDocument(
                    r.Cell(1).GetString().Trim(),
                    r.Cell(2).GetString().Trim(),
                    Enum.Parse<TrackKind>(r.Cell(3).GetString().Trim(), true),
                    Long(r.Cell(4)),
                    cents ? Long(r.Cell(5)) : Scaled(r.Cell(5)),
                    Bool(r.Cell(6)),
                    Bool(r.Cell(7)),
                    Bool(r.Cell(8)),
                    r.Cell(9).GetString(),
                    Int(r.Cell(10)) ?? 0
                ))
                .ToList();
            var conditions = co.RowsUsed()
                .Skip(1)
                .Where(r => r.Cell(1).GetString().Trim().Length > 0)
                .Select(r => new ConditionDocument(
                    r.Cell(1).GetString().Trim(),
                    r.Cell(2).GetString().Trim(),
                    Bool(r.Cell(3)),
                    r.Cell(4).GetString().Trim(),
                    Int(r.Cell(5)) ?? 0
                ))
                .ToList();
            return new CriteriaSetDocument(
                H(1),
                H(2),
                date,
                Int(head.Cell(4, 2)) ?? 1,
                H(5) == "Có",
                H(6),
                rules,
                groups,
                tracks,
                conditions
            );
        }
        catch (Exception e)
            when (e
                    is FormatException
                        or ArgumentException
                        or JsonException
                        or InvalidDataException
                        or InvalidOperationException
                        or IndexOutOfRangeException
                        or OverflowException
                        or System.IO.FileFormatException
                        or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            )
        {
            return null;
        }
    }

    /// <summary>A number in points or USD (two decimals at most) as hundredths: a number cell, or text with "," or "."
    /// as the decimal mark.</summary>
    private static long? Scaled(IXLCell c) =>
        c.DataType == XLDataType.Number
            ? (long)Math.Round((decimal)c.GetDouble() * 100m, MidpointRounding.AwayFromZero)
            : ScaledText(c.GetString());

    private static long? ScaledText(string text) =>
        decimal.TryParse(
            text.Trim().Replace(',', '.'),
            System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture,
            out var v
        )
            ? (long)Math.Round(v * 100m, MidpointRounding.AwayFromZero)
            : null;

    private static long? Long(IXLCell c) =>
        long.TryParse(
            c.GetString().Trim(),
            System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture,
            out var v
        )
            ? v
            : null;

    private static int? Int(IXLCell c) =>
        int.TryParse(
            c.GetString().Trim(),
            System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture,
            out var v
        )
            ? v
            : null;

    private static bool Bool(IXLCell c) => c.GetString().Trim() is "1" or "TRUE" or "True" or "true" or "Có" or "x";
}
