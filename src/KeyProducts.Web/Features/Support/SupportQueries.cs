using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

public sealed record SupportFilter(
    int? ProgramId = null,
    int? Year = null,
    SupportState? State = null,
    bool PriorityOnly = false,
    int? EnterpriseId = null,
    string? Text = null
);

/// <summary>One row of the officer's list and of an enterprise's history.</summary>
public sealed record SupportRow(
    int Id,
    string Code,
    int EnterpriseId,
    string EnterpriseName,
    string TaxCode,
    int ProgramId,
    string ProgramCode,
    string ProgramName,
    bool ProgramGivesPriority,
    int Year,
    string CallTitle,
    SupportState State,
    bool Priority,
    long RequestedVnd,
    long? ApprovedVnd,
    long DisbursedVnd,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? SectorName,
    string? CommuneName
)
{
    /// <summary>Counts first in the ranking: recognized-product priority, when the program gives it.</summary>
    public bool RanksFirst => Priority && ProgramGivesPriority;
}

/// <summary>Commune names for the codes stored in addresses (a code may have several dated versions: the latest wins).
/// </summary>
public static class SupportUnits
{
    public static async Task<Dictionary<string, string>> NamesAsync(
        AppDbContext db,
        IEnumerable<string?> codes,
        CancellationToken ct
    )
    {
        var wanted = codes.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var units = await db
            .AdministrativeUnits.AsNoTracking()
            .Where(u => wanted.Contains(u.Code))
            .Select(u => new
            {
                u.Code,
                u.Name,
                u.ValidFrom,
            })
            .ToListAsync(ct);
        return units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.MaxBy(u => u.ValidFrom)!.Name);
    }

    public static string? Name(Dictionary<string, string> names, string? code) =>
        code is null ? null : names.GetValueOrDefault(code, code);
}

public sealed record SupportCallRow(
    int Id,
    int ProgramId,
    string ProgramCode,
    string ProgramName,
    string ManagingUnit,
    int Year,
    string Title,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    IReadOnlyList<string> Documents,
    bool Published,
    bool RecognizedOnly,
    bool SpcnclPriority,
    string Eligibility,
    int RateBasisPoints,
    long? CapPerEnterprisePerYearVnd,
    long? CapPerItemVnd,
    string ItemUnit
);

/// <summary>Read queries of the support capability: one SQL query per list, whatever its row count.</summary>
public sealed class SupportQueries(AppDbContext db, SupportAccess access)
{
    public async Task<IReadOnlyList<SupportRow>> ListAsync(
        DossierViewer viewer,
        SupportFilter f,
        CancellationToken ct = default
    )
    {
        var q = access.VisibleTo(viewer).AsNoTracking();
        if (f.ProgramId is { } p)
            q = q.Where(a => a.ProgramId == p);
        if (f.Year is { } y)
            q = q.Where(a => a.Year == y);
        if (f.State is { } s)
            q = q.Where(a => a.State == s);
        if (f.PriorityOnly)
            q = q.Where(a => a.Priority);
        if (f.EnterpriseId is { } e)
            q = q.Where(a => a.EnterpriseId == e);
        var rows =
            from a in q
            join en in db.Enterprises on a.EnterpriseId equals en.Id
            join pr in db.SupportPrograms on a.ProgramId equals pr.Id
            join c in db.SupportCalls on a.CallId equals c.Id
            join sec in db.Sectors on en.SectorId equals sec.Id into secs
            from sec in secs.DefaultIfEmpty()
            select new
            {
                a,
                en,
                pr,
                c,
                sec,
            };
        if (SearchText.Fold(f.Text) is { Length: > 0 } text)
        {
            text = text[..Math.Min(text.Length, SearchText.MaxQueryLength)];
            rows = rows.Where(x => x.en.SearchText.Contains(text) || x.a.Code.Contains(f.Text!.Trim()));
        }
        var list = await rows.Select(x => new SupportRow(
                x.a.Id,
                x.a.Code,
                x.en.Id,
                x.en.NameVi,
                x.en.TaxCode,
                x.pr.Id,
                x.pr.Code,
                x.pr.Name,
                x.pr.SpcnclPriority,
                x.a.Year,
                x.c.Title,
                x.a.State,
                x.a.Priority,
                x.a.RequestedVnd,
                x.a.ApprovedVnd,
                x.a.DisbursedVnd,
                x.a.SubmittedAt,
                x.a.DecidedAt,
                x.sec == null ? null : x.sec.NameVi,
                x.en.HeadOffice.CommuneCode
            ))
            .ToListAsync(ct);
        var names = await SupportUnits.NamesAsync(db, list.Select(r => r.CommuneName), ct);
        list = list.Select(r => r with { CommuneName = SupportUnits.Name(names, r.CommuneName) }).ToList();
        // Ranking for the officer: SPCNCL priority (where the program gives it) first, then the earliest submission.
        return SupportRanking
            .Rank(list.OrderByDescending(r => r.Year), r => r.RanksFirst, r => r.SubmittedAt)
            .OrderByDescending(r => r.Year)
            .ToList();
    }

    public async Task<IReadOnlyList<SupportCallRow>> PublishedCallsAsync(CancellationToken ct = default) =>
        (
            await (
                from c in db.SupportCalls.AsNoTracking()
                join p in db.SupportPrograms on c.ProgramId equals p.Id
                where c.Published && p.Active
                orderby c.ClosesOn descending
                select new { c, p }
            ).ToListAsync(ct)
        )
            .Select(x => new SupportCallRow(
                x.c.Id,
                x.p.Id,
                x.p.Code,
                x.p.Name,
                x.p.ManagingUnit,
                x.c.Year,
                x.c.Title,
                x.c.OpensOn,
                x.c.ClosesOn,
                x.c.DocumentList,
                x.c.Published,
                x.p.RecognizedOnly,
                x.p.SpcnclPriority,
                x.p.Eligibility,
                x.p.CoFundingRateBasisPoints,
                x.p.CapPerEnterprisePerYearVnd,
                x.p.CapPerItemVnd,
                x.p.ItemUnit
            ))
            .ToList();

    public async Task<IReadOnlyList<SupportCallRow>> OpenCallsAsync(DateOnly today, CancellationToken ct = default) =>
        (await PublishedCallsAsync(ct))
            .Where(c => c.OpensOn <= today && today <= c.ClosesOn)
            .OrderBy(c => c.ClosesOn)
            .ToList();
}
