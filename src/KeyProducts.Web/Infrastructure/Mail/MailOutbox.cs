using KeyProducts.Web.Data;

namespace KeyProducts.Web.Infrastructure.Mail;

/// <summary>Queues mail and in-app notifications in the caller's unit of work; nothing is sent until it
/// commits.</summary>
public sealed partial class MailOutbox(AppDbContext db, TimeProvider time, ILogger<MailOutbox> log)
{
    public void Enqueue(
        string to,
        string subject,
        string text,
        string? html = null,
        string? attachmentName = null,
        byte[]? attachment = null
    )
    {
        if (string.IsNullOrWhiteSpace(to))
            return;
        if (!MailAddresses.IsDeliverable(to))
        {
            // Addresses typed into forms are validated there; one coming from older data must not jam the outbox.
            LogRefused(log, to);
            return;
        }
        var now = time.GetUtcNow();
        db.Outbox.Add(
            new OutboxMessage
            {
                To = to.Trim(),
                Subject = subject,
                TextBody = text,
                HtmlBody = html,
                CreatedAt = now,
                NextAttemptAt = now,
                AttachmentName = attachmentName,
                Attachment = attachment,
            }
        );
    }

    public void Notify(string userId, string text, string? link = null) =>
        db.Notifications.Add(
            new Notification
            {
                UserId = userId,
                Text = text,
                Link = link,
                CreatedAt = time.GetUtcNow(),
            }
        );

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to an undeliverable address was not queued: {Address}")]
    private static partial void LogRefused(ILogger logger, string address);
}
