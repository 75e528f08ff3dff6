using KeyProducts.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KeyProducts.Web.Infrastructure.Mail;

/// <summary>Sends queued mail through SMTP (MailKit). A failed send stays queued and is retried with
/// back-off.</summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> log
) : BackgroundService
{
    private const int MaxAttempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            // A full batch sent means more may be waiting: go on at once instead of waiting for the next tick.
            try
            {
                while (await SendPendingAsync(stoppingToken) >= BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(log, ex);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>How long a claimed message is reserved for the node that claimed it before another may retry
    /// it.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>Sends one batch of due mail. Returns how many were sent. Due mail is selected (and on PostgreSQL
    /// leased, see
    /// <see cref="DueAsync"/>) in SQL by id only; each message is claimed by a conditional update (so two nodes never
    /// send the
    /// same mail), loaded alone, sent, and its outcome written at once, so a failure of one message or of the process
    /// never
    /// causes a resend of the others.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        var due = await DueAsync(db, now, ct);
        if (due.Count == 0)
            return 0;

        var sent = 0;
        var o = options.Value;
        using var client = new SmtpClient();
        foreach (var d in due)
        {
            var leaseUntil = time.GetUtcNow() + ClaimLease;
            var claimed = await db
                .Outbox.Where(m => m.Id == d.Id && m.SentAt == null && m.NextAttemptAt == d.NextAttemptAt)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, leaseUntil), ct);
            if (claimed == 0)
                continue; // another node took it

            var m = await db.Outbox.AsNoTracking().SingleAsync(x => x.Id == d.Id, ct);
            MimeMessage mime;
            try
            {
                mime = ToMime(m, o.From);
            }
            catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
            {
                // An address MimeKit cannot write will never become sendable: fail it for good, keep the others going.
                LogUndeliverable(log, m.Id, ex.Message);
                await RecordFailureAsync(db, m.Id, MaxAttempts, Truncate(ex.Message), now, ct);
                continue;
            }

            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(
                        o.Host,
                        o.Port,
                        o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None,
                        ct
                    );
                    if (!string.IsNullOrEmpty(o.User))
                        await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
                }
                await client.SendAsync(mime, ct);
            }
            catch (Exception ex)
                when (ex
                        is SmtpCommandException
                        {
                            ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
                        }
                )
            {
                await RecordFailureAsync(
                    db,
                    m.Id,
                    m.Attempts + 1,
                    Truncate(ex.Message),
                    Backoff(m.Attempts + 1, now),
                    ct
                );
                continue;
            }
            catch (Exception ex)
                when (ex
                        is System.Net.Sockets.SocketException
                            or SmtpProtocolException
                            or IOException
                            or SslHandshakeException
                            or AuthenticationException
                            or SmtpCommandException
                )
            {
                // The server is down or refused the session: this message and the rest of the batch wait for the next
                // poll.
                LogSmtpDown(log, ex.Message);
                await RecordFailureAsync(
                    db,
                    m.Id,
                    m.Attempts + 1,
                    Truncate(ex.Message),
                    Backoff(m.Attempts + 1, now),
                    ct
                );
                foreach (var rest in due.SkipWhile(x => x.Id != d.Id).Skip(1))
                    await db
                        .Outbox.Where(x => x.Id == rest.Id && x.SentAt == null && x.NextAttemptAt == rest.NextAttemptAt)
                        .ExecuteUpdateAsync(
                            u =>
                                u.SetProperty(x => x.Attempts, x => x.Attempts + 1)
                                    .SetProperty(x => x.LastError, Truncate(ex.Message))
                                    .SetProperty(x => x.NextAttemptAt, Backoff(1, now)),
                            ct
                        );
                break;
            }

            var sentAt = time.GetUtcNow();
            await db
                .Outbox.Where(x => x.Id == m.Id)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.LastError, (string?)null),
                    CancellationToken.None
                );
            sent++;
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, ct);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException)
            {
                LogSmtpDown(log, ex.Message);
            }
        }
        return sent;
    }

    private const int BatchSize = 50;

    private sealed class Due
    {
        public long Id { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
    }

    /// <summary>The next batch of due mail. On PostgreSQL the batch is claimed in the same statement: its rows are
    /// leased
    /// with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent nodes take disjoint batches instead of racing for the same
    /// rows, and a
    /// node that dies holding a lease leaves its mail to the others once the lease runs out. On SQLite (one node) the
    /// rows are
    /// only read; each one is still claimed on its own before it is sent.</summary>
    private async Task<List<Due>> DueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return await db
                .Outbox.AsNoTracking()
                .Where(m => m.SentAt == null && !m.Held && m.Attempts < MaxAttempts && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id)
                .Select(m => new Due { Id = m.Id, NextAttemptAt = m.NextAttemptAt })
                .Take(BatchSize)
                .ToListAsync(ct);
        var lease = now + ClaimLease;
        var claimed = await db
            .Database.SqlQuery<Due>(
                $"""
                UPDATE "Outbox" SET "NextAttemptAt" = {lease}
                WHERE "Id" IN (SELECT "Id" FROM "Outbox"
                               WHERE "SentAt" IS NULL AND NOT "Held" AND "Attempts" < {MaxAttempts}
                                 AND "NextAttemptAt" <= {now}
                               ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "NextAttemptAt"
                """
            )
            .ToListAsync(ct);
        return [.. claimed.OrderBy(d => d.Id)];
    }

    private static Task RecordFailureAsync(
        AppDbContext db,
        long id,
        int attempts,
        string error,
        DateTimeOffset next,
        CancellationToken ct
    ) =>
        db
            .Outbox.Where(x => x.Id == id)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(x => x.Attempts, attempts)
                        .SetProperty(x => x.LastError, error)
                        .SetProperty(x => x.NextAttemptAt, next),
                ct
            );

    private static DateTimeOffset Backoff(int attempts, DateTimeOffset now) =>
        now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Min(attempts, 8))));

    private static string Truncate(string message) => message.Length > 900 ? message[..900] : message;

    /// <summary>Attempts after which a message is no longer retried by itself (an administrator may retry
    /// it).</summary>
    public static int GiveUpAfter => MaxAttempts;

    private static MimeMessage ToMime(OutboxMessage m, string from)
    {
        var msg = new MimeMessage();
        msg.From.Add(MailboxAddress.Parse(from));
        msg.To.Add(MailboxAddress.Parse(m.To));
        msg.Subject = m.Subject;
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (m.Attachment is { Length: > 0 } && m.AttachmentName is not null)
            body.Attachments.Add(m.AttachmentName, m.Attachment);
        msg.Body = body.ToMessageBody();
        return msg;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP unavailable, mail stays queued: {Reason}")]
    private static partial void LogSmtpDown(ILogger logger, string reason);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Mail {Id} cannot be written (bad address?) and is not retried: {Reason}"
    )]
    private static partial void LogUndeliverable(ILogger logger, long id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);
}
