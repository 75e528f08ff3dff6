using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

public sealed record ScoreInput(int IndicatorId, long? PointsHundredths, string? Comment);

/// <summary>The sheet was saved elsewhere (another device or tab) since this copy was loaded: nothing is
/// overwritten.</summary>
public sealed class StaleSheetException()
    : DomainException(
        "StaleSheet",
        "Phiếu chấm vừa được lưu từ một thiết bị hoặc cửa sổ khác. Điểm của bạn chưa được lưu; hãy tải lại phiếu để "
            + "xem bản mới nhất rồi nhập lại."
    );

/// <summary>Saves a member's scores for one dossier as a draft, or submits them (which locks the sheet).
/// The caller passes the Version it loaded; a different stored Version means someone else saved in between.</summary>
public sealed class SaveScoreSheet(AppDbContext db, CouncilQueries queries, TimeProvider time)
{
    public async Task<ScoreSheet> ExecuteAsync(
        MemberDossier access,
        int expectedVersion,
        IReadOnlyList<ScoreInput> inputs,
        bool submit,
        CancellationToken ct
    )
    {
        if (!access.CanScore)
            throw new DomainException("NotScoring", "Hồ sơ không còn trong giai đoạn chấm điểm.");
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == access.RoundId, ct);
        var rulebook = await queries.RulebookAsync(round.CriteriaSetId, ct);
        var assigned = (await queries.AssignmentsAsync(access.CouncilId, ct)).GetValueOrDefault(access.MemberId) ?? [];
        var indicators = rulebook.Indicators.Where(i => assigned.Contains(i.Id)).ToDictionary(i => i.Id);

        var sheet = await CurrentSheetAsync(access, ct);
        if (sheet.Id != 0)
        {
            if (sheet.Version != expectedVersion)
                throw new StaleSheetException();
            db.Entry(sheet).Property(s => s.Version).OriginalValue = expectedVersion;
        }
        else if (expectedVersion != 0)
            throw new StaleSheetException();
        else
            sheet.Version = 1; // a stored sheet never has Version 0, which stands for "no sheet yet" in forms

        foreach (var input in inputs)
        {
            if (!indicators.TryGetValue(input.IndicatorId, out var indicator))
                throw new DomainException("NotAssigned", "Chỉ tiêu này không được phân công cho bạn.");
            if (input.PointsHundredths is { } points)
                sheet.Record(indicator, points, input.Comment);
            else
                sheet.Clear(indicator.Id);
        }
        var now = time.GetUtcNow();
        sheet.LastSavedAt = now;
        if (submit)
            sheet.Submit(now, indicators.Keys.ToList());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (sheet.Version <= 1)
        {
            // Two devices creating the member's first sheet at once: the unique index lets one win.
            throw new StaleSheetException();
        }
        return sheet;
    }

    /// <summary>The member's sheet in the dossier's current pass, or a new one (not yet added when Id is 0).</summary>
    public async Task<ScoreSheet> CurrentSheetAsync(MemberDossier access, CancellationToken ct)
    {
        var pass = await db
            .ScoreSheets.Where(s => s.DossierId == access.DossierId)
            .Select(s => (int?)s.Pass)
            .MaxAsync(ct)
            ?? 1;
        var sheet = await db
            .ScoreSheets.Include(s => s.Scores)
            .FirstOrDefaultAsync(
                s => s.DossierId == access.DossierId && s.MemberId == access.MemberId && s.Pass == pass,
                ct
            );
        if (sheet is not null)
            return sheet;
        sheet = new ScoreSheet
        {
            DossierId = access.DossierId,
            MemberId = access.MemberId,
            Pass = pass,
            Status = SheetStatus.Draft,
        };
        db.ScoreSheets.Add(sheet);
        return sheet;
    }
}
