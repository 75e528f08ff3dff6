using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
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
    int Pass
);

public sealed record ProgressMember(
    int Id,
    string Name,
    CouncilRole Role,
    string? UserId,
    int Assigned,
    int Pending,
    bool Overdue
);

public sealed record ProgressBoard(
    SelectionCouncil Council,
    DateOnly? Deadline,
    IReadOnlyList<ProgressMember> Members,
    IReadOnlyList<ProgressDossier> Dossiers,
    IReadOnlyDictionary<(int MemberId, int DossierId), ProgressCell> Cells
);

/// <summary>The secretary's board: who has scored what, and who is late. Five queries whatever the size.</summary>
public sealed class CouncilProgress(AppDbContext db, TimeProvider time)
{
    public async Task<ProgressBoard?> BoardAsync(int roundId, CancellationToken ct)
    {
        var council = await db
            .Councils.AsNoTracking()
            .Include(c => c.Members)
            .FirstOrDefaultAsync(c => c.RoundId == roundId, ct);
        if (council is null)
            return null;
        var states = CouncilAccess.VisibleToCouncil.ToList();
        var dossiers = await (
            from d in db.Dossiers.AsNoTracking()
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            where d.RoundId == roundId && states.Contains(d.State)
            orderby d.Code
            select new
            {
                d.Id,
                d.Code,
                d.EnterpriseId,
                e.NameVi,
                p.Name,
                d.State,
            }
        ).ToListAsync(ct);
        // The sheets of the same dossiers by a join, not by a list of their ids: one SQL parameter per id failed on
        // SQLite past 32,766 dossiers ("too many SQL variables", bench/lists.sh with 50,000 on the board).
        var sheets = await db
            .ScoreSheets.AsNoTracking()
            .Where(s => db.Dossiers.Any(d => d.Id == s.DossierId && d.RoundId == roundId && states.Contains(d.State)))
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
                .Where(c => memberIds.Contains(c.MemberId))
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

        var passes = sheets.Select(s => (s.DossierId, s.Pass)).ToList();
        var cells = new Dictionary<(int, int), ProgressCell>();
        var rows = dossiers
            .Select(d => new ProgressDossier(
                d.Id,
                d.Code,
                d.NameVi,
                d.Name,
                d.State,
                CouncilQueries.PassOf(passes, d.Id)
            ))
            .ToList();
        var late = council.ScoringDeadline is { } deadline && time.GetUtcNow() > VietnamTime.EndOfDayUtc(deadline);
        var members = new List<ProgressMember>();
        foreach (var m in council.Members.OrderBy(m => m.Role).ThenBy(m => m.Id))
        {
            var count = assigned.GetValueOrDefault(m.Id);
            var pending = 0;
            foreach (var d in dossiers)
            {
                var pass = CouncilQueries.PassOf(passes, d.Id);
                if (conflicts.Contains((m.Id, d.EnterpriseId)))
                {
                    cells[(m.Id, d.Id)] = new ProgressCell(CellStatus.Conflict, null, pass);
                    continue;
                }
                if (count == 0)
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
                if (status != CellStatus.Submitted && d.State == DossierState.Scoring)
                    pending++;
                cells[(m.Id, d.Id)] = new ProgressCell(status, sheet?.Id, pass);
            }
            members.Add(new ProgressMember(m.Id, m.FullName, m.Role, m.UserId, count, pending, late && pending > 0));
        }
        return new ProgressBoard(council, council.ScoringDeadline, members, rows, cells);
    }
}
