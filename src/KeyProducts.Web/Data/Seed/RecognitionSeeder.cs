using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Past rounds with their decisions, recognized products (some Top 10), certificates, one expired and one
/// revoked recognition, so the public directory is populated at first run. Every name is invented.</summary>
public sealed class RecognitionSeeder : IDemoSeeder
{
    public int Order => 60;

    private static readonly (int Year, string Number, DateOnly Date)[] Decisions =
    [
        (2021, "5012/QĐ-UBND", new DateOnly(2021, 11, 26)),
        (2022, "4386/QĐ-UBND", new DateOnly(2022, 11, 25)),
        (2023, "5247/QĐ-UBND", new DateOnly(2023, 11, 28)),
        (2024, "6031/QĐ-UBND", new DateOnly(2024, 11, 27)),
        (2025, "5718/QĐ-UBND", new DateOnly(2025, 11, 26)),
    ];

    private sealed record MoreEnterprise(
        string Name,
        string Sector,
        string Street,
        string Commune,
        (string Product, string Model)[] Products
    );

    private static readonly MoreEnterprise[] More =
    [
        new(
            "Công ty Cổ phần Thiết bị điện Đông Anh Xanh",
            "DDT",
            "Tổ 4, thị trấn Đông Anh",
            "00526",
            [("Máy biến áp phân phối hiệu suất cao", "ĐAX-630kVA"), ("Tủ điện hạ thế thông minh", "ĐAX-MSB")]
        ),
        new(
            "Công ty TNHH Cơ điện Sóc Sơn",
            "CKCT",
            "KCN Nội Bài",
            "00607",
            [("Bơm ly tâm công nghiệp trục ngang", "SS-CP150"), ("Quạt công nghiệp chống cháy nổ", "SS-EX")]
        ),
        new(
            "Công ty Cổ phần Dệt lụa Vạn Phúc",
            "DMDG",
            "Làng lụa Vạn Phúc",
            "09552",
            [("Lụa tơ tằm dệt thủ công Vạn Phúc", "VP-Silk"), ("Khăn lụa in hoa văn truyền thống", null!)]
        ),
        new(
            "Công ty Cổ phần Dược phẩm Thăng Long Xanh",
            "CBNS",
            "Số 18 phố Láng Hạ",
            "00229",
            [("Trà thảo dược giải nhiệt", "TLX-Tea"), ("Nước mắm cốt cá cơm thượng hạng", "TLX-NM40")]
        ),
        new(
            "Công ty Cổ phần Vật liệu mới Gia Lâm",
            "VLXD",
            "Xã Gia Lâm",
            "00607",
            [("Gạch không nung siêu nhẹ AAC", "GL-AAC"), ("Sơn chống thấm gốc nước", "GL-WP")]
        ),
    ];

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (await db.RecognitionDecisions.AnyAsync(d => d.Number == Decisions[0].Number, ct))
            return;
        var now = ctx.Time.GetUtcNow();

        var rounds = await EnsureRoundsAsync(db, ct);
        await AddMoreEnterprisesAsync(db, now, ct);

        var products = await db
            .Products.AsNoTracking()
            .Join(
                db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified),
                p => p.EnterpriseId,
                e => e.Id,
                (p, e) => new { p.Id, p.EnterpriseId }
            )
            .OrderBy(p => p.Id)
            .ToListAsync(ct);

        var decisionIds = new List<int>();
        var cursor = 0;
        foreach (var (year, number, date) in Decisions)
        {
            if (!rounds.TryGetValue(year, out var roundId))
                continue;
            var decision = new RecognitionDecision
            {
                RoundId = roundId,
                Number = number,
                Date = date,
                Signer = "Trần Minh Đức",
                SignerTitle = "KT. Chủ tịch — Phó Chủ tịch",
            };
            db.RecognitionDecisions.Add(decision);
            await db.SaveChangesAsync(ct);
            decisionIds.Add(decision.Id);
            // Five products per year, rotating so several products are recognized in more than one year.
            for (var k = 0; k < 5; k++)
            {
                var p = products[(cursor + k) % products.Count];
                db.Recognitions.Add(
                    new Recognition
                    {
                        DecisionId = decision.Id,
                        ProductId = p.Id,
                        EnterpriseId = p.EnterpriseId,
                        Year = year,
                        Top10 = k < 2,
                        AverageScoreHundredths = 8_500 - k * 250,
                        ValidFrom = date,
                        ValidTo = Recognition.ValidUntil(date, 36),
                    }
                );
            }
            cursor += 4;
            await db.SaveChangesAsync(ct);
        }

        var issue = ctx.Services.GetRequiredService<IssueCertificates>();
        foreach (var id in decisionIds)
            await issue.RunAsync(id, ct);

        // One recognition revoked (2024, the first of that year, not recognized again later), one certificate reissued
        // (the first of 2025).
        var revoked = await db.Recognitions.Where(r => r.Year == 2024).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (revoked is not null)
            await ctx
                .Services.GetRequiredService<RevokeRecognition>()
                .RunAsync(
                    revoked.Id,
                    "Doanh nghiệp vi phạm quy định về bảo vệ môi trường tại cơ sở sản xuất",
                    "1187/QĐ-UBND",
                    ct
                );
        var reissue = await db
            .Certificates.Where(c => c.Serial.StartsWith("GCN-2025-"))
            .OrderBy(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (reissue is not null)
            await ctx.Services.GetRequiredService<ReissueCertificate>().RunAsync(reissue.Id, ct);
    }

    private static async Task<Dictionary<int, int>> EnsureRoundsAsync(AppDbContext db, CancellationToken ct)
    {
        var template = await db.Rounds.AsNoTracking().OrderBy(r => r.Year).FirstOrDefaultAsync(ct);
        if (template is null)
            return [];
        var phases = await db.Phases.AsNoTracking().ToListAsync(ct);
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            if (await db.Rounds.AnyAsync(r => r.Year == year, ct))
                continue;
            var past = new Round
            {
                Year = year,
                Title = $"Đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {year}",
                PhaseId = phases.FirstOrDefault(p => p.Contains(year))?.Id ?? template.PhaseId,
                CriteriaSetId = template.CriteriaSetId,
                Description = template.Description,
                RegistrationOpens = new DateOnly(year, 4, 1),
                SubmissionDeadline = new DateOnly(year, 8, 31),
                ScreeningDeadline = new DateOnly(year, 9, 30),
                CouncilMeeting = new DateOnly(year, 10, 20),
                CommentOpens = new DateOnly(year, 10, 25),
                CommentCloses = new DateOnly(year, 11, 8),
                ContactName = template.ContactName,
                ContactEmail = template.ContactEmail,
                ContactPhone = template.ContactPhone,
            };
            past.ForceStatusForSeed(RoundStatus.Completed, VietnamTime.StartOfDayUtc(new DateOnly(year, 3, 25)));
            db.Rounds.Add(past);
        }
        await db.SaveChangesAsync(ct);
        return await db.Rounds.Where(r => r.Year <= 2025).ToDictionaryAsync(r => r.Year, r => r.Id, ct);
    }

    private static async Task AddMoreEnterprisesAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var serial = 10_660_000;
        foreach (var (spec, i) in More.Select((m, i) => (m, i)))
        {
            if (await db.Enterprises.AnyAsync(e => e.NameVi == spec.Name, ct))
                continue;
            string tax;
            do tax = "0" + (serial++).ToString(System.Globalization.CultureInfo.InvariantCulture)[..8] + "0";
            while (!TaxCode.IsValid(tax) && TryFix(ref tax));
            var e = new Enterprise
            {
                TaxCode = tax,
                NameVi = spec.Name,
                LegalForm = spec.Name.Contains("TNHH", StringComparison.Ordinal)
                    ? LegalForm.LimitedLiability
                    : LegalForm.JointStock,
                Ownership = Ownership.Domestic,
                SectorId = sectors.GetValueOrDefault(spec.Sector),
                Status = EnterpriseStatus.Verified,
                HeadOffice = new Address { Street = spec.Street, CommuneCode = spec.Commune },
                ContactName = "Phòng Kinh doanh",
                ContactPhone = $"024 39{i:00} 77{i:00}",
                ContactEmail = $"lienhe@them{i + 1}.demo.vn",
                CreatedAt = now.AddDays(-1500),
                VerifiedAt = now.AddDays(-1490),
            };
            db.Enterprises.Add(e);
            await db.SaveChangesAsync(ct);
            foreach (var (name, model) in spec.Products)
                db.Products.Add(
                    new Product
                    {
                        EnterpriseId = e.Id,
                        Name = name,
                        Model = model,
                        SectorId = e.SectorId,
                        CreatedAt = now.AddDays(-1480),
                        Description = $"{name} do {spec.Name} sản xuất tại Hà Nội.",
                        Certifications = "ISO 9001:2015",
                    }
                );
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Tries the ten possible last digits; the tax code check digit is the tenth.</summary>
    private static bool TryFix(ref string tax)
    {
        for (var d = 0; d <= 9; d++)
        {
            var candidate = tax[..9] + d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TaxCode.IsValid(candidate))
            {
                tax = candidate;
                return false;
            }
        }
        return true;
    }
}
