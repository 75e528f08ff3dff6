using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Certificates;

[Collection("browser-2")]
public sealed class DirectoryJourneys(SecondBrowserFixture fx) : Journey(fx)
{
    private async Task<List<string>> SearchAsync(IPage page, string q)
    {
        await page.GotoAsync("/Public/Directory");
        await page.GetByLabel("Tìm sản phẩm, doanh nghiệp, mã số thuế").FillAsync(q);
        await page.GetByTestId("search").ClickAsync();
        await page.WaitForURLAsync("**/Public/Directory?**");
        return [.. await page.GetByTestId("directory-row").Locator("td:first-child a").AllInnerTextsAsync()];
    }

    [Fact]
    public async Task Search_finds_the_same_products_with_or_without_diacritics()
    {
        var page = await OpenAsync();
        var plain = await SearchAsync(page, "cap dien");
        Assert.NotEmpty(plain);
        Assert.Equal(plain, await SearchAsync(page, "CÁP ĐIỆN"));
        Assert.Equal(plain, await SearchAsync(page, "cáp điện"));
        Assert.Empty(await SearchAsync(page, "<script>alert(1)</script>"));
        await Assertions.Expect(page.GetByTestId("no-results")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_a_product_page_shows_its_recognitions()
    {
        var page = await OpenAsync();
        await page.GotoAsync("/Public/Directory");
        await page.GetByLabel("Năm công nhận").SelectOptionAsync("2021");
        await page.GetByLabel("Chỉ Top 10").CheckAsync();
        await page.GetByTestId("search").ClickAsync();
        await page.WaitForURLAsync("**top10=true**");
        await Assertions.Expect(page.GetByTestId("directory-row")).ToHaveCountAsync(2);
        await page.GetByLabel("Hiệu lực").SelectOptionAsync("revoked");
        await page.GetByLabel("Năm công nhận").SelectOptionAsync("");
        await page.GetByLabel("Chỉ Top 10").UncheckAsync();
        await page.GetByTestId("search").ClickAsync();
        await page.WaitForURLAsync("**status=revoked**");
        await Assertions.Expect(page.GetByTestId("directory-row")).ToHaveCountAsync(1);
        await page.GetByTestId("directory-row").Locator("td:first-child a").ClickAsync();
        await page.WaitForURLAsync("**/Public/Products/**");
        await Assertions.Expect(page.GetByTestId("revocation")).ToContainTextAsync("1187/QĐ-UBND");

        await page.GotoAsync("/Public/Directory?q=" + Uri.EscapeDataString("Cáp điện lực hạ thế"));
        await page.GetByTestId("directory-row").Locator("td:first-child a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("product-name")).ToContainTextAsync("Cáp điện lực hạ thế");
        await Assertions.Expect(page.GetByTestId("top10-badge")).ToContainTextAsync("Top 10 2021");
        await Assertions.Expect(page.GetByTestId("recognitions")).ToContainTextAsync("5012/QĐ-UBND");
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("directory-product.png"), FullPage = true });
    }

    private async Task<(string Valid, string Expired, string Revoked, string Payload)> SamplesAsync()
    {
        using var scope = Fx.App.Services.CreateScope();
        var q = scope.ServiceProvider.GetRequiredService<CertificateQueries>();
        var views = q.Views();
        var valid = await views
            .Where(c => c.Year == 2025 && !c.Superseded && c.RevokedAt == null && c.Kind == CertificateKind.Standard)
            .OrderBy(c => c.Id)
            .FirstAsync();
        var expired = await views.Where(c => c.Year == 2021).Select(c => c.Serial).FirstAsync();
        var revoked = await views.Where(c => c.RevokedAt != null).Select(c => c.Serial).FirstAsync();
        var payload = scope
            .ServiceProvider.GetRequiredService<CertificatePdf>()
            .QrPayload(valid, Fx.App.BaseUrl.ToString());
        return (valid.Serial, expired, revoked, payload);
    }

    [Fact]
    public async Task Verification_tells_valid_expired_revoked_and_forged_apart()
    {
        var (valid, expired, revoked, payload) = await SamplesAsync();
        var page = await OpenAsync();

        async Task<string?> VerifySerialAsync(string serial)
        {
            await page.GotoAsync("/Public/Verify");
            await page.GetByLabel("Số hiệu giấy chứng nhận").FillAsync(serial);
            await page.GetByTestId("verify").ClickAsync();
            return await page.GetByTestId("verify-result").GetAttributeAsync("data-outcome");
        }
        Assert.Equal("valid", await VerifySerialAsync(valid));
        Assert.Equal("expired", await VerifySerialAsync(expired));
        Assert.Equal("revoked", await VerifySerialAsync(revoked));
        await Assertions
            .Expect(page.GetByTestId("revocation"))
            .ToContainTextAsync("vi phạm quy định về bảo vệ môi trường");
        Assert.Equal("unknown", await VerifySerialAsync("GCN-1999-0001"));
        // a receipt code's format: never a certificate
        Assert.Equal("receipt", await VerifySerialAsync("SPCNCL-1999-0001"));

        // Scanning the QR opens the verification URL itself.
        await page.GotoAsync(payload);
        Assert.Equal("valid", await page.GetByTestId("verify-result").GetAttributeAsync("data-outcome"));
        await Assertions.Expect(page.GetByTestId("signature-valid")).ToBeVisibleAsync();

        // The same payload with one claim changed (another serial) keeps the old signature: forged.
        var jws = payload[(payload.IndexOf("p=", StringComparison.Ordinal) + 2)..];
        var parts = jws.Split('.');
        var claims = System
            .Text.Encoding.UTF8.GetString(CertificateSigner.FromBase64Url(parts[1]))
            .Replace(valid, expired, StringComparison.Ordinal);
        var forged =
            parts[0] + "." + CertificateSigner.Base64Url(System.Text.Encoding.UTF8.GetBytes(claims)) + "." + parts[2];
        await page.GotoAsync("/Public/Verify");
        await page.GetByLabel("Hoặc nội dung mã QR").FillAsync(forged);
        await page.GetByTestId("verify").ClickAsync();
        Assert.Equal("forged", await page.GetByTestId("verify-result").GetAttributeAsync("data-outcome"));
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("verify-forged.png"), FullPage = true });
    }
}
