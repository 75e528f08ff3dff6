using System.Text.Json;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Each capability keeps its English strings in its own file; a Vietnamese key that appears in two files must
/// get the same English in both, or the page shows whichever file happens to load last.</summary>
public sealed class TranslationFileTests
{
    [Fact]
    public void No_key_has_two_different_english_translations()
    {
        var asm = typeof(Program).Assembly;
        var seen = new Dictionary<string, (string File, string Value)>();
        var conflicts = new List<string>();
        foreach (
            var name in asm.GetManifestResourceNames()
                .Where(n =>
                    n.StartsWith("i18n.", StringComparison.Ordinal) && n.EndsWith(".en.json", StringComparison.Ordinal)
                )
        )
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
            Assert.NotEmpty(entries);
            foreach (var (key, value) in entries)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{name}: \"{key}\" has an empty translation");
                if (seen.TryGetValue(key, out var first) && first.Value != value)
                    conflicts.Add($"\"{key}\": {first.File} says \"{first.Value}\", {name} says \"{value}\"");
                else
                    seen.TryAdd(key, (name, value));
            }
        }
        Assert.True(seen.Count > 500, "the translation files were not found");
        Assert.True(conflicts.Count == 0, string.Join("\n", conflicts));
    }
}
