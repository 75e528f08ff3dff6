using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>Editing a set in the browser: every change loads the set through <see
/// cref="RulebookQueries.LoadEditableAsync"/>,
/// so a frozen set refuses all of them (400 with a message to copy it instead).</summary>
public sealed class EditCriteriaSet(AppDbContext db, RulebookQueries queries)
{
    public async Task<CriteriaSet> CreateAsync(string name, string legalBasis, CancellationToken ct)
    {
        var set = new CriteriaSet
        {
            Name = name.Trim(),
            LegalBasis = legalBasis.Trim(),
            VersionNumber = await queries.NextVersionAsync(name.Trim(), ct),
        };
        db.CriteriaSets.Add(set);
        await db.SaveChangesAsync(ct);
        return set;
    }

    /// <summary>Applies a change to an editable set and saves; returns false when the set does not exist.</summary>
    public async Task<bool> ChangeAsync(
        int setId,
        int? expectedVersion,
        Action<CriteriaSet> change,
        CancellationToken ct
    )
    {
        var set = await queries.LoadEditableAsync(setId, ct);
        if (set is null)
            return false;
        if (expectedVersion is { } v)
            db.Entry(set).Property(s => s.Version).OriginalValue = v;
        change(set);
        // A change below the set (an indicator, a band) must still bump the set's version and audit trail.
        db.Entry(set).Property(s => s.Notes).IsModified = true;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static CriteriaGroup? Group(CriteriaSet s, int? id) =>
        id is null ? null : s.Groups.FirstOrDefault(g => g.Id == id);

    public static Indicator? Indicator(CriteriaSet s, int? id) =>
        id is null ? null : s.Groups.SelectMany(g => g.Indicators).FirstOrDefault(i => i.Id == id);

    /// <summary>Bands as typed: one per line "Nhãn | điểm"; returns the 1-based bad line or 0.</summary>
    public static (List<ScoreBand> Bands, int BadLine) ParseBands(string? text, long maxHundredths)
    {
        var bands = new List<ScoreBand>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var cut = lines[i].LastIndexOf('|');
            if (cut <= 0 || !PointsText.TryParseHundredths(lines[i][(cut + 1)..], out var pts) || pts > maxHundredths)
                return (bands, i + 1);
            bands.Add(
                new ScoreBand
                {
                    Label = lines[i][..cut].Trim(),
                    PointsHundredths = pts,
                    SortOrder = bands.Count + 1,
                }
            );
        }
        return (bands, 0);
    }

    public static string FormatBands(IEnumerable<ScoreBand> bands) =>
        string.Join(
            '\n',
            bands.OrderBy(b => b.SortOrder).Select(b => $"{b.Label} | {PointsText.Format(b.PointsHundredths)}")
        );
}
