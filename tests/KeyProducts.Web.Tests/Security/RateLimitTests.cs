using System.Net;
using System.Text.Json;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KeyProducts.Web.Tests.Security;

/// <summary>Abuse-prone actions are limited per client: 429 with Retry-After, a localized page (JSON under
/// /api).</summary>
public sealed class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Too_many_sign_ins_from_one_client_get_429_with_retry_after_and_a_localized_page()
    {
        using var c = app.ClientFrom("203.0.113.20");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await c.LoginAsync("ai-do@vidu.vn", "Mot mat khau dai " + i)).StatusCode);
        var limited = await c.LoginAsync(AccountsSeeder.LeaderEmail, AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Contains(
            "Bạn đã gửi quá nhiều yêu cầu",
            WebUtility.HtmlDecode(await limited.Content.ReadAsStringAsync())
        );

        // Reading the form is not limited, and another client still signs in.
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Account/Login")).StatusCode);
        using var other = app.ClientFrom("198.51.100.20");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await other.LoginAsync(AccountsSeeder.LeaderEmail, AccountsSeeder.DemoPassword)).StatusCode
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_public_search_api_answers_429_as_problem_json_in_english_when_asked()
    {
        using var c = app.ClientFrom("203.0.113.21");
        c.Http.DefaultRequestHeaders.Add("Cookie", ".KeyProducts.Culture=en");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/products?q=cap" + i)).StatusCode);
        var limited = await c.GetAsync("/api/v1/products?q=cap");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Certificate_verification_is_limited_too()
    {
        using var c = app.ClientFrom("203.0.113.22");
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await c.GetAsync("/Public/Verify?code=X" + i)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await c.GetAsync("/Public/Verify?code=X")).StatusCode);
    }

    [Fact]
    public async Task The_dossier_status_lookup_is_limited_per_client()
    {
        using var c = app.ClientFrom("203.0.113.23");
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "SPCNCL-2020-0001",
            ["Input.TaxCode"] = "0100233488",
        };
        for (var i = 0; i < 3; i++)
            Assert.Equal(
                HttpStatusCode.OK,
                (await c.PostFormAsync("/Public/Status", "/Public/Status", fields)).StatusCode
            );
        Assert.Equal(
            HttpStatusCode.TooManyRequests,
            (await c.PostFormAsync("/Public/Status", "/Public/Status", fields)).StatusCode
        );
        // Reading the form stays free.
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Public/Status")).StatusCode);
    }
}
