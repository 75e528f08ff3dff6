using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Certificates;

/// <summary>The public directory API contract, its filters, diacritics-insensitive search and hostile input.</summary>
public sealed class DirectoryApiTests(AppFactory app) : IClassFixture<AppFactory>
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
    public async Task Products_list_follows_the_published_contract()
    {
        var page = await GetJsonAsync("/api/v1/products?pageSize=5&page=1");
        Assert.True(page.GetProperty("total").GetInt32() >= 15);
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        var item = page.GetProperty("items")[0];
        foreach (
            var key in new[]
            {
                "id",
                "name",
                "enterpriseName",
                "taxCode",
                "sector",
                "years",
                "top10Years",
                "status",
                "certificates",
            }
        )
            Assert.True(item.TryGetProperty(key, out _), key);
        Assert.Contains(item.GetProperty("status").GetString(), new[] { "valid", "expired", "revoked" });
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Search_ignores_diacritics_case_and_unicode_form()
    {
        var forms = new[]
        {
            "cap dien",
            "CÁP ĐIỆN",
            "cáp điện",
            "cáp điện".Normalize(NormalizationForm.FormD),
            "Cáp Điện",
        };
        var results = new List<List<int>>();
        foreach (var q in forms)
            results.Add(Ids(await GetJsonAsync("/api/v1/products?q=" + Uri.EscapeDataString(q))));
        Assert.NotEmpty(results[0]);
        Assert.All(results, r => Assert.Equal(results[0], r));
        var page = await GetJsonAsync("/api/v1/products?q=" + Uri.EscapeDataString("cap dien"));
        Assert.All(page.GetProperty("items").EnumerateArray(), i =>
            Assert.Contains(
                "cáp điện",
                (
                    i.GetProperty("name").GetString() + " " + i.GetProperty("enterpriseName").GetString()
                ).ToLowerInvariant()
            )
        );
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE \"Products\"; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("🔥🏭 sản phẩm 🇻🇳")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task Hostile_search_input_gives_an_empty_list_not_an_error(string q)
    {
        var page = await GetJsonAsync("/api/v1/products?q=" + Uri.EscapeDataString(q));
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        using var c = TestClient.Anonymous(app);
        var response = await c.GetAsync("/Public/Directory?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("data-testid=\"no-results\"", html);
    }

    [Fact]
    public async Task A_very_long_query_or_absurd_paging_is_answered_normally()
    {
        var page = await GetJsonAsync("/api/v1/products?q=" + new string('a', 3000) + "&page=-5&pageSize=100000");
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        var clamped = await GetJsonAsync(
            "/api/v1/products?page=abc&pageSize=100000&year=zzz&top10=maybe&status=%3Cb%3E"
        );
        Assert.Equal(100, clamped.GetProperty("pageSize").GetInt32());
        Assert.True(clamped.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task Filters_by_year_top10_status_sector_and_commune()
    {
        var y2021 = await GetJsonAsync("/api/v1/products?year=2021&pageSize=100");
        Assert.Equal(5, y2021.GetProperty("total").GetInt32());
        Assert.All(y2021.GetProperty("items").EnumerateArray(), i =>
            Assert.Contains(2021, i.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()))
        );

        var top = await GetJsonAsync("/api/v1/products?top10=true&pageSize=100");
        Assert.NotEqual(0, top.GetProperty("total").GetInt32());
        Assert.All(top.GetProperty("items").EnumerateArray(), i =>
            Assert.NotEqual(0, i.GetProperty("top10Years").GetArrayLength())
        );

        foreach (var status in new[] { "valid", "expired", "revoked" })
        {
            var s = await GetJsonAsync($"/api/v1/products?status={status}&pageSize=100");
            Assert.NotEqual(0, s.GetProperty("total").GetInt32());
            Assert.All(s.GetProperty("items").EnumerateArray(), i =>
                Assert.Equal(status, i.GetProperty("status").GetString())
            );
        }

        var sector = await GetJsonAsync("/api/v1/products?sector=DDT&pageSize=100");
        Assert.All(sector.GetProperty("items").EnumerateArray(), i =>
            Assert.Equal("Điện - điện tử", i.GetProperty("sector").GetString())
        );

        using var c = TestClient.Anonymous(app);
        var batTrang = await app.WithDbAsync(db =>
            db.Enterprises.Where(e => e.TaxCode == "0104567890").Select(e => e.HeadOffice.CommuneCode).SingleAsync()
        );
        var html = await c.GetHtmlAsync("/Public/Directory?commune=" + batTrang);
        Assert.Contains("Gốm sứ Bát Tràng Xanh", html);
        Assert.DoesNotContain("Cáp điện Sông Hồng", html);
    }

    [Fact]
    public async Task Product_detail_lists_its_recognitions_with_decision_and_validity()
    {
        var page = await GetJsonAsync("/api/v1/products?q=" + Uri.EscapeDataString("Cáp điện lực hạ thế"));
        var id = Ids(page).Single();
        var p = await GetJsonAsync($"/api/v1/products/{id}");
        var recs = p.GetProperty("recognitions").EnumerateArray().ToList();
        Assert.Contains(recs, r =>
            r.GetProperty("decision").GetString() == "5012/QĐ-UBND"
            && r.GetProperty("decisionDate").GetString() == "2021-11-26"
        );
        Assert.All(recs, r => Assert.True(r.TryGetProperty("validTo", out _)));
        using var c = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/products/999999")).StatusCode);
    }

    [Fact]
    public async Task Open_data_files_hold_the_whole_directory()
    {
        var total = (await GetJsonAsync("/api/v1/products")).GetProperty("total").GetInt32();
        using var c = TestClient.Anonymous(app);
        var csv = await (await c.GetAsync("/open-data/products.csv")).Content.ReadAsStringAsync();
        Assert.Equal(total + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Cáp điện lực hạ thế", csv);
        var json = JsonDocument.Parse(
            await c.Http.GetStringAsync(new Uri("/open-data/products.json", UriKind.Relative))
        );
        Assert.Equal(total, json.RootElement.GetArrayLength());
        var xlsx = await c.Http.GetByteArrayAsync(new Uri("/open-data/products.xlsx", UriKind.Relative));
        using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx));
        Assert.Equal(total + 1, wb.Worksheet(1).LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_public_endpoints()
    {
        using var c = TestClient.Anonymous(app);
        var doc = await c.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        foreach (
            var path in new[]
            {
                "/api/v1/products",
                "/api/v1/products/{id}",
                "/api/v1/certificates/{serial}",
                "/api/v1/certificates/verify",
                "/.well-known/jwks.json",
                "/open-data/products.csv",
            }
        )
            Assert.Contains($"\"{path}\"", doc);
    }

    [Fact]
    public async Task Directory_page_runs_the_same_number_of_queries_for_one_row_or_many()
    {
        using var c = TestClient.Anonymous(app);
        // The filter lists (years, sectors, communes) are read once per state of the directory: warm them first.
        await c.GetHtmlAsync("/Public/Directory?q=warm");
        using (app.Queries.Start())
            Assert.Contains(
                "Khuôn mẫu",
                await c.GetHtmlAsync("/Public/Directory?q=" + Uri.EscapeDataString("Khuôn mẫu"))
            );
        var one = app.Queries.Count;
        using (app.Queries.Start())
            await c.GetHtmlAsync("/Public/Directory");
        var many = app.Queries.Count;
        Assert.True(one > 0);
        Assert.Equal(one, many);
    }

    [Fact]
    public async Task Public_directory_pages_are_fully_translated_into_english()
    {
        using var c = TestClient.Anonymous(app);
        var id = Ids(await GetJsonAsync("/api/v1/products?status=revoked")).First();
        var enterprise = (await GetJsonAsync($"/api/v1/products/{id}")).GetProperty("enterpriseId").GetInt32();
        foreach (
            var url in new[]
            {
                "/Public/Directory?lang=en&sort=year",
                $"/Public/Products/{id}?lang=en",
                $"/Public/Enterprises/{enterprise}?lang=en",
                "/Public/Verify?lang=en&serial=NOPE",
                "/Public/Verify?lang=en&p=a.b.c",
                "/Public/SigningKey?lang=en",
            }
        )
        {
            var html = await c.GetHtmlAsync(url);
            Assert.Contains("<html lang=\"en\">", html);
        }
        var table = app.Services.GetRequiredService<KeyProducts.Web.Infrastructure.Localization.TranslationTable>();
        Assert.True(table.Missing.IsEmpty, "Missing English translations:\n" + string.Join("\n", table.Missing.Keys));
    }
}
