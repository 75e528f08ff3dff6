using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rounds;

public sealed record RoundFields(
    int Year,
    string Title,
    int PhaseId,
    int CriteriaSetId,
    string Description,
    DateOnly RegistrationOpens,
    DateOnly SubmissionDeadline,
    DateOnly ScreeningDeadline,
    DateOnly? CouncilMeeting,
    DateOnly? CommentOpens,
    DateOnly? CommentCloses,
    string ContactName,
    string ContactEmail,
    string ContactPhone
);

/// <summary>An officer creates or edits a round, within <see cref="RoundRules"/>: date order, an active criteria set
/// that cannot change once a dossier was submitted, a published comment window that can only be extended.</summary>
public sealed class SaveRound(AppDbContext db)
{
    public async Task<Round> ExecuteAsync(int? id, int seenVersion, RoundFields f, CancellationToken ct = default)
    {
        if (!await db.Phases.AnyAsync(x => x.Id == f.PhaseId, ct))
            throw new DomainException("NoPhase", "Chọn giai đoạn của đợt xét chọn.");
        var set = await db
            .CriteriaSets.AsNoTracking()
            .Where(x => x.Id == f.CriteriaSetId)
            .Select(x => new { x.Status })
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException("NoCriteriaSet", "Chọn bộ tiêu chí của đợt xét chọn.");
        var schedule = new RoundSchedule(
            f.RegistrationOpens,
            f.SubmissionDeadline,
            f.ScreeningDeadline,
            f.CouncilMeeting,
            f.CommentOpens,
            f.CommentCloses
        );
        Round round;
        if (id is { } rid)
        {
            round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == rid, ct)
                ?? throw new DomainException("NoRound", "Không tìm thấy đợt xét chọn.");
            if (round.Version != seenVersion)
                throw new DomainException(
                    "Changed",
                    "Đợt xét chọn vừa được người khác thay đổi. Vui lòng tải lại trang."
                );
            db.Entry(round).Property(r => r.Version).OriginalValue = seenVersion;
            var before = new RoundSchedule(
                round.RegistrationOpens,
                round.SubmissionDeadline,
                round.ScreeningDeadline,
                round.CouncilMeeting,
                round.CommentOpens,
                round.CommentCloses
            );
            var published = await db.Councils.AnyAsync(c => c.RoundId == rid && c.PublishedAt != null, ct);
            RoundRules.CheckSchedule(schedule, before, published);
            RoundRules.CheckCriteriaSet(
                round.CriteriaSetId,
                f.CriteriaSetId,
                set.Status == CriteriaSetStatus.Active,
                await db.Dossiers.AnyAsync(d => d.RoundId == rid && d.Code != null, ct)
            );
        }
        else
        {
            RoundRules.CheckSchedule(schedule, null, false);
            RoundRules.CheckCriteriaSet(null, f.CriteriaSetId, set.Status == CriteriaSetStatus.Active, false);
            if (await db.Rounds.AnyAsync(r => r.Year == f.Year, ct))
                throw new DomainException("Duplicate", "Đã có đợt xét chọn của năm này.");
            round = new Round();
            db.Rounds.Add(round);
        }
        round.Year = f.Year;
        round.Title = f.Title.Trim();
        round.PhaseId = f.PhaseId;
        round.CriteriaSetId = f.CriteriaSetId;
        round.Description = f.Description.Trim();
        round.RegistrationOpens = f.RegistrationOpens;
        round.SubmissionDeadline = f.SubmissionDeadline;
        round.ScreeningDeadline = f.ScreeningDeadline;
        round.CouncilMeeting = f.CouncilMeeting;
        round.CommentOpens = f.CommentOpens;
        round.CommentCloses = f.CommentCloses;
        round.ContactName = f.ContactName.Trim();
        round.ContactEmail = f.ContactEmail.Trim();
        round.ContactPhone = f.ContactPhone.Trim();
        await db.SaveChangesAsync(ct);
        return round;
    }
}
