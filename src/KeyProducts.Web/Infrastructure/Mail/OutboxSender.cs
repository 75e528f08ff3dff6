using KeyProducts.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KeyProducts.Web.Infrastructure.Mail;

/// <summary>Sends queued mail through SMTP (MailKit). A failed send stays queued and is retried with back-off.</summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider time, ILogger<OutboxSender> log)
    : BackgroundService
{
    private const int MaxAttempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogPollFailed(log, ex); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every due message once. Returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var due = (await db.Outbox.Where(m => m.SentAt == null && !m.Held && m.Attempts < MaxAttempts).ToListAsync(ct))
            .Where(m => m.NextAttemptAt <= now).OrderBy(m => m.Id).Take(50).ToList();
        if (due.Count == 0) return 0;

        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            var o = options.Value;
            await client.ConnectAsync(o.Host, o.Port, o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            foreach (var m in due)
            {
                try
                {
                    await client.SendAsync(ToMime(m, o.From), ct);
                    m.SentAt = time.GetUtcNow();
                    m.LastError = null;
                    sent++;
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException)
                {
                    Fail(m, ex, now);
                }
            }
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or SmtpProtocolException or IOException or SslHandshakeException or AuthenticationException or SmtpCommandException)
        {
            LogSmtpDown(log, ex.Message);
            foreach (var m in due.Where(m => m.SentAt is null)) Fail(m, ex, now);
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private static void Fail(OutboxMessage m, Exception ex, DateTimeOffset now)
    {
        m.Attempts++;
        m.LastError = ex.Message.Length > 900 ? ex.Message[..900] : ex.Message;
        m.NextAttemptAt = now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Min(m.Attempts, 8))));
    }

    private static MimeMessage ToMime(OutboxMessage m, string from)
    {
        var msg = new MimeMessage();
        msg.From.Add(MailboxAddress.Parse(from));
        msg.To.Add(MailboxAddress.Parse(m.To));
        msg.Subject = m.Subject;
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (m.Attachment is { Length: > 0 } && m.AttachmentName is not null) body.Attachments.Add(m.AttachmentName, m.Attachment);
        msg.Body = body.ToMessageBody();
        return msg;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP unavailable, mail stays queued: {Reason}")]
    private static partial void LogSmtpDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);
}
