using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>The officer accepts a submitted report (it then feeds the KPIs) or asks for a correction
/// (mailed).</summary>
public sealed class ReviewAnnualReport(AppDbContext db, MailOutbox mail, TimeProvider time)
{
    public async Task AcceptAsync(int id, int version, string officerId, CancellationToken ct)
    {
        var r = await LoadAsync(id, version, ct);
        r.Accept(officerId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task RequestCorrectionAsync(int id, int version, string officerId, string note, CancellationToken ct)
    {
        var r = await LoadAsync(id, version, ct);
        r.RequestCorrection(officerId, note, time.GetUtcNow());
        var e = await db
            .Enterprises.AsNoTracking()
            .Where(x => x.Id == r.EnterpriseId)
            .Select(x => new { x.NameVi, x.ContactEmail })
            .FirstAsync(ct);
        if (!string.IsNullOrWhiteSpace(e.ContactEmail))
            mail.Enqueue(
                e.ContactEmail,
                $"Yêu cầu bổ sung báo cáo năm {r.Year} — sản phẩm công nghiệp chủ lực Hà Nội",
                $"Kính gửi {e.NameVi},\n\nSở Công Thương đề nghị bổ sung, chỉnh sửa báo cáo năm "
                    + $"{r.Year}:\n{r.CorrectionNote}\n\n"
                    + "Vui lòng đăng nhập hệ thống, mục Báo cáo năm, để sửa và nộp lại."
            );
        await db.SaveChangesAsync(ct);
    }

    private async Task<AnnualReport> LoadAsync(int id, int version, CancellationToken ct)
    {
        var r = await db.AnnualReports.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("NoReport", "Không tìm thấy báo cáo.");
        db.Entry(r).Property(x => x.Version).OriginalValue = version;
        return r;
    }
}
