using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Support;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Support;

/// <summary>Builders of support programs and applications straight in the database.</summary>
internal static class SupportArrange
{
    public const string Enterprise1 = "doanhnghiep@spcncl.demo.vn";
    public const string Enterprise2 = "doanhnghiep2@spcncl.demo.vn";
    public const string Officer = "canbo@spcncl.demo.vn";
    public const string Admin = "quantri@spcncl.demo.vn";

    /// <summary>A program of its own (so tests do not share a budget) with an open, published call this year.</summary>
    public static Task<(int ProgramId, int CallId, int Year)> ProgramAsync(
        AppFactory app,
        long budgetVnd,
        int rateBp = 10000,
        long? capPerEnterpriseYear = null,
        long? capPerItem = null
    ) =>
        app.WithDbAsync(async db =>
        {
            var today = VietnamTime.Today(app.Clock);
            var p = new SupportProgram
            {
                Code = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                Name = "Chương trình thử nghiệm",
                ManagingUnit = "Sở Công Thương Hà Nội",
                StartYear = today.Year - 1,
                EndYear = today.Year + 1,
                YearlyBudgetVnd = budgetVnd,
                CoFundingRateBasisPoints = rateBp,
                CapPerEnterprisePerYearVnd = capPerEnterpriseYear,
                CapPerItemVnd = capPerItem,
                ItemUnit = capPerItem is null ? "hạng mục" : "học viên",
            };
            db.SupportPrograms.Add(p);
            await db.SaveChangesAsync();
            var call = new SupportCall
            {
                ProgramId = p.Id,
                Year = today.Year,
                Title = "Đợt thử nghiệm " + p.Code,
                OpensOn = today.AddDays(-5),
                ClosesOn = today.AddDays(30),
                DocumentsAsked = "Đơn đề nghị hỗ trợ",
                Published = true,
                PublishedAt = app.Clock.GetUtcNow(),
            };
            db.SupportCalls.Add(call);
            db.SupportBudgets.Add(
                new SupportBudget
                {
                    ProgramId = p.Id,
                    Year = today.Year,
                    AllocatedVnd = budgetVnd,
                }
            );
            await db.SaveChangesAsync();
            return (p.Id, call.Id, today.Year);
        });

    /// <summary>A submitted application of the enterprise to the call, with one item per cost.</summary>
    public static Task<int> SubmittedAsync(AppFactory app, int callId, int enterpriseId, params long[] costs) =>
        app.WithDbAsync(async db =>
        {
            var call = await db.SupportCalls.FirstAsync(c => c.Id == callId);
            var a = new SupportApplication
            {
                CallId = call.Id,
                ProgramId = call.ProgramId,
                Year = call.Year,
                EnterpriseId = enterpriseId,
                Purpose = "Thử nghiệm",
                Code = "HT-T-" + Guid.NewGuid().ToString("N")[..10],
                CreatedAt = app.Clock.GetUtcNow(),
            };
            a.SetItems(costs.Select((c, i) => ($"Hạng mục {i + 1}", c, 1)));
            a.Apply(SupportState.Submitted, Actor.Enterprise, "test", app.Clock.GetUtcNow());
            db.SupportApplications.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    public static Task<List<int>> VerifiedEnterprisesAsync(AppFactory app, int count) =>
        app.WithDbAsync(db =>
            db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified)
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .Take(count)
                .ToListAsync()
        );

    public static Task<int> EnterpriseOfAsync(AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EnterpriseId!.Value).FirstAsync());

    public static Task<SupportBudget> BudgetAsync(AppFactory app, int programId, int year) =>
        app.WithDbAsync(db =>
            db.SupportBudgets.AsNoTracking().FirstAsync(b => b.ProgramId == programId && b.Year == year)
        );

    public static Task<SupportApplication> ApplicationAsync(AppFactory app, int id) =>
        app.WithDbAsync(db =>
            db.SupportApplications.AsNoTracking()
                .Include(a => a.Items)
                .Include(a => a.Tranches)
                .Include(a => a.Documents)
                .FirstAsync(a => a.Id == id)
        );
}
