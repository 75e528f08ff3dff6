using System.Net;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using netDumbster.smtp;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The outbox never jams: one bad message fails alone, each send is recorded at once, two senders never
/// send the same mail, and an administrator can put a failed mail back in the queue.</summary>
public sealed class OutboxTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static OutboxMessage Mail(string to, string subject, DateTimeOffset now) =>
        new()
        {
            To = to,
            Subject = subject,
            TextBody = "Nội dung",
            CreatedAt = now,
            NextAttemptAt = now,
        };

    private Task ResetAsync(params string[] recipients) =>
        app.WithDbAsync(async db =>
        {
            await db.Outbox.ExecuteDeleteAsync();
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < recipients.Length; i++)
                db.Outbox.Add(Mail(recipients[i], $"Thư {i}", now));
            await db.SaveChangesAsync();
        });

    [Theory]
    [InlineData("a b@c.vn", false)]
    [InlineData("a@b@c.vn", false)]
    [InlineData("Tên <a@c.vn>", false)]
    [InlineData("a@c.vn\n", true)]
    [InlineData("nguyen.van.a@congty.vn", true)]
    [InlineData("", false)]
    public void A_deliverable_address_is_one_mimekit_writes_as_a_bare_address(string address, bool expected) =>
        Assert.Equal(expected, MailAddresses.IsDeliverable(address));

    [Fact]
    public async Task A_mail_mimekit_refuses_fails_alone_and_the_others_are_sent_exactly_once()
    {
        await ResetAsync("mot@vidu.vn", "a b@c.vn", "hai@vidu.vn");
        using var smtp = SimpleSmtpServer.Start(app.SmtpPort);
        var sender = app.Services.GetRequiredService<OutboxSender>();

        Assert.Equal(2, await sender.SendPendingAsync());
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await sender.SendPendingAsync());
        Assert.Equal(0, await sender.SendPendingAsync());

        Assert.Equal(2, smtp.ReceivedEmailCount);
        var rows = await app.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.NotNull(rows[0].SentAt);
        Assert.NotNull(rows[2].SentAt);
        Assert.Null(rows[1].SentAt);
        Assert.NotNull(rows[1].LastError);
        Assert.Equal(OutboxSender.GiveUpAfter, rows[1].Attempts);
    }

    [Fact]
    public async Task An_undeliverable_address_is_never_queued()
    {
        await ResetAsync();
        await app.WithDbAsync(async db =>
        {
            var outbox = new MailOutbox(db, app.Clock, NullLogger<MailOutbox>.Instance);
            outbox.Enqueue("a b@c.vn", "Thư", "Nội dung");
            outbox.Enqueue("dung@vidu.vn", "Thư", "Nội dung");
            await db.SaveChangesAsync();
        });
        Assert.Equal(["dung@vidu.vn"], await app.WithDbAsync(db => db.Outbox.Select(m => m.To).ToListAsync()));
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_of_200_mails_exactly_once()
    {
        await ResetAsync(Enumerable.Range(0, 200).Select(i => $"nguoi{i}@vidu.vn").ToArray());
        using var smtp = SimpleSmtpServer.Start(app.SmtpPort);
        // Two nodes: two senders, each with its own scopes and connections, polling until nothing is due.
        var a = app.Services.GetRequiredService<OutboxSender>();
        var b = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);
        static async Task<int> DrainAsync(OutboxSender s)
        {
            var total = 0;
            for (int n; (n = await s.SendPendingAsync()) > 0; )
                total += n;
            return total;
        }

        var sent = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));

        Assert.Equal(200, sent.Sum());
        Assert.Equal(200, smtp.ReceivedEmailCount);
        Assert.Equal(200, smtp.ReceivedEmail.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null)));
        if (AppFactory.IsPostgres)
            Assert.All(sent, n => Assert.True(n > 0, $"both senders took a share ({string.Join("/", sent)})"));
    }

    [Fact]
    public async Task Mail_claimed_by_a_node_that_died_is_sent_by_another_once_the_lease_runs_out()
    {
        await ResetAsync("mot@vidu.vn");
        // What a node leaves behind when it is killed between claiming a mail and sending it: a lease five minutes
        // ahead.
        await app.WithDbAsync(db =>
            db.Outbox.ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, app.Clock.GetUtcNow().AddMinutes(5)))
        );
        using var smtp = SimpleSmtpServer.Start(app.SmtpPort);
        var sender = app.Services.GetRequiredService<OutboxSender>();

        Assert.Equal(0, await sender.SendPendingAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await sender.SendPendingAsync());
        Assert.Equal(1, smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task An_administrator_sees_failed_mail_and_puts_it_back_in_the_queue()
    {
        await ResetAsync("a b@c.vn");
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().SendPendingAsync());
        var id = await app.WithDbAsync(db => db.Outbox.Select(m => m.Id).SingleAsync());

        using var admin = await TestClient.LoggedInAsync(app, "quantri@spcncl.demo.vn");
        var html = await admin.GetHtmlAsync("/Admin/Outbox?failed=true");
        Assert.Contains("a b@c.vn", html);
        var r = await admin.PostFormAsync(
            "/Admin/Outbox?failed=true",
            $"/Admin/Outbox?handler=Retry&id={id}&failed=true",
            []
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LastError);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType.Contains("Outbox"))));
    }
}
