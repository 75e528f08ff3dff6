using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The migrate command, production nodes that do not migrate at start-up, readiness with old unsent mail, and
/// rule refusals kept out of the error log.</summary>
[LongRunning(25)]
public sealed class OperationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The app on an empty database in Production: it does not migrate at start-up.</summary>
    private sealed class EmptyProductionNode : AppFactory
    {
        protected override bool UseTemplateDatabase => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // production wants an existing key file
            builder.UseSetting("Signing:KeyFile", typeof(OperationsTests).Assembly.Location);
        }
    }

    /// <summary>Runs <c>dotnet KeyProducts.Web.dll migrate</c> (the build output beside the tests) on the node's
    /// database.</summary>
    private static async Task<(int Exit, string Output)> MigrateAsync(AppFactory node)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KeyProducts.Web.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("migrate");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = AppFactory.Provider;
        psi.Environment["ConnectionStrings__Default"] = node.ConnectionString;
        psi.Environment["Storage__Root"] = Path.Combine(
            Path.GetTempPath(),
            "kp-migrate-" + Guid.NewGuid().ToString("N")
        );
        psi.Environment["Signing__KeyFile"] = typeof(OperationsTests).Assembly.Location;
        psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task A_production_node_waits_for_the_migrate_command_which_applies_the_migrations_and_exits()
    {
        using var node = new EmptyProductionNode();
        using var c = node.CreateClient();

        var before = await c.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("migrations not applied", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (exit, output) = await MigrateAsync(node);
        Assert.True(exit == 0, output);
        Assert.Contains("migrate: applied", output, StringComparison.Ordinal);
        var migrations = await node.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count()));
        Assert.Equal(
            migrations,
            await node.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Count())
        );
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        (exit, output) = await MigrateAsync(node);
        Assert.True(exit == 0, output);
        Assert.Contains("migrate: the database is up to date.", output, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ReadinessAsync()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode); // Degraded still serves
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Readiness_is_degraded_while_mail_waits_longer_than_the_limit()
    {
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            await db.Outbox.ExecuteDeleteAsync();
            db.Outbox.Add(
                new OutboxMessage
                {
                    To = "cho@vidu.vn",
                    Subject = "Thư chờ",
                    TextBody = "x",
                    CreatedAt = now.AddMinutes(-45),
                    NextAttemptAt = now.AddMinutes(5),
                    Attempts = 3,
                }
            );
            db.Outbox.Add(
                new OutboxMessage
                {
                    To = "moi@vidu.vn",
                    Subject = "Thư mới",
                    TextBody = "x",
                    CreatedAt = now,
                    NextAttemptAt = now,
                }
            );
            await db.SaveChangesAsync();
        });

        var degraded = await ReadinessAsync();
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var outbox = degraded.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal(45, outbox.GetProperty("data").GetProperty("oldestUnsentMinutes").GetInt32());
        Assert.Equal(
            "Healthy",
            degraded.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()
        );

        await app.WithDbAsync(db =>
            db.Outbox.Where(m => m.Subject == "Thư chờ").ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now))
        );
        Assert.Equal("Healthy", (await ReadinessAsync()).GetProperty("status").GetString());
        await app.WithDbAsync(db => db.Outbox.ExecuteDeleteAsync());
    }

    [Fact]
    public async Task A_rule_refusal_answers_400_and_is_not_logged_as_an_error()
    {
        app.Logs.Clear();
        using var c = TestClient.Anonymous(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Public/Rounds", UriKind.Relative));
        request.Headers.Add(ThrowOnRequestFilter.Header, "refusal");
        var r = await c.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(
            "Không tìm thấy công nhận.",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.Empty(app.Logs.Errors);

        // An unexpected failure still is.
        using var bug = new HttpRequestMessage(HttpMethod.Get, new Uri("/Public/Rounds", UriKind.Relative));
        bug.Headers.Add(ThrowOnRequestFilter.Header, "1");
        Assert.Equal(HttpStatusCode.InternalServerError, (await c.Http.SendAsync(bug)).StatusCode);
        Assert.NotEmpty(app.Logs.Errors);
        app.Logs.Clear();
    }
}
