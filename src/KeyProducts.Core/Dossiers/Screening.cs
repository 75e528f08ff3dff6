using KeyProducts.Core.Common;

namespace KeyProducts.Core.Dossiers;

/// <summary>A request for supplements (yêu cầu bổ sung): comments on items or fields, and a deadline.</summary>
public class SupplementRequest : Entity, IAudited
{
    public int DossierId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset? AnsweredAt { get; set; }
    public List<SupplementItem> Items { get; set; } = [];
}

public enum SupplementTarget
{
    ChecklistItem,
    Figures,
    Conditions,
    SelfAssessment,
}

public class SupplementItem : Entity
{
    public int SupplementRequestId { get; set; }
    public SupplementTarget Target { get; set; }

    /// <summary>The checklist item's id for documents; unused for field groups.</summary>
    public int? ChecklistItemId { get; set; }
    public string Comment { get; set; } = "";
}

/// <summary>What the dossier contained at one submission, as JSON, so versions can be compared.</summary>
public class DossierSnapshot : Entity
{
    public int DossierId { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset TakenAt { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>A site inspection (kiểm tra, thẩm định thực tế).</summary>
public class SiteInspection : Entity, IAudited
{
    public int DossierId { get; set; }
    public DateOnly Date { get; set; }
    public string Participants { get; set; } = "";
    public string Findings { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string? AttachmentName { get; set; }
    public string? AttachmentSha256 { get; set; }
}
