using System.Text;
using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>The current round's council at work: eligible dossiers of six enterprises, five handed to the council,
/// members
/// (three with demo accounts), assignments, one conflict of interest (hoidong2@) and sheets in every state.</summary>
public sealed class CouncilSeeder : IDemoSeeder
{
    public const string ConflictedMemberEmail = "hoidong2@spcncl.demo.vn";

    /// <summary>The enterprise hoidong2@ declared a relationship with.</summary>
    public const string ConflictTaxCode = "0107891239";

    /// <summary>Left Eligible so that an officer can hand it to the council.</summary>
    public const string EligibleTaxCode = "0101987657";
    public static readonly string[] TaxCodes =
    [
        "0104567890",
        "0105678917",
        "0107891239",
        "0108912347",
        "0109123458",
        "0101987657",
    ];

    public int Order => 50;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var today = VietnamTime.Today(ctx.Time);
        var round = await db.Rounds.Where(r => r.Year == today.Year).FirstOrDefaultAsync(ct);
        if (round is null || await db.Councils.AnyAsync(c => c.RoundId == round.Id, ct))
            return;
        var now = ctx.Time.GetUtcNow();
        var officer = await ctx.Users.FindByEmailAsync(AccountsSeeder.OfficerEmail);
        var officerId = officer?.Id ?? "";
        var set = await db
            .CriteriaSets.Include(s => s.Groups)
                .ThenInclude(g => g.Indicators)
            .Include(s => s.Tracks)
            .FirstAsync(s => s.Id == round.CriteriaSetId, ct);
        var storage = ctx.Services.GetRequiredService<IFileStorage>();

        var products = await (
            from p in db.Products
            join e in db.Enterprises on p.EnterpriseId equals e.Id
            where TaxCodes.Contains(e.TaxCode)
            orderby e.TaxCode
            select new { p, e.TaxCode }
        ).ToListAsync(ct);
        var dossiers = new List<(Dossier Dossier, string TaxCode)>();
        var i = 0;
        foreach (var x in products)
        {
            if (await db.Dossiers.AnyAsync(d => d.RoundId == round.Id && d.ProductId == x.p.Id, ct))
                continue;
            i++;
            var track = set.Tracks.First(t =>
                t.Code
                == (
                    x.p.IsHighTech ? "A"
                    : x.TaxCode == "0104567890" ? "C"
                    : "B"
                )
            );
            var submitted = now.AddDays(-40 + i);
            var dossier = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = x.p.EnterpriseId,
                ProductId = x.p.Id,
                TrackId = track.Id,
                CreatedAt = submitted.AddDays(-5),
                SubmittedAt = submitted,
                StateChangedAt = now.AddDays(-10),
                Revision = 1,
                Code = round.NextDossierCode(),
            };
            for (var y = 1; y <= 3; y++)
                dossier.Figures.Add(
                    new DossierFigure
                    {
                        Year = today.Year - y,
                        ProductRevenueVnd = (120 + i * 35 - y * 9) * Money.OneBillionVnd,
                        EnterpriseRevenueVnd = (300 + i * 60 - y * 15) * Money.OneBillionVnd,
                        ExportUsdCents = (2 + i - y % 2) * Money.OneMillionUsdCents,
                        Employees = 180 + i * 40,
                        AverageMonthlyIncomeVnd = (9_500_000 + i * 400_000),
                        BudgetContributionVnd = (8 + i * 2) * Money.OneBillionVnd,
                        RdSpendingVnd = (1 + i) * Money.OneBillionVnd,
                    }
                );
            foreach (var ind in set.Groups.SelectMany(g => g.Indicators).Take(6))
                dossier.SelfAssessments.Add(
                    new SelfAssessment
                    {
                        IndicatorId = ind.Id,
                        ClaimedHundredths = ind.MaxPointsHundredths * (80 + i) / 100 / 50 * 50,
                        Evidence = $"Xem tài liệu kèm theo, mục {ind.Code}.",
                    }
                );
            var text = Encoding.UTF8.GetBytes(
                $"Thuyết minh sản phẩm {x.p.Name}\nMô hình: {x.p.Model}\nTiêu chuẩn: {x.p.Certifications}\n"
            );
            using (var ms = new MemoryStream(text))
            {
                var stored = await storage.SaveAsync(ms, 1_000_000, ct);
                dossier.Documents.Add(
                    new DossierDocument
                    {
                        FileName = "thuyet-minh-san-pham.txt",
                        ContentType = "text/plain; charset=utf-8",
                        Size = stored.Size,
                        Sha256 = stored.Sha256,
                        UploadedAt = submitted.AddDays(-1),
                        UploadedBy = "seed",
                        Revision = 1,
                    }
                );
            }
            dossier.ForceStateForSeed(DossierState.Eligible);
            dossier.History.Add(
                new DossierHistory
                {
                    From = DossierState.Screening,
                    To = DossierState.Eligible,
                    Actor = Actor.Officer,
                    UserId = officerId,
                    At = now.AddDays(-12),
                }
            );
            if (x.TaxCode != EligibleTaxCode)
                dossier.Apply(DossierState.Scoring, Actor.Officer, officerId, now.AddDays(-10));
            db.Dossiers.Add(dossier);
            dossiers.Add((dossier, x.TaxCode));
        }
        await db.SaveChangesAsync(ct);

        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        async Task<string?> UserId(string email) => (await ctx.Users.FindByEmailAsync(email))?.Id;
        var council = new SelectionCouncil
        {
            RoundId = round.Id,
            DecisionNumber = $"{4000 + today.Year % 100 * 3}/QĐ-UBND",
            DecisionDate = today.AddDays(-20),
            ScoringDeadline = today.AddDays(7),
            Members =
            [
                new()
                {
                    FullName = "Nguyễn Mạnh Hùng",
                    Title = "Phó Chủ tịch UBND Thành phố",
                    AgencyId = agencies["UBND"],
                    Role = CouncilRole.Chair,
                },
                new()
                {
                    FullName = "Lê Văn Minh",
                    Title = "PGS.TS., Phó Giám đốc Sở Công Thương",
                    AgencyId = agencies["SCT"],
                    Role = CouncilRole.ViceChair,
                    UserId = await UserId(AccountsSeeder.CouncilEmail),
                },
                new()
                {
                    FullName = "Phạm Thị Lan",
                    Title = "Phó Giám đốc Sở Khoa học và Công nghệ",
                    AgencyId = agencies["SKHCN"],
                    Role = CouncilRole.Member,
                    UserId = await UserId(ConflictedMemberEmail),
                },
                new()
                {
                    FullName = "Đỗ Mạnh Cường",
                    Title = "Phó Giám đốc Sở Tài chính",
                    AgencyId = agencies["STC"],
                    Role = CouncilRole.Member,
                    UserId = await UserId("hoidong3@spcncl.demo.vn"),
                },
                new()
                {
                    FullName = "Trần Thị Mai",
                    Title = "Phó Cục trưởng Thuế thành phố Hà Nội",
                    AgencyId = agencies["CT"],
                    Role = CouncilRole.Member,
                },
                new()
                {
                    FullName = "Vũ Hoàng Long",
                    Title = "Phó Giám đốc Sở Nông nghiệp và Môi trường",
                    AgencyId = agencies["SNNMT"],
                    Role = CouncilRole.Member,
                },
                new()
                {
                    FullName = "Nguyễn Thị Thu Hà",
                    Title = "Trưởng phòng Quản lý công nghiệp",
                    AgencyId = agencies["SCT"],
                    Role = CouncilRole.Secretary,
                },
            ],
        };
        db.Councils.Add(council);
        await db.SaveChangesAsync(ct);

        // The three members with accounts score every indicator; the others attend the meeting.
        var scorers = council.Members.Where(m => m.UserId is not null).ToList();
        var indicators = set
            .Groups.OrderBy(g => g.SortOrder)
            .SelectMany(g => g.Indicators.OrderBy(x => x.SortOrder))
            .ToList();
        foreach (var m in scorers)
        foreach (var ind in indicators)
            db.IndicatorAssignments.Add(
                new IndicatorAssignment
                {
                    CouncilId = council.Id,
                    MemberId = m.Id,
                    IndicatorId = ind.Id,
                }
            );
        var conflicted = scorers.First(m => m.Role == CouncilRole.Member);
        var conflictEnterprise = await db
            .Enterprises.Where(e => e.TaxCode == ConflictTaxCode)
            .Select(e => e.Id)
            .FirstAsync(ct);
        db.Conflicts.Add(
            new ConflictOfInterest
            {
                MemberId = conflicted.Id,
                EnterpriseId = conflictEnterprise,
                Relationship = "Người thân (em ruột) là thành viên Hội đồng quản trị của doanh nghiệp",
                DeclaredBy = ConflictedMemberEmail,
                DeclaredAt = now.AddDays(-15),
            }
        );

        // Sheets in every state: the vice-chair has submitted two and drafted one, hoidong3 submitted one, hoidong2
        // drafted one.
        var scoring = dossiers
            .Where(d => d.Dossier.State == DossierState.Scoring && d.TaxCode != ConflictTaxCode)
            .Select(d => d.Dossier)
            .ToList();
        void Sheet(CouncilMember m, Dossier d, bool submit, int seed)
        {
            var sheet = new ScoreSheet
            {
                MemberId = m.Id,
                DossierId = d.Id,
                Pass = 1,
                Status = SheetStatus.Draft,
                LastSavedAt = now.AddDays(-2),
            };
            var k = 0;
            foreach (var ind in indicators)
            {
                var pct = 60 + (seed * 7 + k++ * 13) % 36;
                sheet.Record(
                    ind,
                    ind.MaxPointsHundredths * pct / 100 / 50 * 50,
                    pct > 85 ? "Vượt trội so với mặt bằng ngành."
                        : pct < 68 ? "Cần bổ sung minh chứng."
                        : null
                );
            }
            if (submit)
                sheet.Submit(now.AddDays(-1), indicators.Select(x => x.Id).ToList());
            db.ScoreSheets.Add(sheet);
        }
        var vice = scorers.First(m => m.Role == CouncilRole.ViceChair);
        var third = scorers.Last(m => m.Role == CouncilRole.Member);
        if (scoring.Count >= 3)
        {
            Sheet(vice, scoring[0], true, 1);
            Sheet(vice, scoring[1], true, 2);
            Sheet(vice, scoring[2], false, 3);
            Sheet(third, scoring[0], true, 4);
            Sheet(conflicted, scoring[1], false, 5);
        }
        await db.SaveChangesAsync(ct);
    }
}
