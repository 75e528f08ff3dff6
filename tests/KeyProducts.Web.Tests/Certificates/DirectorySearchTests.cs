using System.Net;
using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Web.Features.PublicDirectory;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeyProducts.Web.Tests.Certificates;

/// <summary>The directory's search column (decision 0008) gives exactly what matching the product's and the
/// enterprise's
/// search texts separately gave: same items, order and totals, and it follows renames.</summary>
public sealed class DirectorySearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Listed(int Id, string ProductText, string EnterpriseText, int LatestYear);

    /// <summary>Every listed product with the texts the search used before the column existed.</summary>
    private Task<List<Listed>> ListedAsync() =>
        app.WithDbAsync(db =>
            (
                from p in db.Products
                join e in db.Enterprises on p.EnterpriseId equals e.Id
                where db.Recognitions.Any(r => r.ProductId == p.Id)
                select new Listed(
                    p.Id,
                    p.SearchText,
                    e.SearchText,
                    db.Recognitions.Where(r => r.ProductId == p.Id).Max(r => r.Year)
                )
            ).ToListAsync()
        );

    /// <summary>The former semantics: a substring of the product's text or of the enterprise's, in the requested
    /// order.</summary>
    private static List<int> Expected(List<Listed> all, string q, string? sort)
    {
        var folded = SearchText.Query(q);
        var hits = all.Where(x =>
            folded.Length == 0
            || x.ProductText.Contains(folded, StringComparison.Ordinal)
            || x.EnterpriseText.Contains(folded, StringComparison.Ordinal)
        );
        var ordered = sort switch
        {
            "enterprise" => hits.OrderBy(x => x.EnterpriseText, StringComparer.Ordinal).ThenBy(x => x.Id),
            "year" => hits.OrderByDescending(x => x.LatestYear)
                .ThenBy(x => x.ProductText, StringComparer.Ordinal)
                .ThenBy(x => x.Id),
            "year_asc" => hits.OrderBy(x => x.LatestYear).ThenBy(x => x.Id),
            _ => hits.OrderBy(x => x.ProductText, StringComparer.Ordinal).ThenBy(x => x.Id),
        };
        return ordered.Select(x => x.Id).ToList();
    }

    private async Task<(int Total, List<int> Ids)> SearchAsync(
        string q,
        string? sort,
        int page,
        int pageSize,
        string nonce
    )
    {
        using var c = TestClient.Anonymous(app);
        var url =
            $"/api/v1/products?q={Uri.EscapeDataString(q)}&page={page}&pageSize={pageSize}&n={nonce}"
            + (sort is null ? "" : "&sort=" + sort);
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        return (
            json.GetProperty("total").GetInt32(),
            json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList()
        );
    }

    [Fact]
    public async Task Search_gives_the_same_items_order_and_totals_as_matching_product_or_enterprise_text()
    {
        // On SQLite the pages probe the text index by the rarest trigrams once their counts are read (below), and by
        // the
        // whole phrase before (checked at the end).
        var trigrams = app.Services.GetRequiredService<TrigramStatistics>();
        await trigrams.LoadAsync(CancellationToken.None);
        if (!AppFactory.IsPostgres)
            Assert.All(Assert.IsAssignableFrom<IReadOnlyList<string>>(trigrams.Probe("cap dien")), t =>
                Assert.Contains(t, "cap dien", StringComparison.Ordinal)
            );
        var all = await ListedAsync();
        Assert.True(all.Count >= 10);
        var sample = all.OrderBy(x => x.Id).First();
        var queries = new List<string>
        {
            "",
            "cap dien",
            "CÁP ĐIỆN",
            "a",
            "m",
            "cong ty",
            "ha noi",
            sample.EnterpriseText[^10..],
            "0101234565",
            "khuôn mẫu",
            "xyz không có",
            // Across the seam: the end of a product's text followed by the start of its enterprise's must not match it.
            sample.ProductText[^4..]
                + " "
                + sample.EnterpriseText[..4],
        };
        foreach (var q in queries)
        foreach (var sort in new string?[] { null, "enterprise", "year", "year_asc" })
        {
            var expected = Expected(all, q, sort);
            var whole = await SearchAsync(q, sort, 1, 100, "all");
            Assert.Equal(expected.Count, whole.Total);
            Assert.Equal(expected.Take(100), whole.Ids);
            // Pages of 3 put together give the same list.
            var paged = new List<int>();
            for (var page = 1; page <= Math.Min(4, (expected.Count + 2) / 3); page++)
            {
                var p = await SearchAsync(q, sort, page, 3, "paged");
                Assert.Equal(expected.Count, p.Total);
                paged.AddRange(p.Ids);
            }
            Assert.Equal(expected.Take(12), paged);
        }
        foreach (var q in queries)
        {
            // A process whose counts are not read yet searches by the phrase: the same rows.
            var unread = new TrigramStatistics(
                app.Services.GetRequiredService<IServiceScopeFactory>(),
                app.Clock,
                NullLogger<TrigramStatistics>.Instance
            );
            var byPhrase = await app.WithDbAsync(db =>
                new DirectoryQueries(db, app.Clock, unread).SearchAsync(
                    new DirectoryFilter(q, PageSize: 100),
                    CancellationToken.None
                )
            );
            Assert.Equal(Expected(all, q, null).Take(100), byPhrase.Items.Select(i => i.Id));
        }
        var seam = await SearchAsync(queries[^1], null, 1, 100, "seam");
        if (
            !sample.ProductText.Contains(queries[^1], StringComparison.Ordinal)
            && !sample.EnterpriseText.Contains(queries[^1], StringComparison.Ordinal)
        )
            Assert.DoesNotContain(sample.Id, seam.Ids);
    }

    [Fact]
    public async Task Every_product_carries_its_own_and_its_enterprise_search_text()
    {
        var rows = await app.WithDbAsync(db =>
            (
                from p in db.Products
                join e in db.Enterprises on p.EnterpriseId equals e.Id
                select new
                {
                    p.DirectorySearchText,
                    p.SearchText,
                    Enterprise = e.SearchText,
                }
            ).ToListAsync()
        );
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(SearchText.Directory(r.SearchText, r.Enterprise), r.DirectorySearchText));
    }

    [Fact]
    public async Task Renaming_an_enterprise_or_a_product_changes_what_finds_its_products()
    {
        var (enterpriseId, productId) = await app.WithDbAsync(async db =>
        {
            var p = await db
                .Products.Where(p => db.Recognitions.Any(r => r.ProductId == p.Id))
                .OrderBy(p => p.Id)
                .FirstAsync();
            return (p.EnterpriseId, p.Id);
        });
        await app.WithDbAsync(async db =>
        {
            var e = await db.Enterprises.SingleAsync(e => e.Id == enterpriseId);
            e.NameVi = "Công ty Cổ phần Đổi Tên Thử Nghiệm";
            await db.SaveChangesAsync();
        });
        var byNewName = await SearchAsync("doi ten thu nghiem", null, 1, 100, "renamed");
        Assert.Contains(productId, byNewName.Ids);
        var listed = await app.WithDbAsync(db =>
            db.Products.CountAsync(p => p.EnterpriseId == enterpriseId && db.Recognitions.Any(r => r.ProductId == p.Id))
        );
        Assert.Equal(listed, byNewName.Total);

        await app.WithDbAsync(async db =>
        {
            var p = await db.Products.SingleAsync(p => p.Id == productId);
            p.Name = "Thiết bị Đặc Biệt Mới Đặt Tên";
            await db.SaveChangesAsync();
        });
        var byProduct = await SearchAsync("dac biet moi dat ten", null, 1, 100, "product");
        Assert.Equal([productId], byProduct.Ids);
        // The enterprise's new name still finds the renamed product.
        Assert.Contains(productId, (await SearchAsync("doi ten thu nghiem", null, 1, 100, "both")).Ids);
    }
}
