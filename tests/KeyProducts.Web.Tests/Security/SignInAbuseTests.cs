using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Security;
using KeyProducts.Web.Tests.Infrastructure;

namespace KeyProducts.Web.Tests.Security;

/// <summary>Guessing passwords locks out the guesser, not the account; the sign-in form and the password rules tell
/// nothing about which accounts exist; common and short passwords are refused.</summary>
public sealed partial class SignInAbuseTests(ClientAddressFactory app) : IClassFixture<ClientAddressFactory>
{
    private static async Task<string> ErrorOfAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        return Summary().Match(html) is { Success: true } m
            ? m.Groups[1].Value.Trim()
            : throw new InvalidOperationException("no error summary");
    }

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex Summary();

    [Fact]
    public async Task Repeated_failures_lock_out_the_guessing_client_but_not_the_owner_elsewhere()
    {
        const string victim = "hoidong3@spcncl.demo.vn";
        using var attacker = app.ClientFrom("203.0.113.66");
        for (var i = 0; i < 5; i++)
            await attacker.LoginAsync(victim, "Doan bua " + i);
        var blocked = await attacker.LoginAsync(victim, AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode); // no session, even with the right password
        Assert.Contains("thử lại sau 15 phút", await ErrorOfAsync(blocked), StringComparison.Ordinal);

        using var owner = app.ClientFrom("198.51.100.7");
        var r = await owner.LoginAsync(victim, AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/Council", r.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_an_unknown_email_a_wrong_password_and_a_blocked_client()
    {
        using var c = app.ClientFrom("203.0.113.10");
        var unknown = await ErrorOfAsync(await c.LoginAsync("khong-ton-tai@vidu.vn", "Mot mat khau dai 2026"));
        var wrong = await ErrorOfAsync(await c.LoginAsync(AccountsSeeder.LeaderEmail, "Mot mat khau dai 2026"));
        Assert.Equal(unknown, wrong);
        for (var i = 0; i < 5; i++)
            await c.LoginAsync("khong-ton-tai@vidu.vn", "sai " + i);
        Assert.Equal(unknown, await ErrorOfAsync(await c.LoginAsync("khong-ton-tai@vidu.vn", "Mot mat khau dai 2026")));
        Assert.DoesNotContain("khóa do đăng nhập sai", unknown, StringComparison.Ordinal);
        Assert.Empty(app.Logs.Errors);
    }

    [Theory]
    [InlineData("Ngan@2026", "ít nhất 12 ký tự")]
    [InlineData("password1234", "quá phổ biến")]
    [InlineData("Qwertyuiop123", "quá phổ biến")]
    public async Task A_new_password_must_be_long_and_not_common(string password, string message)
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.CouncilEmail);
        var r = await c.PostFormAsync(
            "/Account/ChangePassword",
            "/Account/ChangePassword",
            new()
            {
                ["Input.CurrentPassword"] = AccountsSeeder.DemoPassword,
                ["Input.NewPassword"] = password,
                ["Input.ConfirmPassword"] = password,
            }
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_common_password_list_ships_with_the_app_and_holds_more_than_100000_entries()
    {
        Assert.True(CommonPasswords.ShippedCount >= 100_000, $"{CommonPasswords.ShippedCount} entries");
        Assert.True(CommonPasswords.Contains("PASSWORD1234"));
        Assert.False(CommonPasswords.Contains("Cáp điện Sông Hồng 2026"));
    }
}

/// <summary>Registering with an e-mail that already has an account answers exactly like a new registration.</summary>
[LongRunning(15)]
public sealed class RegistrationEnumerationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_with_a_known_email_looks_like_a_new_registration_and_only_mails_the_owner()
    {
        using var fresh = TestClient.Anonymous(app);
        var created = await fresh.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            Enterprises.RegistrationForm.Fields("0100233488", "moi-toanh@vidu.vn")
        );
        using var probe = TestClient.Anonymous(app);
        var known = await probe.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            Enterprises.RegistrationForm.Fields("0314409058", AccountsSeeder.LeaderEmail)
        );

        Assert.Equal(created.StatusCode, known.StatusCode);
        Assert.Equal(created.Headers.Location, known.Headers.Location);
        Assert.False(
            created.Headers.TryGetValues("Set-Cookie", out var c1)
                && c1.Any(v => v.StartsWith(".KeyProducts.Auth", StringComparison.Ordinal))
        );
        Assert.False(
            known.Headers.TryGetValues("Set-Cookie", out var c2)
                && c2.Any(v => v.StartsWith(".KeyProducts.Auth", StringComparison.Ordinal))
        );
        Assert.Contains(
            "Đã nhận đăng ký",
            WebUtility.HtmlDecode(await (await probe.GetAsync("/Account/Register/Done")).Content.ReadAsStringAsync())
        );

        Assert.False(
            await app.WithDbAsync(db =>
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Enterprises, e =>
                    e.TaxCode == "0314409058"
                )
            )
        );
        var mail = await app.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Outbox, m =>
                m.To == AccountsSeeder.LeaderEmail
            )
        );
        Assert.Contains("đã có tài khoản", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_is_refused_the_same_way_for_a_known_and_an_unknown_email()
    {
        using var c = TestClient.Anonymous(app);
        string Error(string html) =>
            Regex.Match(WebUtility.HtmlDecode(html), "<li>\\s*<a href=\"#Input_Password\">([^<]+)</a>").Groups[1].Value;
        var f1 = Enterprises.RegistrationForm.Fields("0100112437", "khac-han@vidu.vn");
        var f2 = Enterprises.RegistrationForm.Fields("0100112437", AccountsSeeder.LeaderEmail);
        foreach (var f in new[] { f1, f2 })
            f["Input.Password"] = f["Input.ConfirmPassword"] = "password1234";
        var r1 = await c.PostFormAsync("/Account/Register", "/Account/Register", f1);
        var html = await r1.Content.ReadAsStringAsync();
        var a = Error(html);
        var b = Error(
            await (await c.PostFormAsync("/Account/Register", "/Account/Register", f2)).Content.ReadAsStringAsync()
        );
        Assert.True(
            a.Contains("quá phổ biến", StringComparison.Ordinal),
            $"{r1.StatusCode} {r1.Headers.Location}: "
                + $"{Regex.Match(WebUtility.HtmlDecode(html), "error-summary.{0,800}", RegexOptions.Singleline).Value}"
        );
        Assert.Equal(a, b);
    }
}
