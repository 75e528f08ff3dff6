using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>A verified enterprise opens a draft application to an open call. One application per call and
/// enterprise: asking again returns the one it already has.</summary>
public sealed class StartSupportApplication(AppDbContext db, TimeProvider time)
{
    public async Task<SupportApplication> ExecuteAsync(DossierViewer viewer, int callId, CancellationToken ct = default)
    {
        if (viewer.EnterpriseId is not { } enterpriseId)
            throw new DomainException("NoEnterprise", "Tài khoản chưa gắn với doanh nghiệp nào.");
        var status = await db
            .Enterprises.Where(e => e.Id == enterpriseId)
            .Select(e => (EnterpriseStatus?)e.Status)
            .FirstOrDefaultAsync(ct);
        if (status != EnterpriseStatus.Verified)
            throw new DomainException("NotVerified", "Doanh nghiệp cần được xác minh trước khi đề nghị hỗ trợ.");
        var call = await db.SupportCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new DomainException("NoCall", "Không tìm thấy đợt kêu gọi.");
        var program = await db.SupportPrograms.AsNoTracking().FirstAsync(p => p.Id == call.ProgramId, ct);
        var today = VietnamTime.Today(time);
        call.EnsureOpen(today);
        if (!program.Active)
            throw new DomainException("Inactive", "Chương trình không còn hoạt động.");
        if (program.RecognizedOnly && !await SupportRecognitions.HasValidAsync(db, enterpriseId, today, ct))
            throw new DomainException(
                "RecognizedOnly",
                "Chương trình chỉ dành cho doanh nghiệp có sản phẩm công nghiệp chủ lực còn hiệu lực."
            );
        var existing = await db.SupportApplications.FirstOrDefaultAsync(
            a => a.CallId == callId && a.EnterpriseId == enterpriseId && a.State != SupportState.Rejected,
            ct
        );
        if (existing is not null)
            return existing;

        var now = time.GetUtcNow();
        var application = new SupportApplication
        {
            CallId = call.Id,
            ProgramId = call.ProgramId,
            Year = call.Year,
            EnterpriseId = enterpriseId,
            CreatedAt = now,
            Code = "tmp-" + Guid.NewGuid().ToString("N"),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupportApplications.Add(application);
        await db.SaveChangesAsync(ct);
        application.Code = $"HT-{call.Year}-{application.Id:00000}";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return application;
    }
}

public static class SupportRecognitions
{
    /// <summary>The enterprise holds at least one SPCNCL recognition valid today.</summary>
    public static Task<bool> HasValidAsync(AppDbContext db, int enterpriseId, DateOnly today, CancellationToken ct) =>
        db.Recognitions.AnyAsync(
            r => r.EnterpriseId == enterpriseId && r.RevokedAt == null && r.ValidFrom <= today && r.ValidTo >= today,
            ct
        );

    /// <summary>Of the given products, those with a recognition valid today.</summary>
    public static async Task<HashSet<int>> RecognizedProductsAsync(
        AppDbContext db,
        IEnumerable<int> productIds,
        DateOnly today,
        CancellationToken ct
    )
    {
        var ids = productIds.ToList();
        return (
            await db
                .Recognitions.Where(r =>
                    ids.Contains(r.ProductId) && r.RevokedAt == null && r.ValidFrom <= today && r.ValidTo >= today
                )
                .Select(r => r.ProductId)
                .Distinct()
                .ToListAsync(ct)
        ).ToHashSet();
    }
}
