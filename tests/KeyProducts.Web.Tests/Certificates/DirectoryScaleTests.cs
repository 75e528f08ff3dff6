using System.Net;
using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Certificates;

/// <summary>Decision 0012: the search index kept in step with the products, the capped total and keyset paging,
/// open-data
/// files streamed once per state of the directory, and a cache that random query keys do not defeat.</summary>
public sealed class DirectoryScaleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<int> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    /// <summary>Rows of the FTS5 table that match the folded phrase (SQLite only).</summary>
    private Task<List<int>> IndexedAsync(string phrase) =>
        app.WithDbAsync(db =>
            db.Database.SqlQuery<int>(
                    $"SELECT rowid AS \"Value\" FROM \"ProductsSearch\" WHERE \"ProductsSearch\" MATCH {DirectorySearchIndex.Phrase(SearchText.Query(phrase))}"
                )
                .ToListAsync()
        );

    private Task IntegrityCheckAsync() =>
        app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ProductsSearch\"(\"ProductsSearch\") VALUES ('integrity-check')"
            )
        );

    [Fact]
    public async Task The_search_index_follows_inserts_updates_renames_and_deletes_in_the_same_save()
    {
        if (AppFactory.IsPostgres)
            return; // PostgreSQL's trigram index is an ordinary index of the column
        await IntegrityCheckAsync();
        var enterpriseId = await app.WithDbAsync(db =>
            db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()
        );
        var productId = await app.WithDbAsync(async db =>
        {
            var p = new Product
            {
                EnterpriseId = enterpriseId,
                Name = "Máy ép chỉ mục thử nghiệm",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Products.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        Assert.Equal([productId], await IndexedAsync("may ep chi muc thu nghiem"));

        await app.WithDbAsync(async db =>
        {
            (await db.Products.SingleAsync(p => p.Id == productId)).Name = "Bàn xoay chỉ mục đổi tên";
            await db.SaveChangesAsync();
        });
        Assert.Empty(await IndexedAsync("may ep chi muc"));
        Assert.Equal([productId], await IndexedAsync("ban xoay chi muc doi ten"));

        // A rename of the enterprise rewrites its products' text, and the index with it.
        await app.WithDbAsync(async db =>
        {
            (await db.Enterprises.SingleAsync(e => e.Id == enterpriseId)).NameVi = "Công ty TNHH Chỉ Mục Mới";
            await db.SaveChangesAsync();
        });
        Assert.Contains(productId, await IndexedAsync("cong ty tnhh chi muc moi"));

        await app.WithDbAsync(async db =>
        {
            db.Products.Remove(await db.Products.SingleAsync(p => p.Id == productId));
            await db.SaveChangesAsync();
        });
        Assert.Empty(await IndexedAsync("ban xoay chi muc doi ten"));
        // The index holds exactly what the table holds.
        await IntegrityCheckAsync();
    }

    [Fact]
    public async Task A_failed_save_leaves_the_search_index_as_it_was()
    {
        if (AppFactory.IsPostgres)
            return;
        var enterpriseId = await app.WithDbAsync(db =>
            db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync()
        );
        await Assert.ThrowsAnyAsync<Exception>(() =>
            app.WithDbAsync(async db =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                db.Products.Add(
                    new Product
                    {
                        EnterpriseId = enterpriseId,
                        Name = "Sản phẩm bị hủy giao dịch",
                        CreatedAt = DateTimeOffset.UtcNow,
                    }
                );
                await db.SaveChangesAsync();
                Assert.Single(
                    await db
                        .Database.SqlQuery<int>(
                            $"SELECT rowid AS \"Value\" FROM \"ProductsSearch\" WHERE \"ProductsSearch\" MATCH {"\"san pham bi huy\""}"
                        )
                        .ToListAsync()
                );
                throw new InvalidOperationException("rolled back");
            })
        );
        Assert.Empty(await IndexedAsync("san pham bi huy giao dich"));
        await IntegrityCheckAsync();
    }

    [Fact]
    public async Task Next_links_walk_the_same_order_as_numbered_pages()
    {
        foreach (var q in new[] { "", "a", "cong ty", "cap dien" })
        {
            var whole = Ids(await GetJsonAsync($"/api/v1/products?q={Uri.EscapeDataString(q)}&pageSize=100"));
            var walked = new List<int>();
            var url = $"/api/v1/products?q={Uri.EscapeDataString(q)}&pageSize=2";
            for (var i = 0; i < 100; i++)
            {
                var page = await GetJsonAsync(url);
                walked.AddRange(Ids(page));
                if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
                    break;
                url =
                    $"/api/v1/products?q={Uri.EscapeDataString(q)}&pageSize=2&after={page.GetProperty("next").GetInt32()}";
            }
            Assert.Equal(whole, walked);
        }
    }

    [Fact]
    public async Task Unknown_query_keys_are_answered_from_the_cache()
    {
        using var c = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/products?q=cap+dien&n=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Public/Directory?q=cap+dien&n=1")).StatusCode);
        using (app.Queries.Start())
        {
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/products?q=cap+dien&n=2")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Public/Directory?q=cap+dien&zzz=3")).StatusCode);
            Assert.Equal(0, app.Queries.Count);
        }
        // A key the directory understands is a different answer.
        using (app.Queries.Start())
        {
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/products?q=cap+dien&page=2")).StatusCode);
            Assert.NotEqual(0, app.Queries.Count);
        }
    }

    [Fact]
    public async Task Open_data_files_are_built_once_per_state_of_the_directory_whatever_the_query()
    {
        var files = app.Services.GetRequiredService<OpenDataFiles>();
        using var c = TestClient.Anonymous(app);
        var csv = await c.Http.GetStringAsync(new Uri("/open-data/products.csv", UriKind.Relative));
        var builds = files.Builds;
        foreach (var n in new[] { "1", "2", "abc" })
            Assert.Equal(csv, await c.Http.GetStringAsync(new Uri("/open-data/products.csv?n=" + n, UriKind.Relative)));
        Assert.Equal(builds, files.Builds);

        var productId = await app.WithDbAsync(async db =>
        {
            var p = await db
                .Products.Where(p => db.Recognitions.Any(r => r.ProductId == p.Id))
                .OrderBy(p => p.Id)
                .FirstAsync();
            p.Name = "Tên mới cho dữ liệu mở";
            await db.SaveChangesAsync();
            return p.Id;
        });
        var after = await c.Http.GetStringAsync(new Uri("/open-data/products.csv?n=4", UriKind.Relative));
        Assert.Equal(builds + 1, files.Builds);
        Assert.Contains(productId + ",Tên mới cho dữ liệu mở,", after);
    }

    [Fact]
    public async Task Open_data_csv_json_and_xlsx_hold_the_same_rows_as_the_api_in_name_order()
    {
        var api = new List<JsonElement>();
        var url = "/api/v1/products?pageSize=100";
        while (true)
        {
            var page = await GetJsonAsync(url);
            api.AddRange(page.GetProperty("items").EnumerateArray());
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
                break;
            url = "/api/v1/products?pageSize=100&after=" + page.GetProperty("next").GetInt32();
        }
        using var c = TestClient.Anonymous(app);
        var json = JsonDocument
            .Parse(await c.Http.GetStringAsync(new Uri("/open-data/products.json", UriKind.Relative)))
            .RootElement;
        Assert.Equal(api.Select(Summary), json.EnumerateArray().Select(Summary));

        var csvBytes = await c.Http.GetByteArrayAsync(new Uri("/open-data/products.csv", UriKind.Relative));
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csvLines = System
            .Text.Encoding.UTF8.GetString(csvBytes[3..])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,product,model,enterprise,taxCode,sector,years,top10Years,status,certificates", csvLines[0]);
        Assert.Equal(
            api.Select(i => i.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            csvLines.Skip(1).Select(l => l.Split(',')[0])
        );

        var xlsx = await c.Http.GetByteArrayAsync(new Uri("/open-data/products.xlsx", UriKind.Relative));
        using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        var ws = wb.Worksheet(1);
        Assert.Equal("Sản phẩm", ws.Name);
        Assert.Equal("Sản phẩm", ws.Cell(1, 2).GetString());
        Assert.Equal(api.Count + 1, ws.LastRowUsed().RowNumber());
        for (var r = 0; r < api.Count; r++)
        {
            Assert.Equal(api[r].GetProperty("id").GetInt32(), ws.Cell(r + 2, 1).GetValue<int>());
            Assert.Equal(api[r].GetProperty("name").GetString(), ws.Cell(r + 2, 2).GetString());
            Assert.Equal(api[r].GetProperty("enterpriseName").GetString(), ws.Cell(r + 2, 4).GetString());
            Assert.Equal(api[r].GetProperty("status").GetString(), ws.Cell(r + 2, 9).GetString());
            Assert.Equal(
                string.Join(' ', api[r].GetProperty("certificates").EnumerateArray().Select(s => s.GetString())),
                ws.Cell(r + 2, 10).GetString()
            );
        }
    }

    private static string Summary(JsonElement i) =>
        string.Join(
            '|',
            i.GetProperty("id").GetInt32(),
            i.GetProperty("name").GetString(),
            i.GetProperty("enterpriseName").GetString(),
            i.GetProperty("taxCode").GetString(),
            i.GetProperty("status").GetString(),
            string.Join(' ', i.GetProperty("years").EnumerateArray().Select(y => y.GetInt32())),
            string.Join(' ', i.GetProperty("top10Years").EnumerateArray().Select(y => y.GetInt32())),
            string.Join(' ', i.GetProperty("certificates").EnumerateArray().Select(x => x.GetString()))
        );
}

/// <summary>More than <see cref="DirectoryQueries.TotalCap"/> matches (its own database: the 1,005 products would slow
/// the
/// other tests down).</summary>
public sealed class DirectoryTotalCapTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<int> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task Past_a_thousand_matches_the_total_says_more_than_a_thousand_and_the_pages_go_on_by_cursor()
    {
        var template = await app.WithDbAsync(db => db.Recognitions.AsNoTracking().OrderBy(r => r.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            var products = Enumerable
                .Range(0, DirectoryQueries.TotalCap + 5)
                .Select(i => new Product
                {
                    EnterpriseId = template.EnterpriseId,
                    Name = $"Linh kiện hàng loạt {i:D4}",
                    CreatedAt = DateTimeOffset.UtcNow,
                })
                .ToList();
            db.Products.AddRange(products);
            await db.SaveChangesAsync();
            db.Recognitions.AddRange(
                products.Select(p => new Recognition
                {
                    DecisionId = template.DecisionId,
                    ProductId = p.Id,
                    EnterpriseId = p.EnterpriseId,
                    Year = template.Year,
                    ValidFrom = template.ValidFrom,
                    ValidTo = template.ValidTo,
                })
            );
            await db.SaveChangesAsync();
        });

        var first = await GetJsonAsync("/api/v1/products?q=linh+kien+hang+loat&pageSize=100");
        Assert.False(first.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(DirectoryQueries.TotalCap + 1, first.GetProperty("total").GetInt32());
        Assert.Equal(100, Ids(first).Count);
        // Offset pages stop at the counted matches; the cursor reaches the last product.
        Assert.Empty(Ids(await GetJsonAsync("/api/v1/products?q=linh+kien+hang+loat&pageSize=100&page=11")));
        var lastId = await app.WithDbAsync(db =>
            db.Products.Where(p => p.Name == "Linh kiện hàng loạt 1003").Select(p => p.Id).SingleAsync()
        );
        var tail = await GetJsonAsync($"/api/v1/products?q=linh+kien+hang+loat&pageSize=100&after={lastId}");
        Assert.Single(Ids(tail));
        Assert.Equal(JsonValueKind.Null, tail.GetProperty("next").ValueKind);
        // A narrower query is counted exactly again.
        var narrow = await GetJsonAsync("/api/v1/products?q=hang+loat+100&pageSize=100");
        Assert.True(narrow.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(5, narrow.GetProperty("total").GetInt32());

        using var c = TestClient.Anonymous(app);
        var html = await c.GetHtmlAsync("/Public/Directory?q=linh+kien+hang+loat");
        Assert.Contains("Hơn 1.000 sản phẩm", html);
        Assert.Contains("data-testid=\"next-page\"", html);
        // Numbered pages read the page from the query string (a bound "page" would be Razor Pages' route value).
        var second = await c.GetHtmlAsync("/Public/Directory?q=linh+kien+hang+loat&page=2");
        Assert.Contains("Linh kiện hàng loạt 0020", second);
        Assert.DoesNotContain("Linh kiện hàng loạt 0019", second);
    }
}
