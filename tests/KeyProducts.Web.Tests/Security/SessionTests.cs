using System.Net;
using System.Net.Http.Json;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Security;

/// <summary>Sessions end on the server; private answers are not cached; cookie-authenticated API writes need the
/// antiforgery header; return URLs stay on the site.</summary>
public sealed class SessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Uri Base = new("http://localhost");

    /// <summary>Signs in through the form and returns the client plus the cookie header it was given.</summary>
    private async Task<(TestClient Client, CookieContainer Jar)> SignInAsync(
        string email,
        string password = AccountsSeeder.DemoPassword
    )
    {
        var jar = new CookieContainer();
        var c = new TestClient(app.CreateDefaultClient(Base, new CookieContainerHandler(jar)));
        var r = await c.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (c, jar);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookieHeader, string url)
    {
        using var raw = app.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }
        );
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await raw.SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_replayed_after_signing_out_opens_nothing()
    {
        var (c, jar) = await SignInAsync(AccountsSeeder.EnterpriseEmail);
        var cookie = jar.GetCookieHeader(Base);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/Portal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie, "/api/v1/enterprises/me")).StatusCode);

        var logout = await c.PostFormAsync("/Account/Logout", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var portal = await ReplayAsync(cookie, "/Portal");
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.Contains("/Account/Login", portal.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(cookie, "/api/v1/enterprises/me")).StatusCode);
        c.Dispose();
        // Signing in again works as before.
        var (again, _) = await SignInAsync(AccountsSeeder.EnterpriseEmail);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Portal")).StatusCode);
        again.Dispose();
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        const string email = "hoidong2@spcncl.demo.vn";
        var (laptop, _) = await SignInAsync(email);
        var (phone, _) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Council")).StatusCode);

        var changed = await laptop.PostFormAsync(
            "/Account/ChangePassword",
            "/Account/ChangePassword",
            new()
            {
                ["Input.CurrentPassword"] = AccountsSeeder.DemoPassword,
                ["Input.NewPassword"] = "Hoi dong 2 moi 2026",
                ["Input.ConfirmPassword"] = "Hoi dong 2 moi 2026",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Council")).StatusCode);
        var stale = await phone.GetAsync("/Council");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/Account/Login", stale.Headers.Location?.ToString(), StringComparison.Ordinal);
        laptop.Dispose();
        phone.Dispose();
    }

    [Fact]
    public async Task Resetting_the_password_ends_every_session()
    {
        const string email = "hoidong3@spcncl.demo.vn";
        var (c, _) = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Council")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Assert.True((await users.ResetPasswordAsync(user, token, "Dat lai mat khau 2026")).Succeeded);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await c.GetAsync("/Council")).StatusCode);
        c.Dispose();
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/Portal\r\nSet-Cookie: x=1")]
    public async Task A_return_url_with_a_tab_or_newline_stays_on_the_site(string returnUrl)
    {
        using var anon = TestClient.Anonymous(app);
        var culture = await anon.PostFormAsync(
            "/Account/Login",
            "/culture",
            new() { ["lang"] = "en", ["returnUrl"] = returnUrl }
        );
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location?.OriginalString);

        var page = await anon.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var login = await anon.PostFormAsync(
            "/Account/Login",
            "/Account/Login",
            new()
            {
                ["Input.Email"] = AccountsSeeder.LeaderEmail,
                ["Input.Password"] = AccountsSeeder.DemoPassword,
                ["ReturnUrl"] = returnUrl,
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/Leaders", login.Headers.Location?.OriginalString);
        Assert.Empty(app.Logs.Errors);
    }

    [Theory]
    [InlineData("/api/v1/enterprises/me")]
    [InlineData("/api/v1/dossiers")]
    [InlineData("/Portal")]
    public async Task Private_answers_are_not_stored_by_caches(string url)
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(r.Headers.CacheControl?.NoStore, $"{url}: Cache-Control is '{r.Headers.CacheControl}'");
    }

    [Fact]
    public async Task A_public_answer_may_be_cached()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.False(r.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task A_cookie_authenticated_api_write_needs_the_antiforgery_header()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var product = new { name = "Máy hàn laser cầm tay", isHighTech = false };
        var refused = await c.Http.PostAsJsonAsync("/api/v1/enterprises/me/products", product);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            0,
            await app.WithDbAsync(db => Task.FromResult(db.Products.Count(p => p.Name == "Máy hàn laser cầm tay")))
        );

        await c.UseApiAntiforgeryAsync();
        var created = await c.Http.PostAsJsonAsync("/api/v1/enterprises/me/products", product);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
