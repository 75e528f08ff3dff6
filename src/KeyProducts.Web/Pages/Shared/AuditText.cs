using System.Globalization;
using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Audit rows as a reader wants them: "Field: before → after", without technical columns, enums and dates
/// readable.</summary>
public static class AuditText
{
    private static readonly HashSet<string> Hidden =
    [
        "Id",
        "Version",
        "SearchText",
        "DirectorySearchText",
        "EnterpriseId",
        "HeadOffice.EnterpriseId",
        "ProductId",
    ];

    public static string Action(string action) =>
        action switch
        {
            "Added" => "Tạo mới",
            "Modified" => "Cập nhật",
            "Deleted" => "Xóa",
            _ => action,
        };

    /// <summary>IsLabel: the values are Vietnamese labels (enum texts) to pass through the localizer; other values are
    /// data.</summary>
    public static IEnumerable<(string Field, string Before, string After, bool IsLabel)> Lines(string changesJson)
    {
        using var doc = JsonDocument.Parse(changesJson);
        var lines = new List<(string, string, string, bool)>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (Hidden.Contains(p.Name) || p.Value.ValueKind != JsonValueKind.Object)
                continue;
            var before = Value(p.Name, p.Value, "before");
            var after = Value(p.Name, p.Value, "after");
            if (before == after)
                continue;
            lines.Add((p.Name, before, after, p.Name is "Status" or "LegalForm" or "Ownership"));
        }
        return lines;
    }

    private static string Value(string field, JsonElement change, string side)
    {
        if (!change.TryGetProperty(side, out var v) || v.ValueKind == JsonValueKind.Null)
            return "—";
        var text = v.ToString();
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return field switch
            {
                "Status" when Enum.IsDefined(typeof(EnterpriseStatus), n) => EnterpriseStatusText.Of(
                    (EnterpriseStatus)n
                ),
                "LegalForm" when Enum.IsDefined(typeof(LegalForm), n) => EnterpriseText.Of((LegalForm)n),
                "Ownership" when Enum.IsDefined(typeof(Ownership), n) => EnterpriseText.Of((Ownership)n),
                _ => text,
            };
        }
        if (
            v.ValueKind == JsonValueKind.String
            && text.Length >= 20
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        )
            return VnFormat.DateTime(at);
        return text.Length == 0 ? "—" : text;
    }
}
