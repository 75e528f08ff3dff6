using System.Net;
using System.Text.Json;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Infrastructure.Storage;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace KeyProducts.Web.Tests.Foundation;

public sealed class PlatformTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Health_endpoint_checks_the_database()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Healthy", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Public_home_presents_the_program_in_vietnamese_and_english()
    {
        using var c = TestClient.Anonymous(app);
        var vi = await c.GetHtmlAsync("/");
        Assert.Contains("Sản phẩm công nghiệp chủ lực thành phố Hà Nội", vi);
        Assert.Contains("<html lang=\"vi\">", vi);
        var en = await c.GetHtmlAsync("/?lang=en");
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("Key industrial products of Hanoi", en);
    }

    [Theory]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/Public/Khong-co")]
    [InlineData("/api/v1/khong-co")]
    public async Task Unknown_urls_get_a_localized_404(string url)
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy trang", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task An_unexpected_failure_shows_a_localized_500_without_details()
    {
        using var c = TestClient.Anonymous(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Test-Throw", "1");
        var r = await c.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Đã có lỗi xảy ra", body);
        Assert.Contains("Dữ liệu bạn đã lưu không bị mất", body);
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        app.Logs.Clear(); // the failure was logged on purpose
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>alert(1)</script>")]
    public async Task An_unknown_culture_falls_back_to_vietnamese(string culture)
    {
        using var c = TestClient.Anonymous(app);
        c.Http.DefaultRequestHeaders.Add("Cookie", ".KeyProducts.Culture=" + Uri.EscapeDataString(culture));
        var r = await c.GetAsync("/?lang=" + Uri.EscapeDataString(culture));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", body);
        Assert.DoesNotContain("<script>alert(1)</script>", body);
    }

    [Fact]
    public async Task Switching_language_sets_a_cookie_and_returns_to_a_local_page_only()
    {
        using var c = TestClient.Anonymous(app);
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string> { ["lang"] = "en", ["returnUrl"] = "//evil.example/x" }
        );
        var r = await c.Http.PostAsync(new Uri("/culture", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/", r.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", await (await c.GetAsync("/")).Content.ReadAsStringAsync());

        using var bad = new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "klingon" });
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await c.Http.PostAsync(new Uri("/culture", UriKind.Relative), bad)).StatusCode
        );
    }

    [Fact]
    public async Task A_forged_antiforgery_token_is_refused_with_a_localized_400()
    {
        using var c = TestClient.Anonymous(app);
        await c.GetAsync("/Account/Login");
        var r = await c.PostWithTokenAsync(
            "/Account/Login",
            "forged-token",
            new() { ["Input.Email"] = AccountsSeeder.OfficerEmail, ["Input.Password"] = AccountsSeeder.DemoPassword }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Yêu cầu không hợp lệ", body);
        Assert.DoesNotContain("Antiforgery", body);
    }

    [Fact]
    public async Task Every_response_carries_a_strict_content_security_policy()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/");
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var html = await r.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>(?!</script>)", html);
        Assert.DoesNotContain(" style=\"", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_openapi_document_describes_api_v1()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/program", out _));
    }

    [Fact]
    public async Task A_change_is_audited_with_who_when_and_before_after()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Enterprises.OrderBy(x => x.Id).LastAsync();
            e.ContactPhone = "024 9999 0000";
            await db.SaveChangesAsync();
            var audit = await db
                .AuditEntries.Where(a =>
                    a.EntityType == nameof(Enterprise)
                    && a.EntityId == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && a.Action == "Modified"
                )
                .OrderByDescending(a => a.Id)
                .FirstAsync();
            Assert.Contains("024 9999 0000", audit.Changes);
            Assert.Contains("before", audit.Changes);
            Assert.Equal(app.Clock.GetUtcNow(), audit.At);
        });
    }

    [Fact]
    public async Task Optimistic_concurrency_refuses_a_stale_write()
    {
        var id = await app.WithDbAsync(db => db.Enterprises.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        using var s1 = app.Services.CreateScope();
        using var s2 = app.Services.CreateScope();
        var db1 = s1.ServiceProvider.GetRequiredService<KeyProducts.Web.Data.AppDbContext>();
        var db2 = s2.ServiceProvider.GetRequiredService<KeyProducts.Web.Data.AppDbContext>();
        var a = await db1.Enterprises.SingleAsync(e => e.Id == id);
        var b = await db2.Enterprises.SingleAsync(e => e.Id == id);
        a.Website = "https://a.example";
        await db1.SaveChangesAsync();
        b.Website = "https://b.example";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal(
            "https://a.example",
            await app.WithDbAsync(db => db.Enterprises.Where(e => e.Id == id).Select(e => e.Website).SingleAsync())
        );
    }

    [Fact]
    public async Task Mail_stays_queued_while_smtp_is_down_and_is_sent_when_it_returns()
    {
        await app.WithDbAsync(async db =>
        {
            db.Outbox.RemoveRange(db.Outbox);
            await db.SaveChangesAsync();
            var outbox = new MailOutbox(
                db,
                app.Clock,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<MailOutbox>.Instance
            );
            outbox.Enqueue("nguoinhan@vidu.vn", "Thông báo thử", "Nội dung có dấu: Sở Công Thương");
            await db.SaveChangesAsync();
        });
        var sender = app.Services.GetRequiredService<OutboxSender>();
        Assert.Equal(0, await sender.SendPendingAsync()); // nothing listens on the port yet
        var failed = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        using var smtp = SimpleSmtpServer.Start(app.SmtpPort);
        Assert.Equal(0, await sender.SendPendingAsync()); // backing off
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sender.SendPendingAsync());
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("Thông báo thử", mail.Subject);
        Assert.NotNull((await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync())).SentAt);
    }

    [Fact]
    public async Task File_storage_is_content_addressed_and_bounded()
    {
        var storage = app.Services.GetRequiredService<IFileStorage>();
        var bytes = "%PDF-1.4 thử"u8.ToArray();
        var stored = await storage.SaveAsync(new MemoryStream(bytes), 1024);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), stored.Sha256);
        await using (var read = storage.OpenRead(stored.Sha256)!)
        {
            using var ms = new MemoryStream();
            await read.CopyToAsync(ms);
            Assert.Equal(bytes, ms.ToArray());
        }
        await Assert.ThrowsAsync<FileTooLargeException>(() =>
            storage.SaveAsync(new MemoryStream(new byte[2048]), 1024)
        );
        Assert.Null(storage.OpenRead("../../etc/passwd"));
    }

    [Fact]
    public async Task The_admin_user_list_runs_a_constant_number_of_queries()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        int few,
            many;
        using (app.Queries.Start())
        {
            await c.GetHtmlAsync("/Admin");
            few = app.Queries.Count;
        }
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 5; i++)
                db.Users.Add(
                    new KeyProducts.Web.Data.ApplicationUser
                    {
                        UserName = $"them{i}@vidu.vn",
                        Email = $"them{i}@vidu.vn",
                        DisplayName = "Thêm " + i,
                    }
                );
            await db.SaveChangesAsync();
        });
        using (app.Queries.Start())
        {
            await c.GetHtmlAsync("/Admin");
            many = app.Queries.Count;
        }
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task Demo_seed_is_idempotent()
    {
        var before = await app.WithDbAsync(db => db.Enterprises.CountAsync());
        await KeyProducts.Web.Data.Seed.DataStartup.MigrateAndSeedAsync(
            app.Services,
            new TestEnv(),
            app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()
        );
        Assert.Equal(before, await app.WithDbAsync(db => db.Enterprises.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == AccountsSeeder.OfficerEmail)));
    }

    private sealed class TestEnv : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "KeyProducts.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
