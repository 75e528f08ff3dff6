using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin;

/// <summary>The audit log: filters by date range, user, kind of record, record id and action; 50 rows a page, newest
/// first.</summary>
public class AuditModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

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

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];

    /// <summary>Names of the records the rows are about and refer to.</summary>
    public AuditNames Names { get; private set; } = null!;
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static readonly IReadOnlyList<string> Actions = ["Added", "Modified", "Deleted"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
            q = q.Where(a => a.EntityType == Type.Trim());
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
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Types = await db
            .AuditEntries.AsNoTracking()
            .Select(a => a.EntityType)
            .Distinct()
            .OrderBy(t => t)
            .ToListAsync(ct);
        Names = await AuditNames.LoadAsync(db, Entries.Select(a => (a.EntityType, a.EntityId, a.Changes)), ct);
    }

    /// <summary>The query string of this page with another page number.</summary>
    public string PageUrl(int page)
    {
        var q = new Dictionary<string, string?>
        {
            ["type"] = Type,
            ["id"] = Id,
            ["user"] = Who,
            ["action"] = Action,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Admin/Audit",
            q.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );
    }
}
