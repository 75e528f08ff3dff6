using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Dossiers;

/// <summary>Builders of dossiers straight in the database, for tests that start part-way through the journey.</summary>
internal static class DossierArrange
{
    public const string Enterprise1 = "doanhnghiep@spcncl.demo.vn";
    public const string Enterprise2 = "doanhnghiep2@spcncl.demo.vn";
    public const string Officer = "canbo@spcncl.demo.vn";

    /// <summary>A draft on track B for a product of the user's enterprise that has no dossier yet in the open
    /// round.</summary>
    public static Task<int> DraftAsync(AppFactory app, string email, bool complete) =>
        app.WithDbAsync(async db =>
        {
            var enterpriseId = await db.Users.Where(u => u.Email == email).Select(u => u.EnterpriseId).FirstAsync();
            var round = await db
                .Rounds.Include(r => r.Checklist)
                .Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .FirstAsync();
            var taken = db.Dossiers.Where(d => d.RoundId == round.Id).Select(d => d.ProductId);
            var product = await db
                .Products.Where(p => p.EnterpriseId == enterpriseId && !taken.Contains(p.Id))
                .FirstOrDefaultAsync();
            if (product is null)
            {
                product = new Core.Enterprises.Product
                {
                    EnterpriseId = enterpriseId!.Value,
                    Name = "Sản phẩm thử " + Guid.NewGuid().ToString("N")[..6],
                };
                db.Products.Add(product);
                await db.SaveChangesAsync();
            }
            var track = await db.EligibilityTracks.FirstAsync(t =>
                t.CriteriaSetId == round.CriteriaSetId && t.Code == "B"
            );
            var d = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = enterpriseId!.Value,
                ProductId = product.Id,
                TrackId = track.Id,
                CreatedAt = app.Clock.GetUtcNow(),
            };
            if (complete)
            {
                d.Figures.Add(
                    new DossierFigure
                    {
                        Year = round.Year - 1,
                        ProductRevenueVnd = 150_000_000_000,
                        EnterpriseRevenueVnd = 300_000_000_000,
                    }
                );
                foreach (
                    var c in await db
                        .EligibilityConditions.Where(c => c.CriteriaSetId == round.CriteriaSetId)
                        .ToListAsync()
                )
                    if (c.AppliesTo("B"))
                        d.ConditionAnswers.Add(
                            new ConditionAnswer { ConditionCode = c.Code, Answer = c.RequiredAnswer }
                        );
                foreach (var item in round.Checklist.Where(i => i.Mandatory && i.AppliesTo("B")))
                    d.Documents.Add(
                        new DossierDocument
                        {
                            ChecklistItemId = item.Id,
                            FileName = item.Code + ".pdf",
                            ContentType = "application/pdf",
                            Size = 10,
                            Sha256 = new string('a', 64),
                            UploadedAt = app.Clock.GetUtcNow(),
                            UploadedBy = "seed",
                        }
                    );
            }
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    public static Task<int> ChecklistItemAsync(AppFactory app, int dossierId, string code) =>
        app.WithDbAsync(db =>
            db.ChecklistItems.Where(c =>
                    c.Code == code && db.Dossiers.Any(d => d.Id == dossierId && d.RoundId == c.RoundId)
                )
                .Select(c => c.Id)
                .FirstAsync()
        );

    public static Task<DossierState> StateAsync(AppFactory app, int dossierId) =>
        app.WithDbAsync(db => db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.State).FirstAsync());

    /// <summary>Uploads a file into one checklist item of a dossier through the page, as the browser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        TestClient c,
        int dossierId,
        int itemId,
        string fileName,
        HttpContent file
    )
    {
        var page = await c.GetAsync($"/Portal/Dossiers/Edit/{dossierId}");
        var token = TestClient.AntiforgeryToken(await page.Content.ReadAsStringAsync())!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            {
                new StringContent(itemId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "ChecklistItemId"
            },
            { file, "Upload", fileName },
        };
        return await c.Http.PostAsync(
            new Uri($"/Portal/Dossiers/Edit/{dossierId}?handler=Upload", UriKind.Relative),
            form
        );
    }
}
