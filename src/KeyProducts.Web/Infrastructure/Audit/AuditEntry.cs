namespace KeyProducts.Web.Infrastructure.Audit;

/// <summary>One recorded change: who, when, what, and the values before and after (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Changes { get; set; } = "{}";
    public string? TraceId { get; set; }

    /// <summary>Hash of the entry before this one in the chain (null for the first).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 over <see cref="PreviousHash"/> and this entry's content: altering or removing an entry breaks
    /// the chain.</summary>
    public string? Hash { get; set; }
}
