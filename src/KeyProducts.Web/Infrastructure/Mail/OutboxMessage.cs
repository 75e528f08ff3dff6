namespace KeyProducts.Web.Infrastructure.Mail;

/// <summary>A mail waiting in the outbox. Written in the same transaction as the change that causes it.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? AttachmentName { get; set; }
    public byte[]? Attachment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Held mails wait for staff review before sending.</summary>
    public bool Held { get; set; }
}

/// <summary>An in-app notification for one user.</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "SPCNCL Hà Nội <no-reply@spcncl.local>";

    /// <summary>Seconds between outbox polls.</summary>
    public int PollSeconds { get; set; } = 10;
    public bool Enabled { get; set; } = true;
}
