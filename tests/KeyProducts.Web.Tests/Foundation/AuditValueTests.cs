using System.Globalization;
using System.Text.Json;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The audit log shows every enum value by a name in words, in both languages: each enum-typed field of an
/// audited record (walked in the EF model as <see cref="AuditRecorder"/> names fields) is found by
/// <see cref="AuditText"/> from its CLR property, and each value of its enum has a Vietnamese name in
/// <see cref="EnumText"/> that is not the C# name, differs from the other values' names, and has English. A new enum
/// field or value without a name fails here instead of showing "3" or "NeedsCorrection". Needs no database.</summary>
public sealed class AuditValueTests
{
    [Fact]
    public void Every_value_of_every_audited_enum_field_reads_in_words_with_english()
    {
        var english = English();
        var problems = new List<string>();
        var fields = EnumFields().ToList();
        Assert.Contains(fields, f => f.Field == "Status" && f.Type == "Round");
        foreach (var (type, field, enumType) in fields)
        {
            if (AuditText.EnumOf(type, field) != enumType)
            {
                problems.Add($"{type}.{field}: AuditText does not find its enum {enumType.Name}");
                continue;
            }
            var flags = enumType.IsDefined(typeof(FlagsAttribute), false);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Enum value in Enum.GetValues(enumType))
            {
                var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (flags && number == 0)
                    continue;
                var name = EnumText.Of(value);
                var where = $"{type}.{field} = {enumType.Name}.{value}";
                if (name is null || name == value.ToString())
                    problems.Add($"{where}: no Vietnamese name");
                else if (!english.ContainsKey(name))
                    problems.Add($"{where}: \"{name}\" has no English");
                else if (seen.TryGetValue(name, out var other))
                    problems.Add($"{where}: same name \"{name}\" as {other}");
                else
                {
                    seen[name] = value.ToString();
                    var json = $$$"""{"{{{field}}}":{"before":null,"after":{{{number}}}}}""";
                    var line = AuditText.Lines(json, type).SingleOrDefault();
                    if (line is not { IsLabel: true } || line.After != name)
                        problems.Add($"{where}: the log shows \"{line?.After}\", not \"{name}\"");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} enum values not in words:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Flags_read_as_the_names_of_the_flags_set_and_unknown_numbers_as_they_are()
    {
        var both = (int)(TargetFlags.LargeRevenue | TargetFlags.HighTech);
        var line = Assert.Single(
            AuditText.Lines($$$"""{"Flags":{"before":0,"after":{{{both}}}}}""", nameof(MobilizationTarget))
        );
        Assert.Equal(("—", true), (line.Before, line.IsLabel));
        Assert.Equal("Doanh thu lớn, Công nghệ cao", AuditText.Show(line.After, line.IsLabel, false, (k, _) => k));
        Assert.Equal("Large revenue, High-tech", AuditText.Show(line.After, true, false, (k, _) => English()[k]));
        var unknown = Assert.Single(AuditText.Lines("""{"Stage":{"before":1,"after":99}}""", "MobilizationTarget"));
        Assert.Equal(("Đã liên hệ", "99"), (unknown.Before, unknown.After));
        var named = Assert.Single(AuditText.Lines("""{"Status":{"before":"Draft","after":null}}""", "Round"));
        Assert.Equal(("Bản nháp", "—", true), (named.Before, named.After, named.IsLabel));
    }

    [Fact]
    public void Dates_and_times_read_day_first()
    {
        var day = Assert.Single(
            AuditText.Lines("""{"PublishedOn":{"before":"2026-11-15","after":"2026-12-01"}}""", "MediaLogEntry")
        );
        Assert.Equal(("15/11/2026", "01/12/2026"), (day.Before, day.After));
        // Text that only looks like a date stays as typed.
        var note = Assert.Single(AuditText.Lines("""{"Note":{"before":null,"after":"2026-13-45"}}""", "TargetContact"));
        Assert.Equal("2026-13-45", note.After);
    }

    /// <summary>Enum-typed fields as the recorder names them: "Type.Property", "Type.Owned.Property".</summary>
    private static IEnumerable<(string Type, string Field, Type Enum)> EnumFields()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        static Type Bare(IProperty p) => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
        foreach (
            var t in db
                .Model.GetEntityTypes()
                .Where(t => !t.IsOwned() && !t.ClrType.IsAbstract && AuditRecorder.IsAudited(t.ClrType))
        )
        {
            foreach (var p in t.GetProperties().Where(p => Bare(p).IsEnum))
                yield return (t.ClrType.Name, p.Name, Bare(p));
            foreach (var owned in t.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
            foreach (var p in owned.TargetEntityType.GetProperties().Where(p => Bare(p).IsEnum))
                yield return (t.ClrType.Name, $"{owned.Name}.{p.Name}", Bare(p));
        }
    }

    private static Dictionary<string, string> English()
    {
        var asm = typeof(Program).Assembly;
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("i18n.", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                all[k] = v;
        }
        return all;
    }
}
