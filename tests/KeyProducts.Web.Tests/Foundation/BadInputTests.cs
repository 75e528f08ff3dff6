using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Bad input — forms, uploads, API bodies, URLs — gets a 4xx or the form back with a message; never a 500, a
/// stack
/// trace or a server error in the log. The pages and endpoints are discovered from the app's endpoints, so a new
/// handler is
/// covered without being listed here.</summary>
[LongRunning(50)]
public sealed partial class BadInputTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Missing = "99999999";

    private static readonly string[] Hostile =
    [
        new string('Đ', 5000),
        "<script>alert(1)</script>' OR 1=1 -- 😀🇻🇳",
        "-1",
        "999999999999",
        "abc",
        "31/02/2026",
        // Numbers past every integer type: 20 digits (past long) and a very long one, with and without decimals.
        "99999999999999999999",
        new string('9', 400),
        "1" + new string('0', 40) + ",125",
    ];

    [Theory]
    [InlineData("/Portal")]
    [InlineData("/Secretariat")]
    [InlineData("/Council")]
    [InlineData("/Admin")]
    [InlineData("/Leaders")]
    [InlineData("/Public")]
    [InlineData("/Account")]
    public async Task Bad_form_posts_and_urls_never_give_a_server_error(string area)
    {
        var pages = (await HandlerCatalog.PagesAsync(app.Services))
            .Where(p => p.Path.StartsWith(area + "/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pages);
        var ids = await SeededIdsAsync();
        var failures = new List<string>();
        var clients = new Dictionary<string, TestClient>();
        app.Logs.Clear();
        try
        {
            foreach (var page in pages)
            {
                var role = RoleFor(page.Path);
                // Logging out ends the session the other pages use.
                var c =
                    page.Path.EndsWith("/Logout", StringComparison.Ordinal) ? await ClientAsync(role)
                    : clients.TryGetValue(role, out var cached) ? cached
                    : clients[role] = await ClientAsync(role);
                await FuzzPageAsync(c, page, ids, failures);
                if (page.Path.EndsWith("/Logout", StringComparison.Ordinal))
                    c.Dispose();
            }
        }
        finally
        {
            foreach (var c in clients.Values)
                c.Dispose();
        }
        output.WriteLine(
            $"{pages.Count} pages, {pages.Sum(p => p.Handlers.Count)} POST handlers; responses: {Tally()}"
        );
        output.WriteLine("Refused through the error page:\n" + string.Join("\n", _refusals));
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} bad inputs went wrong:\n" + string.Join("\n", failures.Distinct().Take(400))
        );
    }

    [Fact]
    public async Task Bad_api_requests_get_a_4xx_never_a_500()
    {
        var endpoints = HandlerCatalog.Api(app.Services, "/api/v1");
        Assert.Contains(endpoints, e => e.Method == "PUT");
        var failures = new List<string>();
        app.Logs.Clear();
        foreach (
            var role in new[]
            {
                "",
                AccountsSeeder.EnterpriseEmail,
                AccountsSeeder.OfficerEmail,
                AccountsSeeder.CouncilEmail,
            }
        )
        {
            using var c = await ClientAsync(role);
            if (role.Length > 0)
                await c.UseApiAntiforgeryAsync();
            foreach (var e in endpoints)
            {
                var who = role.Length == 0 ? "anonymous" : role;
                var routeValues =
                    e.Route.Parameters.Count == 0
                        ? [""]
                        : new[] { "1", Missing, "0", "-1", "99999999999999", "abc", new string('x', 3000), "<script>" };
                foreach (var v in routeValues)
                    await CheckAsync(
                        $"{who}: {e.Method} {ApiUrl(e.Route, v)}",
                        await SendAsync(c, e.Method, ApiUrl(e.Route, v), e.BodyType is null ? null : Json("{}")),
                        failures
                    );
                foreach (var v in e.QueryNames.Count == 0 ? [] : Hostile)
                {
                    var url =
                        ApiUrl(e.Route, "1")
                        + "?"
                        + string.Join("&", e.QueryNames.Select(n => $"{n}={Uri.EscapeDataString(v)}"));
                    await CheckAsync(
                        $"{who}: {e.Method} {url[..Math.Min(url.Length, 120)]}",
                        await SendAsync(c, e.Method, url, e.BodyType is null ? null : Json("{}")),
                        failures
                    );
                }
                if (e.Method is "GET" or "HEAD")
                    continue;
                foreach (var (label, body) in Bodies(e.BodyType))
                foreach (var v in new[] { "1", Missing })
                    await CheckAsync(
                        $"{who}: {e.Method} {ApiUrl(e.Route, v)} with {label}",
                        await SendAsync(c, e.Method, ApiUrl(e.Route, v), body()),
                        failures
                    );
            }
        }
        output.WriteLine($"{endpoints.Count} endpoints; responses: {Tally()}");
        output.WriteLine("Refused through the error page:\n" + string.Join("\n", _refusals));
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} bad API requests went wrong:\n" + string.Join("\n", failures.Distinct().Take(400))
        );
    }

    private async Task FuzzPageAsync(TestClient c, PageForm page, SeededIds ids, List<string> failures)
    {
        var plausible = ids.For(page.Path);
        var url = PageUrl(page, plausible);
        var get = await c.GetAsync(url);
        var html = await get.Content.ReadAsStringAsync();
        await CheckAsync($"GET {url}", get, html, failures);
        // A page without route values or query names has one URL, already fetched above.
        var fetched = new HashSet<string>(StringComparer.Ordinal) { url };
        foreach (var v in Hostile.Append(Missing))
        {
            var bad = PageUrl(
                page,
                plausible.ToDictionary(kv => kv.Key, _ => v, StringComparer.OrdinalIgnoreCase),
                page.GetNames.ToDictionary(n => n, _ => v)
            );
            if (fetched.Add(bad))
                await CheckAsync($"GET {Short(bad)}", await c.GetAsync(bad), failures);
        }
        if (page.Handlers.Count == 0)
            return;

        var token = TestClient.AntiforgeryToken(html)
            ?? TestClient.AntiforgeryToken(await (await c.GetAsync("/Account/Login")).Content.ReadAsStringAsync())
            ?? throw new InvalidOperationException($"No antiforgery token for {page.Path}");
        var missingIds = plausible.ToDictionary(kv => kv.Key, _ => Missing, StringComparer.OrdinalIgnoreCase);
        foreach (var h in page.Handlers)
        {
            string Post(Dictionary<string, string> route) =>
                PageUrl(page, route) is var u && h.Name is null
                    ? u
                    : u + (u.Contains('?') ? "&" : "?") + "handler=" + h.Name;
            var at = $"POST {page.Path}{(h.Name is null ? "" : "?handler=" + h.Name)}";
            await CheckAsync($"{at} empty", await c.PostWithTokenAsync(Post(plausible), token, []), failures);
            foreach (var v in Hostile)
                await CheckAsync(
                    $"{at} all fields '{v[..Math.Min(v.Length, 20)]}'",
                    await c.PostWithTokenAsync(Post(plausible), token, h.Fields.ToDictionary(f => f.Name, _ => v)),
                    failures
                );
            await CheckAsync(
                $"{at} well-formed, ids of nothing",
                await c.PostWithTokenAsync(Post(plausible), token, WellFormed(h, Missing)),
                failures
            );
            await CheckAsync(
                $"{at} on a missing record",
                await c.PostWithTokenAsync(Post(missingIds), token, WellFormed(h, "1")),
                failures
            );
            if (ids.Foreign(page.Path) is { } foreign)
                await CheckAsync(
                    $"{at} on another enterprise's record",
                    await c.PostWithTokenAsync(Post(foreign), token, WellFormed(h, "1")),
                    failures
                );
            foreach (var file in h.FileFields)
                await CheckAsync(
                    $"{at} with a junk {file}",
                    await PostFileAsync(c, Post(plausible), token, h, file),
                    failures
                );
        }
    }

    /// <summary>Values of the right shape (numbers, dates, booleans) so the handler gets past binding; fields naming a
    /// record get <paramref name="id"/>.</summary>
    private static Dictionary<string, string> WellFormed(PostHandler h, string id) =>
        h.Fields.ToDictionary(
            f => f.Name,
            f =>
            {
                var t = Nullable.GetUnderlyingType(f.Type) ?? f.Type;
                if (
                    f.Name.EndsWith("Id", StringComparison.OrdinalIgnoreCase)
                    || f.Name.EndsWith("Ids", StringComparison.OrdinalIgnoreCase)
                )
                    return id;
                if (t == typeof(bool))
                    return "true";
                if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
                    return "15/07/2026";
                if (t.IsEnum)
                    return Enum.GetNames(t)[0];
                if (t.IsPrimitive || t == typeof(decimal))
                    return "1";
                return "Thử nghiệm";
            }
        );

    private static async Task<HttpResponseMessage> PostFileAsync(
        TestClient c,
        string url,
        string token,
        PostHandler h,
        string fileField
    )
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in WellFormed(h, "1"))
            form.Add(new StringContent(v), k);
        var junk = new ByteArrayContent("MZ\u0090\0 not what it claims"u8.ToArray());
        junk.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(junk, fileField, "../../<script>.pdf");
        return await c.Http.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    private static IEnumerable<(string Label, Func<HttpContent?> Body)> Bodies(Type? type)
    {
        yield return ("no body", () => null);
        yield return ("an empty body", () => Json(""));
        yield return ("malformed JSON", () => Json("{\"version\": 1, \"scores\": [{"));
        yield return ("null", () => Json("null"));
        yield return ("an array", () => Json("[]"));
        yield return ("a string", () => Json("\"abc\""));
        yield return ("deep nesting", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("JSON sent as text", () => new StringContent("{}", Encoding.UTF8, "text/plain"));
        if (type is null)
            yield break;
        foreach (var mode in Enum.GetValues<BodyMode>())
            yield return (mode + " fields", () => Json(BodyOf(type, mode, 0).ToJsonString()));
        yield return ("numbers beyond double", () =>
            Json(Regex.Replace(BodyOf(type, BodyMode.Huge, 0).ToJsonString(), "9223372036854775807", "1e400"))
        );
    }

    private enum BodyMode
    {
        WrongType,
        Huge,
        Hostile,
    }

    /// <summary>A JSON object shaped like <paramref name="type"/> whose every value is wrong in the way <paramref
    /// name="mode"/> says.</summary>
    private static JsonNode BodyOf(Type type, BodyMode mode, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
            return mode switch
            {
                BodyMode.WrongType => JsonValue.Create(12345),
                BodyMode.Huge => JsonValue.Create(new string('Đ', 5000))!,
                _ => JsonValue.Create("<script>' OR 1=1 --😀")!,
            };
        if (t == typeof(bool))
            return mode == BodyMode.WrongType ? JsonValue.Create("maybe")! : JsonValue.Create(true);
        if (t.IsPrimitive || t == typeof(decimal))
            return mode switch
            {
                BodyMode.WrongType => JsonValue.Create("abc")!,
                BodyMode.Huge => JsonValue.Create(long.MaxValue),
                _ => JsonValue.Create(-1),
            };
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
            return JsonValue.Create(mode == BodyMode.WrongType ? "31/02/2026" : "9999-12-31")!;
        if (t.IsEnum)
            return JsonValue.Create(mode == BodyMode.WrongType ? "Khong-co" : "999")!;
        if (depth > 3)
            return new JsonObject();
        if (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
        {
            if (mode == BodyMode.WrongType)
                return new JsonObject { ["x"] = 1 };
            var item = t.IsArray ? t.GetElementType()! : t.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new JsonArray(BodyOf(item, mode, depth + 1), BodyOf(item, mode, depth + 1));
        }
        if (mode == BodyMode.WrongType && depth > 0)
            return JsonValue.Create("abc")!;
        var o = new JsonObject();
        foreach (var p in t.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
            o[JsonNamingPolicyCamel(p.Name)] = BodyOf(p.PropertyType, mode, depth + 1);
        return o;
    }

    private static string JsonNamingPolicyCamel(string name) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static StringContent Json(string s) => new(s, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> SendAsync(TestClient c, string method, string url, HttpContent? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative))
        {
            Content = body,
        };
        return await c.Http.SendAsync(request);
    }

    private async Task CheckAsync(string what, HttpResponseMessage r, List<string> failures) =>
        await CheckAsync(what, r, await r.Content.ReadAsStringAsync(), failures);

    private Task CheckAsync(string what, HttpResponseMessage r, string body, List<string> failures)
    {
        var status = (int)r.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        if (status >= 500)
            failures.Add($"{Short(what)} → {status}");
        if (StackTrace().IsMatch(body))
            failures.Add($"{Short(what)} → a stack trace in the response");
        foreach (var e in app.Logs.Errors.ToList())
        {
            var line = e.Split('\n')[0][..Math.Min(e.Split('\n')[0].Length, 400)];
            // A rule refusal (DomainException) that reaches the error page is the app's documented way to answer 400 to
            // a
            // button such as "verify" on a record in the wrong state; it is listed, not failed. Every other logged
            // error fails.
            if (
                status is >= 400 and < 500
                && e.Contains(
                    ":: " + typeof(KeyProducts.Core.Common.DomainException).FullName,
                    StringComparison.Ordinal
                )
            )
                _refusals.Add(
                    $"{Short(what)} → {status}: {line[(line.IndexOf(":: ", StringComparison.Ordinal) + 3)..]}"
                );
            else
                failures.Add($"{Short(what)} → server logged: {line}");
        }
        if (app.Logs.Errors.Count > 0)
            output.WriteLine(string.Join("\n", app.Logs.Errors));
        app.Logs.Clear();
        return Task.CompletedTask;
    }

    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly SortedSet<string> _refusals = new(StringComparer.Ordinal);

    private string Tally() => string.Join(", ", _statuses.Select(kv => $"{kv.Key}×{kv.Value}"));

    private static string Short(string s) => s.Length > 160 ? s[..160] + "…" : s;

    [GeneratedRegex(@"(?m)^\s+at [\w.`<>]+[.(]|\b(System|Microsoft|Npgsql|KeyProducts)\.[\w.]*Exception\b")]
    private static partial Regex StackTrace();

    private static string PageUrl(
        PageForm page,
        IReadOnlyDictionary<string, string> routeValues,
        IReadOnlyDictionary<string, string>? query = null
    )
    {
        var path =
            "/"
            + string.Join(
                "/",
                page.Route.PathSegments.Select(s =>
                        string.Concat(
                            s.Parts.Select(p =>
                                p switch
                                {
                                    RoutePatternLiteralPart l => l.Content,
                                    RoutePatternParameterPart { Name: var n }
                                        when routeValues.TryGetValue(n, out var v) => Uri.EscapeDataString(v),
                                    RoutePatternParameterPart { IsOptional: true } => "",
                                    _ => "1",
                                }
                            )
                        )
                    )
                    .Where(s => s.Length > 0)
            );
        var q = page
            .GetNames.Select(n =>
                (query?.GetValueOrDefault(n) ?? routeValues.GetValueOrDefault(n)) is { } v
                    ? $"{n}={Uri.EscapeDataString(v)}"
                    : null
            )
            .OfType<string>()
            .ToList();
        return q.Count == 0 ? path : path + "?" + string.Join("&", q);
    }

    private static string ApiUrl(RoutePattern route, string value) =>
        "/"
        + string.Join(
            "/",
            route.PathSegments.Select(s =>
                string.Concat(
                    s.Parts.Select(p => p is RoutePatternLiteralPart l ? l.Content : Uri.EscapeDataString(value))
                )
            )
        );

    private static string RoleFor(string path) =>
        path switch
        {
            _ when path.StartsWith("/Portal/", StringComparison.Ordinal) => AccountsSeeder.EnterpriseEmail,
            _ when path.StartsWith("/Secretariat/", StringComparison.Ordinal) => AccountsSeeder.OfficerEmail,
            _ when path.StartsWith("/Council/", StringComparison.Ordinal) => AccountsSeeder.CouncilEmail,
            _ when path.StartsWith("/Admin/", StringComparison.Ordinal) => AccountsSeeder.AdminEmail,
            _ when path.StartsWith("/Leaders/", StringComparison.Ordinal) => AccountsSeeder.LeaderEmail,
            "/Account/Notifications" or "/Account/ChangePassword" or "/Account/Logout" =>
                AccountsSeeder.EnterpriseEmail,
            _ => "",
        };

    private async Task<TestClient> ClientAsync(string email) =>
        email.Length == 0 ? TestClient.Anonymous(app) : await TestClient.LoggedInAsync(app, email);

    private async Task<SeededIds> SeededIdsAsync() =>
        await app.WithDbAsync(async db =>
        {
            var own = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId)
                .SingleAsync();
            var other = await db
                .Users.Where(u => u.Email == AccountsSeeder.OtherEnterpriseEmail)
                .Select(u => u.EnterpriseId)
                .SingleAsync();
            var councilUser = await db
                .Users.Where(u => u.Email == AccountsSeeder.CouncilEmail)
                .Select(u => u.Id)
                .SingleAsync();
            var council = await db.Councils.OrderByDescending(x => x.Id).FirstOrDefaultAsync();
            var round = await db.Rounds.OrderByDescending(r => r.Year).FirstAsync();
            var councilRound = council is null ? round : await db.Rounds.SingleAsync(r => r.Id == council.RoundId);
            var set = await db.CriteriaSets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var group = await db.CriteriaGroups.Where(g => g.CriteriaSetId == set).OrderBy(g => g.Id).FirstAsync();
            var memberIds = await db.CouncilMembers.Where(m => m.UserId == councilUser).Select(m => m.Id).ToListAsync();
            var anyDossier = await db.Dossiers.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            int Or(int? id) => id ?? anyDossier;
            return new SeededIds(
                new(StringComparer.Ordinal)
                {
                    ["own-dossier"] = Or(
                        await db
                            .Dossiers.Where(d => d.EnterpriseId == own)
                            .OrderBy(d => d.Id)
                            .Select(d => (int?)d.Id)
                            .FirstOrDefaultAsync()
                    ),
                    ["other-dossier"] = Or(
                        await db
                            .Dossiers.Where(d => d.EnterpriseId == other)
                            .OrderBy(d => d.Id)
                            .Select(d => (int?)d.Id)
                            .FirstOrDefaultAsync()
                    ),
                    ["own-product"] = await db
                        .Products.Where(p => p.EnterpriseId == own)
                        .OrderBy(p => p.Id)
                        .Select(p => p.Id)
                        .FirstAsync(),
                    ["other-product"] = await db
                        .Products.Where(p => p.EnterpriseId == other)
                        .OrderBy(p => p.Id)
                        .Select(p => p.Id)
                        .FirstAsync(),
                    ["enterprise"] = own!.Value,
                    ["round"] = round.Id,
                    ["council-round"] = councilRound.Id,
                    ["council-year"] = councilRound.Year,
                    ["set"] = set,
                    ["group"] = group.Id,
                    ["indicator"] = await db
                        .Indicators.Where(i => i.CriteriaGroupId == group.Id)
                        .OrderBy(i => i.Id)
                        .Select(i => i.Id)
                        .FirstAsync(),
                    ["track"] = await db
                        .EligibilityTracks.Where(t => t.CriteriaSetId == set)
                        .OrderBy(t => t.Id)
                        .Select(t => t.Id)
                        .FirstAsync(),
                    ["condition"] = await db
                        .EligibilityConditions.Where(t => t.CriteriaSetId == set)
                        .OrderBy(t => t.Id)
                        .Select(t => t.Id)
                        .FirstAsync(),
                    ["sector"] = await db.Sectors.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    ["unit"] = await db.AdministrativeUnits.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    ["agency"] = await db.Agencies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                    ["dossier"] = anyDossier,
                    ["scored-dossier"] = Or(
                        await db
                            .ScoreSheets.Where(s => memberIds.Contains(s.MemberId))
                            .OrderBy(s => s.Id)
                            .Select(s => (int?)s.DossierId)
                            .FirstOrDefaultAsync()
                    ),
                }
            );
        });

    /// <summary>Ids of seeded records that a page's route or query plausibly takes.</summary>
    private sealed record SeededIds(Dictionary<string, int> Ids)
    {
        public Dictionary<string, string> For(string page)
        {
            var v = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["roundId"] = S("council-round"),
                ["year"] = S("council-year"),
                ["setId"] = S("set"),
                ["groupId"] = S("group"),
                ["dossierId"] = S("scored-dossier"),
            };
            var id = page switch
            {
                "/Secretariat/Dossiers/Details" => "dossier",
                _ when page.StartsWith("/Portal/Dossiers/", StringComparison.Ordinal) => "own-dossier",
                "/Portal/Products/Edit" or "/Public/Products/Detail" => "own-product",
                "/Secretariat/Rounds/Edit" => "round",
                "/Secretariat/Rulebook/Details" or "/Secretariat/Rulebook/Edit" => "set",
                "/Secretariat/Rulebook/Group" => "group",
                "/Secretariat/Rulebook/Indicator" => "indicator",
                "/Secretariat/Rulebook/Track" => "track",
                "/Secretariat/Rulebook/Condition" => "condition",
                "/Secretariat/Enterprises/Details" or "/Public/Enterprises/Detail" => "enterprise",
                "/Admin/Reference/Sectors" => "sector",
                "/Admin/Reference/Units" => "unit",
                "/Admin/Reference/Agencies" => "agency",
                _ => null,
            };
            if (id is not null)
                v["id"] = S(id);
            return v;
        }

        /// <summary>The same page pointed at another enterprise's record, for the pages an enterprise edits.</summary>
        public Dictionary<string, string>? Foreign(string page) =>
            page switch
            {
                _ when page.StartsWith("/Portal/Dossiers/", StringComparison.Ordinal) => new(
                    For(page),
                    StringComparer.OrdinalIgnoreCase
                )
                {
                    ["id"] = S("other-dossier"),
                },
                "/Portal/Products/Edit" => new(For(page), StringComparer.OrdinalIgnoreCase)
                {
                    ["id"] = S("other-product"),
                },
                _ => null,
            };

        private string S(string key) => Ids[key].ToString(CultureInfo.InvariantCulture);
    }
}
