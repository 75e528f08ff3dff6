using System.Text.Json;

namespace KeyProducts.Core.Dossiers;

/// <summary>Compares two snapshots (flat JSON objects "field → value") and lists what changed.</summary>
public static class DossierSnapshotDiff
{
    public sealed record Change(string Field, string? Before, string? After);

    public static IReadOnlyList<Change> Compare(string? beforeJson, string afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        return before
            .Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    public static Dictionary<string, string?> Flatten(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
            return result;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            result[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString();
        return result;
    }
}
