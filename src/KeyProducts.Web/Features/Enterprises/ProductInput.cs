using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Enterprises;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>A product as the enterprise enters it; IP records are one per line "Loại | Số văn bằng | dd/MM/yyyy |
/// Tên".</summary>
public sealed class ProductInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên sản phẩm.")]
    [StringLength(300, ErrorMessage = "Tên quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Tên sản phẩm")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
    [Display(Name = "Mẫu mã, model")]
    public string? Model { get; set; }

    [Display(Name = "Ngành")]
    public int? SectorId { get; set; }

    [StringLength(4000, ErrorMessage = "Mô tả quá dài (tối đa 4.000 ký tự).")]
    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Display(Name = "Thuộc Danh mục sản phẩm công nghệ cao được khuyến khích phát triển")]
    public bool IsHighTech { get; set; }

    [Display(Name = "Mã trong danh mục công nghệ cao")]
    public string? HighTechCode { get; set; }

    [StringLength(2000, ErrorMessage = "Tối đa 2.000 ký tự.")]
    [Display(Name = "Tiêu chuẩn, chứng nhận chất lượng (mỗi dòng một chứng nhận)")]
    public string? Certifications { get; set; }

    [StringLength(4000, ErrorMessage = "Tối đa 4.000 ký tự.")]
    [Display(Name = "Văn bằng sở hữu trí tuệ")]
    public string? IntellectualProperty { get; set; }

    public static ProductInput From(Product p) =>
        new()
        {
            Name = p.Name,
            Model = p.Model,
            SectorId = p.SectorId,
            Description = p.Description,
            IsHighTech = p.IsHighTech,
            HighTechCode = p.HighTechCode,
            Certifications = p.Certifications,
            IntellectualProperty = string.Join(
                '\n',
                p.IntellectualProperties.OrderBy(i => i.Id).Select(IpLines.Format)
            ),
        };
}

/// <summary>Reads and writes the one-line form of an IP record.</summary>
public static class IpLines
{
    private static readonly Dictionary<string, IpKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nhãn hiệu"] = IpKind.Trademark,
        ["sáng chế"] = IpKind.Patent,
        ["giải pháp hữu ích"] = IpKind.UtilitySolution,
        ["kiểu dáng công nghiệp"] = IpKind.IndustrialDesign,
        ["kiểu dáng"] = IpKind.IndustrialDesign,
        ["quyền tác giả"] = IpKind.Copyright,
        ["trademark"] = IpKind.Trademark,
        ["patent"] = IpKind.Patent,
        ["design"] = IpKind.IndustrialDesign,
    };

    public static string KindText(IpKind k) =>
        k switch
        {
            IpKind.Trademark => "Nhãn hiệu",
            IpKind.Patent => "Sáng chế",
            IpKind.UtilitySolution => "Giải pháp hữu ích",
            IpKind.IndustrialDesign => "Kiểu dáng công nghiệp",
            _ => "Quyền tác giả",
        };

    public static string Format(IntellectualProperty ip) =>
        (
            $"{KindText(ip.Kind)} | {ip.Number} | {(ip.GrantedOn is { } d ? Core.Common.VnFormat.Date(d) : "")} | "
            + $"{ip.Title}"
        ).TrimEnd(' ', '|');

    /// <summary>Parses the lines; returns the 1-based number of the first bad line, or 0.</summary>
    public static (List<IntellectualProperty> Items, int BadLine) Parse(string? text)
    {
        var items = new List<IntellectualProperty>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !Kinds.TryGetValue(parts[0], out var kind) || parts[1].Length is 0 or > 100)
                return (items, i + 1);
            DateOnly? granted = null;
            if (parts.Length > 2 && parts[2].Length > 0)
            {
                if (
                    !DateOnly.TryParseExact(
                        parts[2],
                        "dd/MM/yyyy",
                        System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None,
                        out var d
                    )
                )
                    return (items, i + 1);
                granted = d;
            }
            items.Add(
                new IntellectualProperty
                {
                    Kind = kind,
                    Number = parts[1],
                    GrantedOn = granted,
                    Title = parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null,
                }
            );
        }
        return (items, 0);
    }
}
