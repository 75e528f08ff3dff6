using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>The ceremony invites, in one go, every enterprise recognized in the given year, in the order of the
/// decision:
/// Top 10 first, then by average score. Enterprises already invited or registered are skipped. Returns how many were
/// invited.</summary>
public sealed class InviteHonourees(AppDbContext db, EventMail mail, TimeProvider time)
{
    public sealed record Awardee(
        int EnterpriseId,
        string Enterprise,
        string TaxCode,
        string Email,
        string Product,
        bool Top10,
        long? Score
    );

    public async Task<List<Awardee>> AwardeesAsync(int year, CancellationToken ct) => (
            await (
                from r in db.Recognitions.AsNoTracking()
                join p in db.Products on r.ProductId equals p.Id
                join e in db.Enterprises on r.EnterpriseId equals e.Id
                where r.Year == year && r.RevokedAt == null
                select new
                {
                    RecognitionId = r.Id,
                    EnterpriseId = e.Id,
                    Enterprise = e.NameVi,
                    e.TaxCode,
                    e.ContactEmail,
                    Product = p.Name,
                    r.Top10,
                    r.AverageScoreHundredths,
                }
            ).ToListAsync(ct)
        ).OrderByDescending(x => x.Top10).ThenByDescending(x => x.AverageScoreHundredths ?? 0).ThenBy(x => x.RecognitionId).Select(x => new Awardee(x.EnterpriseId, x.Enterprise, x.TaxCode, x.ContactEmail, x.Product, x.Top10, x.AverageScoreHundredths)).ToList();

    public async Task<int> ExecuteAsync(int eventId, int year, CancellationToken ct = default)
    {
        var e = await db.OutreachEvents.Include(x => x.Registrations).FirstOrDefaultAsync(x => x.Id == eventId, ct)
            ?? throw new DomainException("NoEvent", "Không tìm thấy sự kiện.");
        if (e.Kind != EventKind.HonouringCeremony)
            throw new DomainException("NotCeremony", "Chỉ lễ tôn vinh mới mời doanh nghiệp được công nhận.");
        var awardees = await AwardeesAsync(year, ct);
        if (awardees.Count == 0)
            throw new DomainException("NoAwardees", "Năm {0} chưa có doanh nghiệp được công nhận.", year);
        var now = time.GetUtcNow();
        var invited = 0;
        var order = 0;
        // One invitation per enterprise, at the place of its best-ranked product.
        foreach (var a in awardees.DistinctBy(a => a.EnterpriseId))
        {
            order++;
            var email = OutreachEvent.NormalizeEmail(a.Email);
            if (
                email.Length == 0
                || e.Registrations.Any(r => r.EnterpriseId == a.EnterpriseId || (r.IsActive && r.Email == email))
            )
                continue;
            var r = e.Invite(
                a.Enterprise,
                a.Enterprise,
                email,
                a.TaxCode,
                a.EnterpriseId,
                order,
                now,
                EventMail.NewToken()
            );
            mail.Invitation(e, r);
            invited++;
        }
        db.Entry(e).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return invited;
    }
}
