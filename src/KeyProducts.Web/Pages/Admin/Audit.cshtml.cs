using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin;

/// <summary>The audit log: filters by date range, user, kind of record, record id and action; 50 rows a page, newest
/// first. Keyset pages by id like the certificates (decisions 0012, 0015, 0017): "next" carries <c>after=</c> the last
/// id of the page, "previous" <c>before=</c> its first id; the count stops at 1,000 and the kinds of record come from
/// <see cref="AuditText"/>, so no request reads the whole log.</summary>
public class AuditModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The count is exact up to this many matches; past it the page says "more than 1,000".</summary>
    public const int MaxExactTotal = 1000;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Keyset cursor: the id of the last row of the previous page ("next") …</summary>
    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    /// <summary>… or of the first row of the next page ("previous").</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public bool IsFirstPage { get; private set; } = true;
    public bool HasNext { get; private set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The kinds of record the filter offers: every audited kind (the labels of <see cref="AuditText"/>),
    /// plus the one asked for if it has none.</summary>
    public IReadOnlyList<string> Types { get; private set; } = [];

    /// <summary>Names of the records the rows are about and refer to.</summary>
    public AuditNames Names { get; private set; } = null!;

    /// <summary>Exact up to <see cref="MaxExactTotal"/>; past it <see cref="TotalIsExact"/> is false.</summary>
    public int Total { get; private set; }

    public bool TotalIsExact => Total <= MaxExactTotal;

    public static readonly IReadOnlyList<string> Actions = ["Added", "Modified", "Deleted"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        var type = Type?.Trim();
        if (!string.IsNullOrEmpty(type))
            q = q.Where(a => a.EntityType == type);
        if (!string.IsNullOrWhiteSpace(Id))
            q = q.Where(a => a.EntityId == Id.Trim());
        if (!string.IsNullOrWhiteSpace(Who) && Who.Trim() is { Length: <= 200 } who)
            q = q.Where(a => a.UserName.Contains(who));
        if (Action is { } act && Actions.Contains(act))
            q = q.Where(a => a.Action == act);
        if (From is { } from)
        {
            var f = VietnamTime.StartOfDayUtc(from);
            q = q.Where(a => a.At >= f);
        }
        if (To is { } to)
        {
            var t = VietnamTime.EndOfDayUtc(to);
            q = q.Where(a => a.At <= t);
        }
        Types = [.. AuditText.EntityTypes.Concat(string.IsNullOrEmpty(type) ? [] : [type]).Distinct()];
        Total = await q.Select(a => a.Id).Take(MaxExactTotal + 1).CountAsync(ct);
        Entries = await PageAsync(q, ct);
        Names = await AuditNames.LoadAsync(db, Entries.Select(a => (a.EntityType, a.EntityId, a.Changes)), ct);
    }

    /// <summary>One page newest first: after or before a cursor, or the first. No offset, so a page 1,000 deep reads
    /// what the first does; one row more than the page tells whether another page follows.</summary>
    private async Task<IReadOnlyList<AuditEntry>> PageAsync(IQueryable<AuditEntry> q, CancellationToken ct)
    {
        if (Before is { } before)
        {
            var earlier = await q.Where(a => a.Id > before).OrderBy(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
            if (earlier.Count > PageSize)
            {
                IsFirstPage = false;
                var page = earlier.Take(PageSize).Reverse().ToList();
                var last = page[^1].Id;
                HasNext = await q.AnyAsync(a => a.Id < last, ct);
                return page;
            }
            After = null; // back at the start: the first page, whole
        }
        if (After is { } after)
        {
            IsFirstPage = false;
            q = q.Where(a => a.Id < after);
        }
        var rows = await q.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        return [.. rows.Take(PageSize)];
    }

    /// <summary>The log's address with the filters kept and a cursor: "after" or "before" an id, or none (the first
    /// page).</summary>
    public string PageUrl(string? cursor = null, long id = 0) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Admin/Audit",
            new Dictionary<string, string?>
            {
                ["type"] = Type,
                ["id"] = Id,
                ["user"] = Who,
                ["action"] = Action,
                ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                [cursor ?? "after"] = cursor is null
                    ? null
                    : id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );
}
