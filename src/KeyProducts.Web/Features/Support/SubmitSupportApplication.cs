using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>The enterprise submits its application (or resubmits it after the officer asked for changes).
/// A first submission needs the call to be open; documents are needed when the call asks for some.</summary>
public sealed class SubmitSupportApplication(AppDbContext db, TimeProvider time, SupportNotifier notifier)
{
    public async Task ExecuteAsync(SupportApplication a, int seenVersion, string userId, CancellationToken ct = default)
    {
        SupportVersion.Expect(db, a, seenVersion);
        var call = await db.SupportCalls.AsNoTracking().FirstAsync(c => c.Id == a.CallId, ct);
        var first = a.State == SupportState.Draft;
        if (first)
            call.EnsureOpen(VietnamTime.Today(time));
        if (call.DocumentList.Count > 0 && a.Documents.Count == 0)
            throw new DomainException("Documents", "Cần tải lên tài liệu mà đợt kêu gọi yêu cầu trước khi nộp.");
        if (string.IsNullOrWhiteSpace(a.Purpose))
            throw new DomainException("Purpose", "Cần nêu mục đích, nội dung đề nghị hỗ trợ.");
        a.Apply(first ? SupportState.Submitted : SupportState.Resubmitted, Actor.Enterprise, userId, time.GetUtcNow());
        await notifier.NotifyEnterpriseAsync(
            a,
            $"Đã nhận hồ sơ đề nghị hỗ trợ {a.Code}",
            $"Hồ sơ đề nghị hỗ trợ {a.Code} ({call.Title}) đã được nộp và đang chờ xem xét.",
            ct
        );
        await notifier.NotifyOfficersAsync(a, $"Hồ sơ đề nghị hỗ trợ {a.Code} chờ xem xét", ct);
        await db.SaveChangesAsync(ct);
    }
}
