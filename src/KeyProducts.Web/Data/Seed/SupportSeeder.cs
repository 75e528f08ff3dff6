using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>The city's support programs of section 5 of the domain reference, with their published limits where the
/// sources give them (SME support 2026–2030: 100% of consulting up to 300 million/enterprise/year; 70% of overseas
/// training up to 100 million/learner/year; 50% of start-up equipment or rent up to 50 million/year). Where a source
/// gives no rate or cap, the demo uses 100% without caps and the officer enters the real rule. Yearly budgets split a
/// period's total evenly; the split between the SME instruments is a demo assumption. Also: open calls this year, a
/// past call with supported enterprises (history and enterprise-times), and one application waiting for
/// review.</summary>
public sealed class SupportSeeder : IDemoSeeder
{
    public int Order => 70;

    private const string SmeBasis =
        "Nghị quyết của HĐND Thành phố về hỗ trợ doanh nghiệp nhỏ và vừa giai đoạn 2026–2030 "
        + "(thông qua ngày 09/07/2025); "
        + "tổng kinh phí 241,5 tỷ đồng, trong đó 192,5 tỷ đồng ngân sách Thành phố";

    private const string SmeEligibility =
        "Doanh nghiệp nhỏ và vừa trong lĩnh vực sản xuất, chế biến, chuyển đổi số, sáng tạo và công nghiệp chủ lực.";

    private static SupportProgram[] Programs() =>
        [
            new()
            {
                Code = "DNNVV-TV",
                Name = "Hỗ trợ tư vấn chuyên sâu cho doanh nghiệp nhỏ và vừa",
                ManagingUnit = "UBND Thành phố Hà Nội (đơn vị chủ trì theo quyết định giao nhiệm vụ)",
                LegalBasis = SmeBasis,
                StartYear = 2026,
                EndYear = 2030,
                YearlyBudgetVnd = 25 * Money.OneBillionVnd,
                CoFundingRateBasisPoints = 10000,
                CapPerEnterprisePerYearVnd = 300_000_000,
                ItemUnit = "hợp đồng tư vấn",
                Eligibility = SmeEligibility,
            },
            new()
            {
                Code = "DNNVV-DTNN",
                Name = "Hỗ trợ đào tạo ở nước ngoài cho doanh nghiệp nhỏ và vừa",
                ManagingUnit = "UBND Thành phố Hà Nội (đơn vị chủ trì theo quyết định giao nhiệm vụ)",
                LegalBasis = SmeBasis,
                StartYear = 2026,
                EndYear = 2030,
                YearlyBudgetVnd = 10 * Money.OneBillionVnd,
                CoFundingRateBasisPoints = 7000,
                CapPerItemVnd = 100_000_000,
                ItemUnit = "học viên",
                Eligibility = SmeEligibility,
            },
            new()
            {
                Code = "DNNVV-KN",
                Name = "Hỗ trợ trang thiết bị, thuê mặt bằng cho doanh nghiệp khởi nghiệp",
                ManagingUnit = "UBND Thành phố Hà Nội (đơn vị chủ trì theo quyết định giao nhiệm vụ)",
                LegalBasis = SmeBasis,
                StartYear = 2026,
                EndYear = 2030,
                YearlyBudgetVnd = 5 * Money.OneBillionVnd,
                CoFundingRateBasisPoints = 5000,
                CapPerEnterprisePerYearVnd = 50_000_000,
                ItemUnit = "hạng mục",
                Eligibility = SmeEligibility,
            },
            new()
            {
                Code = "XTTM-SPCNCL",
                Name = "Xúc tiến thương mại, đầu tư cho doanh nghiệp có sản phẩm công nghiệp chủ lực",
                ManagingUnit = "Sở Công Thương Hà Nội; Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội (HPA)",
                LegalBasis =
                    "Kế hoạch thực hiện Đề án phát triển sản phẩm công nghiệp chủ lực giai đoạn 2021–2025 "
                    + "(khoảng 200 tỷ đồng)",
                StartYear = 2021,
                EndYear = 2025,
                YearlyBudgetVnd = 40 * Money.OneBillionVnd,
                ItemUnit = "hạng mục",
                Eligibility = "Doanh nghiệp có sản phẩm được công nhận là sản phẩm công nghiệp chủ lực còn hiệu lực.",
                RecognizedOnly = true,
            },
            new()
            {
                Code = "TKNL",
                Name = "Sử dụng năng lượng tiết kiệm và hiệu quả",
                ManagingUnit = "Sở Công Thương Hà Nội",
                LegalBasis = "Kế hoạch 75/KH-UBND (2021); giai đoạn 2021–2025: 130 tỷ đồng",
                StartYear = 2021,
                EndYear = 2025,
                YearlyBudgetVnd = 26 * Money.OneBillionVnd,
                ItemUnit = "hạng mục",
                Eligibility =
                    "Cơ sở sản xuất công nghiệp trên địa bàn Thành phố, "
                    + "ưu tiên cơ sở sử dụng năng lượng trọng điểm.",
            },
            new()
            {
                Code = "KC-HN",
                Name = "Khuyến công thành phố Hà Nội",
                ManagingUnit = "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Hà Nội (Sở Công Thương)",
                LegalBasis =
                    "QĐ 4159/QĐ-UBND; NĐ 45/2012/NĐ-CP (sửa đổi bởi NĐ 235/2025/NĐ-CP); "
                    + "TT 28/2018/TT-BTC (sửa đổi bởi TT 64/2024/TT-BTC)",
                StartYear = 2021,
                EndYear = 2025,
                YearlyBudgetVnd = 0,
                ItemUnit = "hạng mục",
                Eligibility =
                    "Cơ sở công nghiệp nông thôn, làng nghề; "
                    + "mức hỗ trợ theo khung quốc gia, do cán bộ nhập khi có văn bản.",
            },
        ];

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (await db.SupportPrograms.AnyAsync(ct))
            return;
        var programs = Programs();
        db.SupportPrograms.AddRange(programs);
        await db.SaveChangesAsync(ct);
        var byCode = programs.ToDictionary(p => p.Code);
        var today = VietnamTime.Today(ctx.Time);
        var year = Math.Clamp(today.Year, 2026, 2030);
        const string asked =
            "Đơn đề nghị hỗ trợ\nHợp đồng hoặc báo giá của các hạng mục\n" + "Giấy chứng nhận đăng ký doanh nghiệp";

        var consulting = AddCall(
            db,
            byCode["DNNVV-TV"],
            year,
            $"Kêu gọi hỗ trợ tư vấn chuyên sâu năm {year}",
            today.AddDays(-20),
            today.AddDays(40),
            asked,
            ctx.Time
        );
        AddCall(
            db,
            byCode["DNNVV-DTNN"],
            year,
            $"Kêu gọi hỗ trợ đào tạo ở nước ngoài năm {year}",
            today.AddDays(-10),
            today.AddDays(50),
            asked + "\nDanh sách học viên và chương trình đào tạo",
            ctx.Time
        );
        AddCall(
            db,
            byCode["DNNVV-KN"],
            year,
            $"Kêu gọi hỗ trợ doanh nghiệp khởi nghiệp năm {year}",
            today.AddDays(30),
            today.AddDays(90),
            asked,
            ctx.Time,
            published: false
        );
        var energy = AddCall(
            db,
            byCode["TKNL"],
            2025,
            "Kêu gọi hỗ trợ sử dụng năng lượng tiết kiệm và hiệu quả năm 2025",
            new DateOnly(2025, 3, 1),
            new DateOnly(2025, 5, 31),
            asked + "\nBáo cáo kiểm toán năng lượng",
            ctx.Time
        );
        foreach (var p in programs.Where(p => p.YearlyBudgetVnd > 0))
        foreach (var y in new[] { 2025, year }.Where(y => y >= p.StartYear && y <= p.EndYear).Distinct())
            db.SupportBudgets.Add(
                new SupportBudget
                {
                    ProgramId = p.Id,
                    Year = y,
                    AllocatedVnd = p.YearlyBudgetVnd,
                }
            );
        await db.SaveChangesAsync(ct);

        var officer = await db
            .Users.Where(u => u.Email == AccountsSeeder.OfficerEmail)
            .Select(u => u.Id)
            .FirstAsync(ct);
        var enterprises = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).Take(4).ToListAsync(ct);
        // 2025: three enterprises supported by the energy-saving program (two paid in full, one still paying).
        long[] approved = [400_000_000, 250_000_000, 180_000_000];
        for (var i = 0; i < Math.Min(3, enterprises.Count); i++)
        {
            var a = NewApplication(
                energy,
                enterprises[i],
                "Thay thế hệ thống chiếu sáng và động cơ bằng thiết bị hiệu suất cao",
                [
                    ("Thiết bị chiếu sáng LED nhà xưởng", approved[i] / 2, 1),
                    ("Biến tần cho động cơ bơm, quạt", approved[i] / 2, 1),
                ]
            );
            var at = VietnamTime.StartOfDayUtc(new DateOnly(2025, 4, 10 + i));
            a.CreatedAt = at;
            a.Apply(SupportState.Submitted, Actor.Enterprise, "seed", at);
            a.Approve(approved[i], byCode["TKNL"].Rules.Compute(a.RuleItems(), 0), officer, at.AddDays(30));
            a.Disburse(approved[i] / 2, new DateOnly(2025, 7, 15), $"UNC-{2025}-{i + 1:000}", officer, at.AddDays(90));
            if (i < 2)
                a.Disburse(
                    approved[i] - approved[i] / 2,
                    new DateOnly(2025, 10, 20),
                    $"UNC-2025-{i + 11:000}",
                    officer,
                    at.AddDays(180)
                );
            db.SupportApplications.Add(a);
        }
        var budget = await db.SupportBudgets.FirstAsync(b => b.ProgramId == energy.ProgramId && b.Year == 2025, ct);
        // One application waiting for the officer this year, from the second demo enterprise.
        if (enterprises.Count > 1)
        {
            var waiting = NewApplication(
                consulting,
                enterprises[1],
                "Tư vấn chuyển đổi số quy trình sản xuất khuôn mẫu",
                [
                    ("Hợp đồng tư vấn chuyển đổi số", 220_000_000, 1),
                    ("Hợp đồng tư vấn quản trị tinh gọn", 120_000_000, 1),
                ]
            );
            waiting.CreatedAt = ctx.Time.GetUtcNow().AddDays(-5);
            waiting.Apply(SupportState.Submitted, Actor.Enterprise, "seed", ctx.Time.GetUtcNow().AddDays(-4));
            db.SupportApplications.Add(waiting);
        }
        await db.SaveChangesAsync(ct);
        var supported = await db
            .SupportApplications.Where(a => a.ProgramId == energy.ProgramId && a.Year == 2025)
            .ToListAsync(ct);
        budget.CommittedVnd = supported.Sum(a => a.ApprovedVnd ?? 0);
        budget.DisbursedVnd = supported.Sum(a => a.DisbursedVnd);
        foreach (var a in await db.SupportApplications.ToListAsync(ct))
            a.Code = $"HT-{a.Year}-{a.Id:00000}";
        await db.SaveChangesAsync(ct);
    }

    private static SupportCall AddCall(
        AppDbContext db,
        SupportProgram p,
        int year,
        string title,
        DateOnly opens,
        DateOnly closes,
        string asked,
        TimeProvider time,
        bool published = true
    )
    {
        var call = new SupportCall
        {
            ProgramId = p.Id,
            Year = year,
            Title = title,
            OpensOn = opens,
            ClosesOn = closes,
            DocumentsAsked = asked,
            Published = published,
            PublishedAt = published ? time.GetUtcNow() : null,
        };
        db.SupportCalls.Add(call);
        return call;
    }

    private static SupportApplication NewApplication(
        SupportCall call,
        int enterpriseId,
        string purpose,
        (string, long, int)[] items
    )
    {
        var a = new SupportApplication
        {
            CallId = call.Id,
            ProgramId = call.ProgramId,
            Year = call.Year,
            EnterpriseId = enterpriseId,
            Purpose = purpose,
            Code = "tmp-" + Guid.NewGuid().ToString("N"),
        };
        a.SetItems(items);
        return a;
    }
}
