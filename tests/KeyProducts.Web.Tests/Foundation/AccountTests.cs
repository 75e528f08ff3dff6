using System.Net;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace KeyProducts.Web.Tests.Foundation;

public sealed class AccountTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(AccountsSeeder.AdminEmail, "/Admin")]
    [InlineData(AccountsSeeder.OfficerEmail, "/Secretariat")]
    [InlineData(AccountsSeeder.CouncilEmail, "/Council")]
    [InlineData(AccountsSeeder.LeaderEmail, "/Leaders")]
    [InlineData(AccountsSeeder.EnterpriseEmail, "/Portal")]
    public async Task Each_role_lands_on_its_own_home(string email, string home)
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.LoginAsync(email, AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(home, r.Headers.Location?.OriginalString);
        var page = await c.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message_and_no_session()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.LoginAsync(AccountsSeeder.LeaderEmail, "Sai@mat-khau1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("email hoặc mật khẩu không đúng", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await c.GetAsync("/Leaders")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account()
    {
        using var c = TestClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
            await c.LoginAsync("hoidong3@spcncl.demo.vn", "Sai@mat-khau1");
        var r = await c.LoginAsync("hoidong3@spcncl.demo.vn", AccountsSeeder.DemoPassword);
        // refused even with the right password (SignInAbuseTests: only this client)
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("thử lại sau 15 phút", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await c.GetAsync("/Council")).StatusCode);
    }

    [Fact]
    public async Task Each_area_refuses_other_roles()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        foreach (var area in new[] { "/Secretariat", "/Council", "/Leaders", "/Admin", "/Admin/Audit" })
        {
            var r = await c.GetAsync(area);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                r.Headers.Location?.PathAndQuery ?? r.Headers.Location?.OriginalString,
                StringComparison.Ordinal
            );
        }
        var denied = await c.GetAsync("/Account/AccessDenied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Không có quyền truy cập", WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_for_protected_areas()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/Secretariat");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/Account/Login", r.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        using var c = await TestClient.LoggedInAsync(app, "hoidong2@spcncl.demo.vn");
        var wrong = await c.PostFormAsync(
            "/Account/ChangePassword",
            "/Account/ChangePassword",
            new()
            {
                ["Input.CurrentPassword"] = "Khong@dung123",
                ["Input.NewPassword"] = "MoiHon@2026x",
                ["Input.ConfirmPassword"] = "MoiHon@2026x",
            }
        );
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mật khẩu không đúng.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var ok = await c.PostFormAsync(
            "/Account/ChangePassword",
            "/Account/ChangePassword",
            new()
            {
                ["Input.CurrentPassword"] = AccountsSeeder.DemoPassword,
                ["Input.NewPassword"] = "MoiHon@2026x",
                ["Input.ConfirmPassword"] = "MoiHon@2026x",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var fresh = TestClient.Anonymous(app);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await fresh.LoginAsync("hoidong2@spcncl.demo.vn", "MoiHon@2026x")).StatusCode
        );
    }

    [Fact]
    public async Task Forgotten_password_mail_goes_through_smtp_and_its_link_resets_the_password()
    {
        const string email = "quen-mat-khau@vidu.vn";
        await CreateUserAsync(email);
        using var smtp = SimpleSmtpServer.Start(app.SmtpPort);
        using var c = TestClient.Anonymous(app);
        var r = await c.PostFormAsync(
            "/Account/ForgotPassword",
            "/Account/ForgotPassword",
            new() { ["Email"] = email }
        );
        Assert.Contains("đã gửi liên kết", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));

        var sender = app.Services.GetRequiredService<OutboxSender>();
        Assert.True(await sender.SendPendingAsync() >= 1);
        var mail = Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
        var body = mail.MessageParts[0].BodyData;
        var link = System.Text.RegularExpressions.Regex.Match(body, @"/Account/ResetPassword\?email=[^\s]+").Value;
        Assert.NotEmpty(link);

        var reset = await c.PostFormAsync(
            link,
            link,
            new()
            {
                ["Email"] = email,
                ["Password"] = "DatLai@2026x",
                ["ConfirmPassword"] = "DatLai@2026x",
                ["Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!,
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var fresh = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync(email, "DatLai@2026x")).StatusCode);
    }

    private async Task CreateUserAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users =
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KeyProducts.Web.Data.ApplicationUser>>();
        var u = new KeyProducts.Web.Data.ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = "Người dùng thử",
        };
        Assert.True((await AccountsSeeder.CreateWithDemoPasswordAsync(users, u)).Succeeded);
        await users.AddToRoleAsync(u, KeyProducts.Web.Data.Roles.Leader);
    }

    [Fact]
    public async Task A_forgotten_password_request_for_an_unknown_email_looks_the_same_and_sends_nothing()
    {
        var before = await app.WithDbAsync(db => db.Outbox.CountAsync());
        using var c = TestClient.Anonymous(app);
        var r = await c.PostFormAsync(
            "/Account/ForgotPassword",
            "/Account/ForgotPassword",
            new() { ["Email"] = "khongco@vidu.vn" }
        );
        Assert.Contains("đã gửi liên kết", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_user_sees_only_their_own_notifications_and_can_mark_them_read()
    {
        await app.WithDbAsync(async db =>
        {
            var mine = await db.Users.SingleAsync(u => u.Email == AccountsSeeder.OtherEnterpriseEmail);
            var other = await db.Users.SingleAsync(u => u.Email == AccountsSeeder.OfficerEmail);
            db.Notifications.Add(
                new Notification
                {
                    UserId = mine.Id,
                    Text = "Hồ sơ của bạn đã được tiếp nhận",
                    CreatedAt = app.Clock.GetUtcNow(),
                }
            );
            db.Notifications.Add(
                new Notification
                {
                    UserId = other.Id,
                    Text = "Thông báo riêng của cán bộ",
                    CreatedAt = app.Clock.GetUtcNow(),
                }
            );
            await db.SaveChangesAsync();
        });
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OtherEnterpriseEmail);
        var html = await c.GetHtmlAsync("/Account/Notifications");
        Assert.Contains("Hồ sơ của bạn đã được tiếp nhận", html);
        Assert.DoesNotContain("Thông báo riêng của cán bộ", html);
        Assert.Contains("data-testid=\"notification-count\">1", html);
        await c.PostFormAsync("/Account/Notifications", "/Account/Notifications", []);
        Assert.DoesNotContain("notification-count", await c.GetHtmlAsync("/Account/Notifications"));
    }
}
