using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>An HTTP client that behaves like a browser without JavaScript: cookies, forms with antiforgery
/// tokens.</summary>
public sealed partial class TestClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static TestClient Anonymous(WebApplicationFactory<Program> factory) =>
        new(
            factory.CreateClient(
                new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
            )
        );

    public static async Task<TestClient> LoggedInAsync(
        WebApplicationFactory<Program> factory,
        string email,
        string password = AccountsSeeder.DemoPassword
    )
    {
        var c = Anonymous(factory);
        var response = await c.LoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode}");
        return c;
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        await PostFormAsync(
            "/Account/Login",
            "/Account/Login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password }
        );

    /// <summary>Fetches the antiforgery token for API calls and sends it in X-CSRF-TOKEN from now on, as a signed-in
    /// browser script would.</summary>
    public async Task UseApiAntiforgeryAsync()
    {
        var r = await GetAsync("/api/v1/antiforgery");
        r.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.RootElement.GetProperty("token").GetString());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Switches this client to English through the language form, as the switch in the header does.</summary>
    public async Task UseEnglishAsync()
    {
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string> { ["lang"] = "en", ["returnUrl"] = "/" }
        );
        var r = await Http.PostAsync(new Uri("/culture", UriKind.Relative), form);
        if (r.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"POST /culture → {(int)r.StatusCode}");
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        var r = await GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} → {(int)r.StatusCode}");
        return WebUtility.HtmlDecode(body);
    }

    /// <summary>GETs the page holding the form, takes its antiforgery token (and its concurrency stamp, when the form
    /// has one
    /// and the test does not set it), and posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string formPage,
        string action,
        Dictionary<string, string> fields
    )
    {
        var page = await GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken(html)
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage} ({(int)page.StatusCode})");
        if (!fields.ContainsKey("Stamp") && Stamp(html) is { } stamp)
            fields = new(fields) { ["Stamp"] = stamp };
        return await PostWithTokenAsync(action, token, fields);
    }

    /// <summary>The dossier version a section form was loaded with (its hidden Stamp field).</summary>
    public static string? Stamp(string html) =>
        StampPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"Stamp\" value=\"(\\d+)\"")]
    private static partial Regex StampPattern();

    public async Task<HttpResponseMessage> PostWithTokenAsync(
        string action,
        string token,
        Dictionary<string, string> fields
    )
    {
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static string? AntiforgeryToken(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    public void Dispose() => Http.Dispose();
}
