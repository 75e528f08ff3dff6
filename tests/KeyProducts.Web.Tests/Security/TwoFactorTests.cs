using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KeyProducts.Web.Tests.Security;

/// <summary>The app as in production: two-factor sign-in required for officers and administrators.</summary>
public sealed class StaffTwoFactorFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForStaff", "true");
    }
}

public sealed partial class TwoFactorTests(StaffTwoFactorFactory app) : IClassFixture<StaffTwoFactorFactory>
{
    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col\"><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryPattern();

    private static string Summary(string html) =>
        Regex.Match(WebUtility.HtmlDecode(html), "error-summary.{0,600}", RegexOptions.Singleline).Value;

    private static async Task<(string Key, string[] Codes)> SetUpAsync(TestClient c)
    {
        var html = await c.GetHtmlAsync("/Account/TwoFactor/Setup");
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var key = KeyPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(key);
        var wrong = await c.PostFormAsync(
            "/Account/TwoFactor/Setup",
            "/Account/TwoFactor/Setup",
            new() { ["Code"] = "000000" }
        );
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(
            "Mã xác thực không đúng",
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        var ok = await c.PostFormAsync(
            "/Account/TwoFactor/Setup",
            "/Account/TwoFactor/Setup",
            new() { ["Code"] = Totp.Now(key) }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var codes = RecoveryPattern()
            .Matches(await c.GetHtmlAsync(ok.Headers.Location!.OriginalString))
            .Select(m => m.Groups[1].Value)
            .ToArray();
        Assert.Equal(10, codes.Length);
        return (key, codes);
    }

    [Fact]
    public async Task An_officer_without_two_factor_is_sent_to_set_it_up_before_anything_else()
    {
        using var c = TestClient.Anonymous(app);
        var login = await c.LoginAsync(AccountsSeeder.AdminEmail, AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        foreach (var url in new[] { "/Admin", "/Secretariat", "/Account/ChangePassword" })
        {
            var r = await c.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/Account/TwoFactor/Setup", r.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/v1/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/")).StatusCode);
        Assert.Contains(
            "phải bật xác thực hai lớp",
            await c.GetHtmlAsync("/Account/TwoFactor/Setup"),
            StringComparison.Ordinal
        );

        await SetUpAsync(c);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Admin")).StatusCode);
        // Staff may not turn it off while it is required.
        await c.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=Disable", []);
        Assert.Contains("Đang bật.", await c.GetHtmlAsync("/Account/TwoFactor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_users_are_offered_two_factor_and_then_sign_in_with_a_code_or_a_recovery_code()
    {
        const string email = AccountsSeeder.OtherEnterpriseEmail;
        using (var c = await TestClient.LoggedInAsync(app, email))
        {
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Portal")).StatusCode); // not forced
            Assert.Contains("Đang tắt.", await c.GetHtmlAsync("/Account/TwoFactor"), StringComparison.Ordinal);
            var (key, codes) = await SetUpAsync(c);
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Portal")).StatusCode); // this session goes on

            using var second = TestClient.Anonymous(app);
            var step1 = await second.LoginAsync(email, AccountsSeeder.DemoPassword);
            Assert.StartsWith(
                "/Account/LoginWith2fa",
                step1.Headers.Location?.OriginalString,
                StringComparison.Ordinal
            );
            // a password alone opens nothing
            Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/Portal")).StatusCode);
            var bad = await second.PostFormAsync(
                "/Account/LoginWith2fa",
                "/Account/LoginWith2fa",
                new() { ["Code"] = "123 456" }
            );
            Assert.Contains(
                "Mã xác thực không đúng.",
                WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()),
                StringComparison.Ordinal
            );
            var step2 = await second.PostFormAsync(
                "/Account/LoginWith2fa",
                "/Account/LoginWith2fa",
                new() { ["Code"] = Totp.Now(key) }
            );
            Assert.True(
                step2.StatusCode == HttpStatusCode.Redirect,
                $"{step2.StatusCode}: {Summary(await step2.Content.ReadAsStringAsync())}"
            );
            Assert.Equal("/Portal", step2.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Portal")).StatusCode);

            using var third = TestClient.Anonymous(app);
            await third.LoginAsync(email, AccountsSeeder.DemoPassword);
            var recovered = await third.PostFormAsync(
                "/Account/LoginWithRecoveryCode",
                "/Account/LoginWithRecoveryCode",
                new() { ["Code"] = codes[0] }
            );
            Assert.Equal("/Portal", recovered.Headers.Location?.OriginalString);
            using var fourth = TestClient.Anonymous(app);
            await fourth.LoginAsync(email, AccountsSeeder.DemoPassword);
            var reused = await fourth.PostFormAsync(
                "/Account/LoginWithRecoveryCode",
                "/Account/LoginWithRecoveryCode",
                new() { ["Code"] = codes[0] }
            );
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains(
                "đã được dùng",
                WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()),
                StringComparison.Ordinal
            );

            var off = await c.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor?handler=Disable", []);
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
            Assert.Contains("Đang tắt.", await c.GetHtmlAsync("/Account/TwoFactor"), StringComparison.Ordinal);
        }
        using var plain = TestClient.Anonymous(app);
        Assert.Equal(
            "/Portal",
            (await plain.LoginAsync(email, AccountsSeeder.DemoPassword)).Headers.Location?.OriginalString
        );
        Assert.Empty(app.Logs.Errors);
    }
}
