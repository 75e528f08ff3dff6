using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Dossiers.DossierArrange;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Requests and conditions that are not bugs get their own answers: a malformed multipart body is a localized
/// 400,
/// bidirectional controls never reach stored text, and the readiness check reports the database.</summary>
public sealed class FaultTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(TestClient Client, int Dossier, string Token)> DocumentsPageAsync()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var html = await (await c.GetAsync($"/Portal/Dossiers/Edit/{id}/documents")).Content.ReadAsStringAsync();
        return (c, id, TestClient.AntiforgeryToken(html)!);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=not-the-one-used")] // the boundary does not match the body's
    [InlineData("multipart/form-data")] // no boundary at all: was answered "file too large"
    public async Task A_malformed_multipart_body_is_a_localized_400_not_a_server_error(string contentType)
    {
        var (c, id, token) = await DocumentsPageAsync();
        using var _ = c;
        app.Logs.Clear();
        var body =
            "--real-boundary\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n"
            + token
            + "\r\n--real-boundary\r\nContent-Disposition: form-data; name=\"Upload\"; "
            + "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n--real-boundary--\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var r = await c.Http.PostAsync(
            new Uri($"/Portal/Dossiers/Edit/{id}/documents?handler=Upload", UriKind.Relative),
            content
        );

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(
            "Yêu cầu không hợp lệ",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_malformed_multipart_body_on_an_ordinary_form_is_a_400_too()
    {
        using var c = TestClient.Anonymous(app);
        app.Logs.Clear();
        using var content = new ByteArrayContent(
            "--x\r\nContent-Disposition: form-data; name=\"Input.Email\"\r\n\r\na@b.vn\r\n--x--\r\n"u8.ToArray()
        );
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=y");

        var r = await c.Http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Bidirectional_controls_are_stripped_from_file_names_and_typed_text()
    {
        var (c, id, token) = await DocumentsPageAsync();
        using var _ = c;
        var item = await ChecklistItemAsync(app, id, "CNCL");
        using (
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                {
                    new StringContent(item.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    "ChecklistItemId"
                },
                { new ByteArrayContent("%PDF-1.4 contract"u8.ToArray()), "Upload", "hop-dong\u202Efdp.exe.pdf" },
            }
        )
        {
            var r = await c.Http.PostAsync(
                new Uri($"/Portal/Dossiers/Edit/{id}/documents?handler=Upload", UriKind.Relative),
                form
            );
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        Assert.Equal(
            "hop-dongfdp.exe.pdf",
            await app.WithDbAsync(db =>
                db.DossierDocuments.Where(d => d.DossierId == id && d.ChecklistItemId == item)
                    .Select(d => d.FileName)
                    .FirstAsync()
            )
        );

        var indicator = await app.WithDbAsync(db =>
            db.Indicators.Where(i =>
                    db.CriteriaGroups.Any(g =>
                        g.Id == i.CriteriaGroupId
                        && db.Rounds.Any(r =>
                            r.CriteriaSetId == g.CriteriaSetId && db.Dossiers.Any(d => d.Id == id && d.RoundId == r.Id)
                        )
                    )
                )
                .OrderBy(i => i.Id)
                .Select(i => i.Id)
                .FirstAsync()
        );
        var saved = await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/assessment",
            $"/Portal/Dossiers/Edit/{id}/assessment?handler=Assessment",
            new()
            {
                ["Claims[0].IndicatorId"] = indicator.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Claims[0].Points"] = "1",
                ["Claims[0].Evidence"] = "ISO\u2066 9001\u2069 \u202Bcấp 2025\u202C",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(
            "ISO 9001 cấp 2025",
            await app.WithDbAsync(db =>
                db.SelfAssessments.Where(s => s.DossierId == id).Select(s => s.Evidence).FirstAsync()
            )
        );
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_when_the_database_is_up()
    {
        using var c = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/health/ready")).StatusCode);
    }
}

/// <summary>The app started on a database that cannot be reached: pages answer 503 with Retry-After and a localized
/// explanation, liveness stays up while readiness goes down. Start-up refuses options that make no sense.</summary>
public sealed class DatabaseDownTests
{
    private sealed class UnreachableDatabase : WebApplicationFactory<Program>
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "kp-down-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", AppFactory.Provider);
            builder.UseSetting(
                "ConnectionStrings:Default",
                AppFactory.IsPostgres
                    ? $"Host=127.0.0.1;Port={AppFactory.FreePort()};Database=app;Username=app;Password=app;Timeout=2"
                    : $"Data Source={Path.Combine(_root, "no-such-folder", "app.db")};Mode=ReadWrite"
            );
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Signing:KeyFile", Path.Combine(_root, "keys", "signing-key.pem"));
            builder.UseSetting("Smtp:Enabled", "false");
            builder.UseSetting("RateLimits:Enabled", "false");
        }
    }

    [Fact]
    public async Task Pages_answer_503_with_retry_after_and_a_localized_page_while_the_database_is_unreachable()
    {
        using var f = new UnreachableDatabase();
        using var c = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await c.GetAsync(new Uri("/Public/Directory", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
        Assert.Contains(
            "Hệ thống tạm thời gián đoạn",
            WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );

        c.DefaultRequestHeaders.Add("Cookie", ".KeyProducts.Culture=en");
        var english = await c.GetAsync(new Uri("/Public/Directory", UriKind.Relative));
        Assert.Contains(
            "Service temporarily unavailable",
            await english.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );

        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(
            HttpStatusCode.ServiceUnavailable,
            (await c.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode
        );
    }

    [Theory]
    [InlineData("Database:Provider", "PostgreSQL", "Database:Provider")]
    [InlineData("Seed:Demo", "true", "Seed:Demo")]
    public void Start_up_refuses_options_that_make_no_sense_with_a_clear_message(
        string key,
        string value,
        string expected
    )
    {
        using var f = new AppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting(key, value);
            if (key != "Seed:Demo")
                return;
            b.UseEnvironment("Production");
            // production wants an existing key file
            b.UseSetting("Signing:KeyFile", typeof(DatabaseDownTests).Assembly.Location);
        });

        var ex = Record.Exception(() => f.Services);

        Assert.NotNull(ex);
        Assert.Contains(expected, ex.ToString(), StringComparison.Ordinal);
    }
}
