using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Reference;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KeyProducts.Web.Infrastructure.Audit;

/// <summary>The names of the records that one page of audit rows refers to (the enterprise, product, round, dossier
/// code, criteria set, council, user, …), so the rows read "Doanh nghiệp: Công ty A" rather than "EnterpriseId: 42".
/// Loaded in one SQL query whatever the rows (a UNION of one lookup by id per kind of record), so a page of 50 rows
/// costs what a page of 1 does. Which kind of record a field refers to comes from the EF model: its foreign key, else
/// the foreign key of a field of the same name elsewhere in the model (DossierHistory.UserId as CouncilMember.UserId),
/// else a few fields that keep a user's id without a foreign key.</summary>
public sealed class AuditNames
{
    /// <summary>Shown for the id of a record that no longer exists (a localizer key, "{0}" the id).</summary>
    public const string GoneLabel = "#{0} (đã xóa)";

    private const string User = nameof(ApplicationUser);

    /// <summary>Fields that hold a user's id (or another record's) without a foreign key in the model.</summary>
    private static readonly Dictionary<string, string> Unmodelled = new(StringComparer.Ordinal)
    {
        ["UploadedBy"] = User,
        ["RecordedBy"] = User,
        ["RequestedBy"] = User,
        ["GrantedBy"] = User,
        ["ReviewerId"] = User,
        ["ByUserId"] = User,
        ["CopiedFromId"] = nameof(CriteriaSet),
        ["SupersededById"] = nameof(Certificate),
    };

    private static readonly ConditionalWeakTable<IModel, Dictionary<string, string>> ReferencesByModel = [];

    private readonly Dictionary<string, string> references;
    private readonly Dictionary<string, string> names;

    private AuditNames(Dictionary<string, string> references, Dictionary<string, string> names)
    {
        this.references = references;
        this.names = names;
    }

    /// <summary>The kind of record a field of an audited record refers to, among the kinds this class names; null for
    /// any other field.</summary>
    public string? ReferenceOf(string entityType, string field) =>
        references.GetValueOrDefault($"{entityType}.{field}");

    /// <summary>The name of a record of a named kind: (name, false) when it exists, (its id, true) when it no longer
    /// does (an id kept by a record deleted since), null for a kind without names or a user not found (some rows keep
    /// "seed" or "system" where a user's id goes).</summary>
    public (string Text, bool Gone)? Find(string type, string key)
    {
        if (names.TryGetValue($"{type}:{key}", out var name))
            return (name.Length > 0 ? name : "#" + key, false);
        return type == User || !Sources.ContainsKey(type) ? null : (key, true);
    }

    /// <summary>Names of the records the rows' changes refer to, and of the rows' own records. One query.</summary>
    public static async Task<AuditNames> LoadAsync(
        AppDbContext db,
        IEnumerable<(string EntityType, string EntityId, string Changes)> rows,
        CancellationToken ct
    )
    {
        var references = ReferencesByModel.GetValue(db.Model, Build);
        var ids = Sources.Keys.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (type, id, changes) in rows)
        {
            if (ids.TryGetValue(type, out var own) && id.Length > 0)
                own.Add(id);
            Collect(changes, type, references, ids);
        }
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        IQueryable<NameRow>? query = null;
        foreach (var (type, source) in Sources)
        {
            var keys = ids[type];
            var ints = keys.Select(k => int.TryParse(k, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
                .OfType<int>()
                .ToList();
            var part = source(db, ints, [.. keys], english);
            query = query is null ? part : query.Concat(part);
        }
        var found = await query!.AsNoTracking().ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in found)
            names.TryAdd(row.Key, row.Name);
        return new AuditNames(references, names);
    }

    private static void Collect(
        string changes,
        string entityType,
        Dictionary<string, string> references,
        Dictionary<string, HashSet<string>> ids
    )
    {
        try
        {
            using var doc = JsonDocument.Parse(changes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (
                    p.Value.ValueKind != JsonValueKind.Object
                    || !references.TryGetValue($"{entityType}.{p.Name}", out var target)
                )
                    continue;
                foreach (var side in new[] { "before", "after" })
                    if (
                        p.Value.TryGetProperty(side, out var v)
                        && v.ValueKind is JsonValueKind.Number or JsonValueKind.String
                        && v.ToString() is { Length: > 0 and <= 100 } key
                    )
                        ids[target].Add(key);
            }
        }
        catch (JsonException)
        {
            // A row that is not JSON shows no changes (the page skips it too).
        }
    }

    /// <summary>"Type.Field" (as the recorder names fields, "Owned.Property" for an owned reference) → the kind of
    /// record it refers to, for the kinds in <see cref="Sources"/>.</summary>
    private static Dictionary<string, string> Build(IModel model)
    {
        var audited = model
            .GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.ClrType.IsAbstract && AuditRecorder.IsAudited(t.ClrType))
            .ToList();
        var fields = new List<(string Type, string Field, IProperty Property)>();
        foreach (var t in audited)
        {
            fields.AddRange(t.GetProperties().Select(p => (t.ClrType.Name, p.Name, p)));
            foreach (var owned in t.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
                fields.AddRange(
                    owned.TargetEntityType.GetProperties().Select(p => (t.ClrType.Name, $"{owned.Name}.{p.Name}", p))
                );
        }
        static string? Principal(IProperty p) =>
            p.GetContainingForeignKeys()
                .Select(f => f.PrincipalEntityType)
                .Where(t => !t.IsOwned())
                .Select(t => t.ClrType.Name)
                .FirstOrDefault();
        // A field name that is a foreign key to one kind of record wherever it is one.
        var byName = fields
            .Select(f => (f.Property.Name, Target: Principal(f.Property)))
            .Where(f => f.Target is not null)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Where(g => g.Select(f => f.Target).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Target!, StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, field, p) in fields)
        {
            var target = Principal(p) ?? byName.GetValueOrDefault(p.Name) ?? Unmodelled.GetValueOrDefault(p.Name);
            if (target is not null && Sources.ContainsKey(target))
                map[$"{type}.{field}"] = target;
        }
        return map;
    }

    private sealed class NameRow
    {
        public string Key { get; set; } = "";
        public string Name { get; set; } = "";
    }

    private delegate IQueryable<NameRow> Source(AppDbContext db, List<int> ids, List<string> keys, bool english);

    /// <summary>How each kind of record is named, by its id (as text, prefixed by the kind so the one UNION tells
    /// kinds apart).</summary>
    private static readonly Dictionary<string, Source> Sources = new(StringComparer.Ordinal)
    {
        [nameof(Enterprise)] = (db, ids, _, _) =>
            db.Set<Enterprise>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Enterprise:" + x.Id.ToString(), Name = x.NameVi }),
        [nameof(Product)] = (db, ids, _, _) =>
            db.Set<Product>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Product:" + x.Id.ToString(), Name = x.Name }),
        [nameof(Dossier)] = (db, ids, _, _) =>
            db.Set<Dossier>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Dossier:" + x.Id.ToString(), Name = x.Code ?? "" }),
        [nameof(Round)] = (db, ids, _, _) =>
            db.Set<Round>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Round:" + x.Id.ToString(), Name = x.Title }),
        [nameof(CriteriaSet)] = (db, ids, _, _) =>
            db.Set<CriteriaSet>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "CriteriaSet:" + x.Id.ToString(), Name = x.Name }),
        [nameof(SelectionCouncil)] = (db, ids, _, _) =>
            db.Set<SelectionCouncil>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "SelectionCouncil:" + x.Id.ToString(), Name = x.DecisionNumber }),
        [nameof(CouncilMember)] = (db, ids, _, _) =>
            db.Set<CouncilMember>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "CouncilMember:" + x.Id.ToString(), Name = x.FullName }),
        [User] = (db, _, keys, _) =>
            db.Set<ApplicationUser>()
                .Where(x => keys.Contains(x.Id))
                .Select(x => new NameRow { Key = "ApplicationUser:" + x.Id, Name = x.DisplayName }),
        [nameof(Sector)] = (db, ids, _, english) =>
            db.Set<Sector>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow
                {
                    Key = "Sector:" + x.Id.ToString(),
                    Name = english && x.NameEn != "" ? x.NameEn : x.NameVi,
                }),
        [nameof(Agency)] = (db, ids, _, _) =>
            db.Set<Agency>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Agency:" + x.Id.ToString(), Name = x.Name }),
        [nameof(Phase)] = (db, ids, _, _) =>
            db.Set<Phase>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Phase:" + x.Id.ToString(), Name = x.Name }),
        [nameof(EligibilityTrack)] = (db, ids, _, _) =>
            db.Set<EligibilityTrack>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "EligibilityTrack:" + x.Id.ToString(), Name = x.Name }),
        [nameof(CriteriaGroup)] = (db, ids, _, _) =>
            db.Set<CriteriaGroup>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "CriteriaGroup:" + x.Id.ToString(), Name = x.Code + " " + x.Name }),
        [nameof(Indicator)] = (db, ids, _, _) =>
            db.Set<Indicator>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Indicator:" + x.Id.ToString(), Name = x.Code + " " + x.Name }),
        [nameof(ChecklistItem)] = (db, ids, _, _) =>
            db.Set<ChecklistItem>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "ChecklistItem:" + x.Id.ToString(), Name = x.Name }),
        [nameof(RecognitionDecision)] = (db, ids, _, _) =>
            db.Set<RecognitionDecision>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "RecognitionDecision:" + x.Id.ToString(), Name = x.Number }),
        [nameof(Certificate)] = (db, ids, _, _) =>
            db.Set<Certificate>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "Certificate:" + x.Id.ToString(), Name = x.Serial }),
        [nameof(SupportProgram)] = (db, ids, _, _) =>
            db.Set<SupportProgram>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "SupportProgram:" + x.Id.ToString(), Name = x.Name }),
        [nameof(SupportCall)] = (db, ids, _, _) =>
            db.Set<SupportCall>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "SupportCall:" + x.Id.ToString(), Name = x.Title }),
        [nameof(SupportApplication)] = (db, ids, _, _) =>
            db.Set<SupportApplication>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "SupportApplication:" + x.Id.ToString(), Name = x.Code }),
        [nameof(OutreachEvent)] = (db, ids, _, _) =>
            db.Set<OutreachEvent>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "OutreachEvent:" + x.Id.ToString(), Name = x.Title }),
        [nameof(OutreachPlace)] = (db, ids, _, _) =>
            db.Set<OutreachPlace>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "OutreachPlace:" + x.Id.ToString(), Name = x.Name }),
        [nameof(MobilizationTarget)] = (db, ids, _, _) =>
            db.Set<MobilizationTarget>()
                .Where(x => ids.Contains(x.Id))
                .Select(x => new NameRow { Key = "MobilizationTarget:" + x.Id.ToString(), Name = x.Name }),
    };
}
