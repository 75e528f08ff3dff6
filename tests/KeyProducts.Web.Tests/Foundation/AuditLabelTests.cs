using System.Text.Json;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The audit log names every kind of record and every field in words: a new property or entity without a
/// label in <see cref="AuditText"/> (or without English for its label) fails here instead of showing "IsHighTech" to a
/// reader. The model is walked the way <see cref="AuditRecorder"/> names changes. Needs no database.</summary>
public sealed class AuditLabelTests
{
    [Fact]
    public void Every_audited_entity_type_has_a_label()
    {
        var missing = AuditedTypes().Select(t => t.ClrType.Name).Where(n => AuditText.Entity(n) is null).Distinct();
        Assert.True(!missing.Any(), "No EntityLabels entry for:\n" + string.Join("\n", missing.Order()));
    }

    [Fact]
    public void Every_audited_field_has_a_label()
    {
        var missing = RecordedFields()
            .Where(f => !AuditText.IsHidden(f.Field) && !AuditText.Field(f.Type, f.Field).IsLabel)
            .Select(f => $"{f.Type}.{f.Field}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} audited fields without a label:\n" + string.Join("\n", missing)
        );
    }

    [Fact]
    public void Every_label_has_an_english_translation()
    {
        var english = English();
        var missing = AuditText.AllLabels.Distinct().Where(l => !english.ContainsKey(l)).Order().ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} audit labels without English:\n" + string.Join("\n", missing)
        );
    }

    [Fact]
    public void The_walk_names_fields_as_the_recorder_does()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        var enterprise = new Core.Enterprises.Enterprise { TaxCode = "0100000001", NameVi = "Công ty A" };
        enterprise.Factories.Add(new Core.Enterprises.Factory { Name = "Xưởng 1" });
        db.Add(enterprise);
        var recorded = new AuditRecorder(new NoUser(), TimeProvider.System)
            .Capture(db.ChangeTracker)
            .SelectMany(p => p.Changes.Keys.Select(k => $"{p.Entry.Metadata.ClrType.Name}.{k}"))
            .Order(StringComparer.Ordinal);
        var walked = RecordedFields()
            .Where(f => f.Type is "Enterprise" or "Factory")
            .Select(f => $"{f.Type}.{f.Field}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(walked, recorded);
        Assert.Contains("Enterprise.HeadOffice.Street", recorded);
        Assert.DoesNotContain(AuditedTypes(), t => t.ClrType.Name == "AuditEntry");
    }

    [Fact]
    public void Amounts_read_in_the_units_their_labels_name()
    {
        var lines = AuditText
            .Lines(
                """
                {"Rules.PassMarkHundredths":{"before":7000,"after":7550},
                 "Rules.CriteriaSetId":{"before":null,"after":3}}
                """,
                "CriteriaSet"
            )
            .ToList();
        Assert.Equal([new AuditText.Line("Điểm đạt", true, "70", "75,5", false)], lines);
        var money = AuditText
            .Lines(
                """
                {"RequestedVnd":{"before":null,"after":150000000},
                 "ApprovedVnd":{"before":null,"after":12345678901}}
                """,
                "SupportApplication"
            )
            .Select(l => (l.Field, l.After));
        Assert.Equal(
            [("Số tiền đề nghị (đồng)", "150.000.000"), ("Số tiền được duyệt (đồng)", "12.345.678.901")],
            money
        );
        var export = Assert.Single(
            AuditText.Lines("""{"ExportUsdCents":{"before":100050,"after":null}}""", "DossierFigure")
        );
        Assert.Equal(("Kim ngạch xuất khẩu (USD)", "1.000,50", "—"), (export.Field, export.Before, export.After));
    }

    private sealed class NoUser : ICurrentUser
    {
        public string? Id => null;
        public string Name => "test";
        public string? TraceId => null;
    }

    private static List<IEntityType> AuditedTypes()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        return
        [
            .. db
                .Model.GetEntityTypes()
                .Where(t => !t.IsOwned() && !t.ClrType.IsAbstract && AuditRecorder.IsAudited(t.ClrType)),
        ];
    }

    /// <summary>As <see cref="AuditRecorder.Capture"/> writes them: the entity's CLR type name; each property but
    /// Version; each property of an owned reference as "Navigation.Property".</summary>
    private static IEnumerable<(string Type, string Field)> RecordedFields()
    {
        foreach (var t in AuditedTypes())
        {
            var type = t.ClrType.Name;
            // As the recorder: not Version, nor a column the database generates (Enterprises.NotPending, decision
            // 0015).
            foreach (var p in t.GetProperties().Where(p => p.Name != "Version" && p.GetComputedColumnSql() is null))
                yield return (type, p.Name);
            foreach (var owned in t.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
            foreach (var p in owned.TargetEntityType.GetProperties())
                yield return (type, $"{owned.Name}.{p.Name}");
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
