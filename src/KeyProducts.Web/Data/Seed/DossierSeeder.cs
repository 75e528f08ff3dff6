using System.Text;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Documents;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Demo dossiers in the current round for the first three enterprises, in several states, with figures and
/// small generated PDF documents.
/// (Enterprises 0104567890..0101987657 get their eligible dossiers from the council seeder.)</summary>
public sealed class DossierSeeder : IDemoSeeder
{
    public int Order => 40;

    private sealed record Plan(string TaxCode, int ProductIndex, string Track, DossierState Target);

    private static readonly Plan[] Plans =
    [
        new("0101234565", 1, "B", DossierState.Draft),
        new("0101234565", 0, "B", DossierState.Submitted),
        new("0102345677", 0, "B", DossierState.NeedsSupplement),
        new("0103456789", 0, "A", DossierState.Eligible),
    ];

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var today = VietnamTime.Today(ctx.Time);
        var round = await db
            .Rounds.Include(r => r.Checklist)
            .FirstOrDefaultAsync(r => r.Year == today.Year && r.Status == RoundStatus.Published, ct);
        if (round is null)
            return;
        var enterpriseIds = await db
            .Enterprises.Where(e => Plans.Select(p => p.TaxCode).Contains(e.TaxCode))
            .ToDictionaryAsync(e => e.TaxCode, e => e.Id, ct);
        if (await db.Dossiers.AnyAsync(d => d.RoundId == round.Id && enterpriseIds.Values.Contains(d.EnterpriseId), ct))
            return;
        var officer = await db
            .Users.Where(u => u.Email == "canbo@spcncl.demo.vn")
            .Select(u => u.Id)
            .FirstOrDefaultAsync(ct)
            ?? "seed";
        var storage = ctx.Services.GetRequiredService<IFileStorage>();
        var tracks = await db
            .EligibilityTracks.Where(t => t.CriteriaSetId == round.CriteriaSetId)
            .ToDictionaryAsync(t => t.Code, ct);
        var conditions = await db
            .EligibilityConditions.Where(c => c.CriteriaSetId == round.CriteriaSetId)
            .ToListAsync(ct);
        var now = ctx.Time.GetUtcNow();

        foreach (var plan in Plans.Where(p => p.ProductIndex >= 0 && enterpriseIds.ContainsKey(p.TaxCode)))
        {
            var enterpriseId = enterpriseIds[plan.TaxCode];
            var product = await db
                .Products.Where(p => p.EnterpriseId == enterpriseId)
                .OrderBy(p => p.Id)
                .Skip(plan.ProductIndex)
                .FirstOrDefaultAsync(ct);
            if (product is null)
                continue;
            var user = await db
                .Users.Where(u => u.EnterpriseId == enterpriseId)
                .Select(u => u.Id)
                .FirstOrDefaultAsync(ct)
                ?? "seed";
            var track = tracks[plan.Track];
            var d = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = enterpriseId,
                ProductId = product.Id,
                TrackId = track.Id,
                CreatedAt = now.AddDays(-20),
            };
            var scale = 1 + plan.TaxCode[^1] % 5;
            for (var y = round.Year - 3; y < round.Year; y++)
            {
                var growth = 100 + (y - round.Year + 3) * 12;
                d.Figures.Add(
                    new DossierFigure
                    {
                        Year = y,
                        ProductRevenueVnd = 60L * scale * growth * 10_000_000,
                        EnterpriseRevenueVnd = 150L * scale * growth * 10_000_000,
                        IndustrialOutputVnd = 120L * scale * growth * 10_000_000,
                        ExportUsdCents = 2_500L * scale * growth * 100,
                        Employees = 120 * scale,
                        AverageMonthlyIncomeVnd = 11_500_000,
                        BudgetContributionVnd = 9L * scale * growth * 10_000_000,
                        RdSpendingVnd = 3L * scale * growth * 10_000_000,
                    }
                );
            }
            foreach (var c in conditions.Where(c => c.AppliesTo(track.Code)))
                d.ConditionAnswers.Add(new ConditionAnswer { ConditionCode = c.Code, Answer = c.RequiredAnswer });
            foreach (
                var item in round.Checklist.Where(i =>
                    i.AppliesTo(track.Code) && (i.Mandatory || plan.Target != DossierState.Draft)
                )
            )
            {
                if (plan.Target == DossierState.Draft && item.SortOrder > 3)
                    break; // a draft is half done
                await using var pdf = new MemoryStream(SamplePdf(item.Name, product.Name));
                var stored = await storage.SaveAsync(pdf, DossierLimits.MaxFileBytes, ct);
                if (
                    !await db.StoredFiles.AnyAsync(f => f.Sha256 == stored.Sha256, ct)
                    && !db.StoredFiles.Local.Any(f => f.Sha256 == stored.Sha256)
                )
                    db.StoredFiles.Add(
                        new StoredFileRecord
                        {
                            Sha256 = stored.Sha256,
                            Size = stored.Size,
                            CreatedAt = now,
                        }
                    );
                d.Documents.Add(
                    new DossierDocument
                    {
                        ChecklistItemId = item.Id,
                        FileName = $"{item.Code.ToLowerInvariant()}.pdf",
                        ContentType = "application/pdf",
                        Size = stored.Size,
                        Sha256 = stored.Sha256,
                        UploadedAt = now.AddDays(-15),
                        UploadedBy = user,
                    }
                );
            }
            db.Dossiers.Add(d);
            await db.SaveChangesAsync(ct);
            if (plan.Target == DossierState.Draft)
                continue;

            var loader = new DossierWorkspaceLoader(db);
            var w = (await loader.LoadAsync(d.Id, ct))!;
            d.Apply(DossierState.Submitted, Actor.Enterprise, user, now.AddDays(-14));
            d.Code = w.Round.NextDossierCode();
            w.Rulebook.FrozenAt ??= now.AddDays(-14);
            db.DossierSnapshots.Add(
                new DossierSnapshot
                {
                    DossierId = d.Id,
                    Revision = d.Revision,
                    TakenAt = now.AddDays(-14),
                    Json = w.SnapshotJson(),
                }
            );
            if (plan.Target is DossierState.NeedsSupplement or DossierState.Eligible)
            {
                d.Apply(DossierState.Screening, Actor.Officer, officer, now.AddDays(-12));
                var bctc = round.Checklist.First(i => i.Code == "BCTC");
                const string message = "Đề nghị bổ sung báo cáo tài chính năm gần nhất đã được kiểm toán.";
                d.Apply(DossierState.NeedsSupplement, Actor.Officer, officer, now.AddDays(-10), message);
                db.SupplementRequests.Add(
                    new SupplementRequest
                    {
                        DossierId = d.Id,
                        RequestedAt = now.AddDays(-10),
                        RequestedBy = officer,
                        Deadline = today.AddDays(10),
                        Message = message,
                        AnsweredAt = plan.Target == DossierState.Eligible ? now.AddDays(-6) : null,
                        Items =
                        [
                            new SupplementItem
                            {
                                Target = SupplementTarget.ChecklistItem,
                                ChecklistItemId = bctc.Id,
                                Comment = "Thiếu báo cáo kiểm toán năm " + (round.Year - 1),
                            },
                        ],
                    }
                );
            }
            if (plan.Target == DossierState.Eligible)
            {
                d.Apply(DossierState.Resubmitted, Actor.Enterprise, user, now.AddDays(-6));
                db.DossierSnapshots.Add(
                    new DossierSnapshot
                    {
                        DossierId = d.Id,
                        Revision = d.Revision,
                        TakenAt = now.AddDays(-6),
                        Json = w.SnapshotJson(),
                    }
                );
                db.SiteInspections.Add(
                    new SiteInspection
                    {
                        DossierId = d.Id,
                        Date = today.AddDays(-4),
                        Participants = "Phòng Quản lý công nghiệp; đại diện doanh nghiệp",
                        Findings = "Dây chuyền sản xuất hoạt động ổn định, đúng như hồ sơ kê khai.",
                        RecordedBy = officer,
                    }
                );
                d.Apply(DossierState.Eligible, Actor.Officer, officer, now.AddDays(-3));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static byte[] SamplePdf(string title, string product)
    {
        EmbeddedFontResolver.EnsureInstalled();
        var doc = new PdfDocument();
        var page = doc.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString(
                title.Normalize(NormalizationForm.FormC),
                new XFont("App", 13, XFontStyleEx.Bold),
                XBrushes.Black,
                new XPoint(50, 80)
            );
            gfx.DrawString(
                product.Normalize(NormalizationForm.FormC),
                new XFont("App", 11, XFontStyleEx.Regular),
                XBrushes.Black,
                new XPoint(50, 110)
            );
            gfx.DrawString(
                "Tài liệu mẫu dùng cho dữ liệu trình diễn.".Normalize(NormalizationForm.FormC),
                new XFont("App", 10, XFontStyleEx.Regular),
                XBrushes.Gray,
                new XPoint(50, 140)
            );
        }
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }
}
