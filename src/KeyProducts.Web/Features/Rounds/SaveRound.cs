using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rounds;

public sealed record RoundFields(int Year, string Title, int PhaseId, int CriteriaSetId, string Description,
    DateOnly RegistrationOpens, DateOnly SubmissionDeadline, DateOnly ScreeningDeadline, DateOnly? CouncilMeeting,
    DateOnly? CommentOpens, DateOnly? CommentCloses, string ContactName, string ContactEmail, string ContactPhone);

/// <summary>An officer creates or edits a round. The criteria set cannot change once a dossier has been submitted.</summary>
public sealed class SaveRound(AppDbContext db)
{
    public async Task<Round> ExecuteAsync(int? id, int seenVersion, RoundFields f, CancellationToken ct = default)
    {
        if (!await db.Phases.AnyAsync(x => x.Id == f.PhaseId, ct)) throw new DomainException("NoPhase", "Chọn giai đoạn của đợt xét chọn.");
        if (!await db.CriteriaSets.AnyAsync(x => x.Id == f.CriteriaSetId, ct)) throw new DomainException("NoCriteriaSet", "Chọn bộ tiêu chí của đợt xét chọn.");
        if (f.SubmissionDeadline < f.RegistrationOpens) throw new DomainException("Dates", "Hạn nộp hồ sơ phải sau ngày bắt đầu nhận hồ sơ.");
        if (f.ScreeningDeadline < f.SubmissionDeadline) throw new DomainException("Dates", "Hạn thẩm định phải sau hạn nộp hồ sơ.");
        if (f.CommentOpens is { } o && f.CommentCloses is { } c && c < o) throw new DomainException("Dates", "Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu.");
        Round round;
        if (id is { } rid)
        {
            round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == rid, ct) ?? throw new DomainException("NoRound", "Không tìm thấy đợt xét chọn.");
            if (round.Version != seenVersion) throw new DomainException("Changed", "Đợt xét chọn vừa được người khác thay đổi. Vui lòng tải lại trang.");
            db.Entry(round).Property(r => r.Version).OriginalValue = seenVersion;
            if (round.CriteriaSetId != f.CriteriaSetId && await db.Dossiers.AnyAsync(d => d.RoundId == rid && d.Code != null, ct))
                throw new DomainException("Frozen", "Đợt đã nhận hồ sơ: không thể đổi bộ tiêu chí.");
        }
        else
        {
            if (await db.Rounds.AnyAsync(r => r.Year == f.Year, ct)) throw new DomainException("Duplicate", "Đã có đợt xét chọn của năm này.");
            round = new Round { Status = RoundStatus.Draft };
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
