using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

public enum CellStatus
{
    NotStarted,
    Draft,
    Submitted,
    Reopened,
    Conflict,
}

public sealed record ProgressCell(CellStatus Status, int? SheetId, int Pass);

public sealed record ProgressDossier(
    int Id,
    string? Code,
    string Enterprise,
    string Product,
    DossierState State,
    int Pass,
    int Submitted,
    int Expected
);

/// <summary>A member of the council: <see cref="Pending"/> counts the dossiers in scoring (the whole round's, not the
/// page's) the member has yet to submit a sheet for, up to <see cref="DossierPaging.MaxExactTotal"/> + 1.</summary>
public sealed record ProgressMember(
    int Id,
    string Name,
    CouncilRole Role,
    string? UserId,
    int Assigned,
    int Pending,
    bool Overdue
)
{
    public bool PendingIsExact => Pending <= DossierPaging.MaxExactTotal;
}

/// <summary>The board, one page of the council's dossiers (a row each) against the members (a column each).</summary>
public sealed record ProgressBoard(
    SelectionCouncil Council,
    DateOnly? Deadline,
    IReadOnlyList<ProgressMember> Members,
    DossierPage<ProgressDossier> Page,
    int Total,
    IReadOnlyDictionary<(int MemberId, int DossierId), ProgressCell> Cells
)
{
    public IReadOnlyList<ProgressDossier> Dossiers => Page.Rows;
}

/// <summary>The secretary's board: who has scored what, and who is late. The council's dossiers 50 a page in code
/// order (decision 0016), their sheets and the members' conflicts for those 50 only; each member's "still to score"
/// from one grouped, capped count over the round. The same number of queries whatever the size.</summary>
public sealed class CouncilProgress(
    AppDbContext db,
    DossierPaging paging,
    ScoringPendingCache pendingCache,
    TimeProvider time
)
{
    public async Task<ProgressBoard?> BoardAsync(
        int roundId,
        CancellationToken ct,
        int page = 1,
        int? after = null,
        int? before = null
    )
    {
        var council = await db
            .Councils.AsNoTracking()
            .Include(c => c.Members)
            .FirstOrDefaultAsync(c => c.RoundId == roundId, ct);
        if (council is null)
            return null;
        var states = CouncilAccess.VisibleToCouncil.ToList();
        // The count of the council's dossiers (capped) and the audit generation the members' counts are cached by.
        var head = await db
            .Councils.AsNoTracking()
            .Where(c => c.Id == council.Id)
            .Select(c => new
            {
                Total = db
                    .Dossiers.Where(d => d.RoundId == roundId && states.Contains(d.State))
                    .Select(d => d.Id)
                    .Take(DossierPaging.MaxExactTotal + 1)
                    .Count(),
                Generation = db.AuditEntries.Max(a => (long?)a.Id) ?? 0,
            })
            .FirstAsync(ct);
        var dossiers = await paging.PageAsync(
            roundId,
            q => q.Where(d => states.Contains(d.State)),
            q =>
                q.Select(d => new
                {
                    d.Id,
                    d.Code,
                    d.EnterpriseId,
                    NameVi = db.Enterprises.Where(e => e.Id == d.EnterpriseId).Select(e => e.NameVi).FirstOrDefault(),
                    Name = db.Products.Where(p => p.Id == d.ProductId).Select(p => p.Name).FirstOrDefault(),
                    d.State,
                }),
            page,
            after,
            before,
            ct
        );
        // The sheets and conflicts of the page's dossiers only: one parameter (a list of at most 50 ids).
        var ids = dossiers.Rows.Select(d => d.Id).ToList();
        var enterpriseIds = dossiers.Rows.Select(d => d.EnterpriseId).Distinct().ToList();
        var sheets = await db
            .ScoreSheets.AsNoTracking()
            .Where(s => ids.Contains(s.DossierId))
            .Select(s => new
            {
                s.Id,
                s.MemberId,
                s.DossierId,
                s.Pass,
                s.Status,
            })
            .ToListAsync(ct);
        var memberIds = council.Members.Select(m => m.Id).ToList();
        var conflicts = (
            await db
                .Conflicts.AsNoTracking()
                .Where(c => memberIds.Contains(c.MemberId) && enterpriseIds.Contains(c.EnterpriseId))
                .Select(c => new { c.MemberId, c.EnterpriseId })
                .ToListAsync(ct)
        )
            .Select(c => (c.MemberId, c.EnterpriseId))
            .ToHashSet();
        var assigned = await db
            .IndicatorAssignments.AsNoTracking()
            .Where(a => a.CouncilId == council.Id)
            .GroupBy(a => a.MemberId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (!pendingCache.TryGet(council.Id, head.Generation, out var pending))
        {
            pending = await PendingAsync(council.Id, roundId, ct);
            pendingCache.Set(council.Id, head.Generation, pending);
        }

        var passes = sheets.Select(s => (s.DossierId, s.Pass)).ToList();
        var cells = new Dictionary<(int, int), ProgressCell>();
        var scorers = council.Members.Where(m => assigned.GetValueOrDefault(m.Id) > 0).ToList();
        foreach (var m in council.Members)
        foreach (var d in dossiers.Rows)
        {
            var pass = CouncilQueries.PassOf(passes, d.Id);
            if (conflicts.Contains((m.Id, d.EnterpriseId)))
            {
                cells[(m.Id, d.Id)] = new ProgressCell(CellStatus.Conflict, null, pass);
                continue;
            }
            if (assigned.GetValueOrDefault(m.Id) == 0)
                continue;
            var sheet = sheets.FirstOrDefault(s => s.MemberId == m.Id && s.DossierId == d.Id && s.Pass == pass);
            var status = sheet is null
                ? CellStatus.NotStarted
                : sheet.Status switch
                {
                    SheetStatus.Submitted => CellStatus.Submitted,
                    SheetStatus.Reopened => CellStatus.Reopened,
                    _ => CellStatus.Draft,
                };
            cells[(m.Id, d.Id)] = new ProgressCell(status, sheet?.Id, pass);
        }
        var rows = dossiers
            .Rows.Select(d => new ProgressDossier(
                d.Id,
                d.Code,
                d.NameVi ?? "",
                d.Name ?? "",
                d.State,
                CouncilQueries.PassOf(passes, d.Id),
                scorers.Count(m => cells.GetValueOrDefault((m.Id, d.Id))?.Status == CellStatus.Submitted),
                scorers.Count(m => !conflicts.Contains((m.Id, d.EnterpriseId)))
            ))
            .ToList();
        var late = council.ScoringDeadline is { } deadline && time.GetUtcNow() > VietnamTime.EndOfDayUtc(deadline);
        var members = council
            .Members.OrderBy(m => m.Role)
            .ThenBy(m => m.Id)
            .Select(m =>
            {
                var count = assigned.GetValueOrDefault(m.Id);
                var left = count == 0 ? 0 : pending.GetValueOrDefault(m.Id);
                return new ProgressMember(m.Id, m.FullName, m.Role, m.UserId, count, left, late && left > 0);
            })
            .ToList();
        var shown = new DossierPage<ProgressDossier>(rows, dossiers.Page, dossiers.IsFirst, dossiers.HasNext);
        return new ProgressBoard(council, council.ScoringDeadline, members, shown, head.Total, cells);
    }

    /// <summary>Per member, the round's dossiers in scoring without a conflict of interest and without the member's
    /// submitted sheet of the dossier's latest pass: one query, each count stopping at 1,001. Stopping bounds the work
    /// only while pending dossiers are plentiful: for a member who has submitted nearly all, it reads every dossier in
    /// scoring (1.5 s at 50,000), hence the cache by audit generation.</summary>
    private async Task<IReadOnlyDictionary<int, int>> PendingAsync(int councilId, int roundId, CancellationToken ct) =>
        await db
            .CouncilMembers.AsNoTracking()
            .Where(m => m.CouncilId == councilId)
            .Select(m => new
            {
                m.Id,
                Pending = db
                    .Dossiers.Where(d =>
                        d.RoundId == roundId
                        && d.State == DossierState.Scoring
                        && !db.Conflicts.Any(c => c.MemberId == m.Id && c.EnterpriseId == d.EnterpriseId)
                        && !db.ScoreSheets.Any(s =>
                            s.MemberId == m.Id
                            && s.DossierId == d.Id
                            && s.Status == SheetStatus.Submitted
                            && !db.ScoreSheets.Any(x => x.DossierId == d.Id && x.Pass > s.Pass)
                        )
                    )
                    .Select(d => d.Id)
                    .Take(DossierPaging.MaxExactTotal + 1)
                    .Count(),
            })
            .ToDictionaryAsync(m => m.Id, m => m.Pending, ct);

    /// <summary>Whether the sheet is one the board shows: of the latest pass of a dossier of the round that is before
    /// the council (on any of its pages).</summary>
    public Task<bool> IsOnBoardAsync(int roundId, int sheetId, CancellationToken ct)
    {
        var states = CouncilAccess.VisibleToCouncil.ToList();
        return db.ScoreSheets.AnyAsync(
            s =>
                s.Id == sheetId
                && db.Dossiers.Any(d => d.Id == s.DossierId && d.RoundId == roundId && states.Contains(d.State))
                && db.CouncilMembers.Any(m =>
                    m.Id == s.MemberId && db.Councils.Any(c => c.Id == m.CouncilId && c.RoundId == roundId)
                )
                && !db.ScoreSheets.Any(x => x.DossierId == s.DossierId && x.Pass > s.Pass),
            ct
        );
    }
}
