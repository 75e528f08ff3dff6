using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat;

/// <summary>The secretariat's desk: what is waiting for an officer, and where the current round stands.</summary>
public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Milestone(string Label, DateOnly Date, bool Passed);

    public int PendingEnterprises { get; private set; }
    public int AwaitingScreening { get; private set; }
    public int OverdueSupplements { get; private set; }
    public int QueuedMail { get; private set; }
    public Round? Current { get; private set; }
    public IReadOnlyList<(DossierState State, int Count)> ByState { get; private set; } = [];
    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];
    public int CurrentTotal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        PendingEnterprises = await db.Enterprises.CountAsync(e => e.Status == EnterpriseStatus.Pending, ct);
        var waiting = DossierStates.AwaitingScreening.ToList();
        AwaitingScreening = await db.Dossiers.CountAsync(d => waiting.Contains(d.State), ct);
        OverdueSupplements = await (
            from s in db.SupplementRequests
            join d in db.Dossiers on s.DossierId equals d.Id
            where s.AnsweredAt == null && s.Deadline < today && d.State == DossierState.NeedsSupplement
            select s.Id
        ).CountAsync(ct);
        QueuedMail = await db.Outbox.CountAsync(m => m.SentAt == null, ct);

        Current = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status != RoundStatus.Draft)
            .OrderByDescending(r => r.Year)
            .FirstOrDefaultAsync(ct);
        if (Current is null)
            return;
        var counts = await db
            .Dossiers.Where(d => d.RoundId == Current.Id)
            .GroupBy(d => d.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        ByState = [.. counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count))];
        CurrentTotal = counts.Sum(c => c.Count);
        var r = Current;
        var list = new List<Milestone>
        {
            new("Mở nhận hồ sơ", r.RegistrationOpens, r.RegistrationOpens <= today),
            new("Hạn nộp hồ sơ", r.SubmissionDeadline, r.SubmissionDeadline < today),
            new("Hạn thẩm định", r.ScreeningDeadline, r.ScreeningDeadline < today),
        };
        if (r.CouncilMeeting is { } m)
            list.Add(new("Họp Hội đồng", m, m < today));
        if (r.CommentOpens is { } o)
            list.Add(new("Bắt đầu lấy ý kiến", o, o <= today));
        if (r.CommentCloses is { } c)
            list.Add(new("Kết thúc lấy ý kiến", c, c < today));
        Milestones = [.. list.OrderBy(x => x.Date)];
    }
}
