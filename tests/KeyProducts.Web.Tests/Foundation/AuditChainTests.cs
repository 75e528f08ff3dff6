using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The audit log is a hash chain: intact after ordinary and simultaneous work; an entry altered or removed
/// directly
/// in the database is named by the verification (the command and the administrator's page share it).</summary>
public sealed class AuditChainTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Simultaneous_saves_keep_the_chain_intact_and_an_altered_entry_is_named()
    {
        // Twelve audited saves at once from separate scopes: appends must serialize, or two entries would share a
        // predecessor.
        await Task.WhenAll(
            Enumerable
                .Range(0, 12)
                .Select(i =>
                    app.WithDbAsync(async db =>
                    {
                        var sector = await db.Sectors.OrderBy(s => s.Id).Skip(i % 3).FirstAsync();
                        db.Products.Add(
                            new KeyProducts.Core.Enterprises.Product
                            {
                                EnterpriseId = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
                                Name = $"Chuỗi {i}",
                                SectorId = sector.Id,
                            }
                        );
                        await db.SaveChangesAsync();
                    })
                )
        );
        var intact = await app.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(intact.Intact, $"broken at {intact.FirstBrokenId}: {intact.Reason}");
        Assert.True(intact.Checked > 12);

        var victim = await app.WithDbAsync(db =>
            db.AuditEntries.OrderBy(a => a.Id).Skip(intact.Checked / 2).Select(a => a.Id).FirstAsync()
        );
        await app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'ke-gian' WHERE \"Id\" = {victim}")
        );

        var broken = await app.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.Equal(victim, broken.FirstBrokenId);
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var page = await admin.GetHtmlAsync("/Admin/AuditChain");
        Assert.Contains("data-testid=\"chain-broken\"", page, StringComparison.Ordinal);
        Assert.Contains($"Chuỗi nhật ký bị đứt tại mục số {victim}.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_entry_is_named_by_the_entry_after_it()
    {
        using var own = new AppFactory();
        var ids = await own.WithDbAsync(db =>
            db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).Take(40).ToListAsync()
        );
        Assert.True((await own.WithDbAsync(db => AuditChain.VerifyAsync(db))).Intact);

        await own.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[20]}")
        );

        var report = await own.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.Equal(ids[21], report.FirstBrokenId);
    }
}
