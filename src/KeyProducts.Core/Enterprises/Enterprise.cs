using KeyProducts.Core.Common;

namespace KeyProducts.Core.Enterprises;

public enum EnterpriseStatus
{
    Pending,
    Verified,
    Rejected,
}

public enum LegalForm
{
    JointStock,
    LimitedLiability,
    SingleMemberLimited,
    Partnership,
    Private,
    Cooperative,
    Other,
}

public enum Ownership
{
    Domestic,
    Fdi,
    StateOwned,
}

/// <summary>An address as entered: street plus the units valid at that time (new commune and/or old
/// district).</summary>
public class Address
{
    public string Street { get; set; } = "";
    public string? CommuneCode { get; set; }
    public string? DistrictCode { get; set; }
    public string Province { get; set; } = "Hà Nội";
    public bool InCity => Province.Trim().Equals("Hà Nội", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An enterprise (doanh nghiệp) taking part in the program.</summary>
public class Enterprise : Entity, IAudited, ISearchable
{
    public string TaxCode { get; set; } = "";
    public string NameVi { get; set; } = "";
    public string? NameEn { get; set; }
    public LegalForm LegalForm { get; set; }
    public Ownership Ownership { get; set; }
    public Address HeadOffice { get; set; } = new();
    public int? SectorId { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string? Website { get; set; }
    public EnterpriseStatus Status { get; set; } = EnterpriseStatus.Pending;
    public string? RejectionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string SearchText { get; set; } = "";
    public List<Factory> Factories { get; set; } = [];

    public void RefreshSearchText() => SearchText = SearchText_(this);

    private static string SearchText_(Enterprise e) => Common.SearchText.Column(e.NameVi, e.NameEn, e.TaxCode);

    public bool HasPresenceInCity => HeadOffice.InCity || Factories.Any(f => f.Address.InCity);

    /// <summary>An officer confirms the profile against the business registration.</summary>
    public void Verify(DateTimeOffset now)
    {
        if (Status != EnterpriseStatus.Pending)
            throw new DomainException(
                "EnterpriseNotPending",
                "Chỉ xác minh được hồ sơ doanh nghiệp đang chờ xác minh."
            );
        Status = EnterpriseStatus.Verified;
        RejectionReason = null;
        VerifiedAt = now;
    }

    /// <summary>An officer sends the profile back with a reason the enterprise sees.</summary>
    public void Reject(string reason)
    {
        if (Status != EnterpriseStatus.Pending)
            throw new DomainException("EnterpriseNotPending", "Chỉ từ chối được hồ sơ doanh nghiệp đang chờ xác minh.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", "Vui lòng nêu lý do từ chối.");
        Status = EnterpriseStatus.Rejected;
        RejectionReason = reason.Trim();
    }

    /// <summary>After correcting a rejected profile the enterprise submits it again for verification.</summary>
    public void Resubmit()
    {
        if (Status != EnterpriseStatus.Rejected)
            throw new DomainException("EnterpriseNotRejected", "Chỉ gửi lại được hồ sơ đã bị từ chối.");
        Status = EnterpriseStatus.Pending;
    }
}

/// <summary>A production site (nhà xưởng) of an enterprise.</summary>
public class Factory : Entity
{
    public int EnterpriseId { get; set; }
    public string Name { get; set; } = "";
    public Address Address { get; set; } = new();
}

/// <summary>An invitation for a colleague to join an enterprise's account.</summary>
public class EnterpriseInvitation : Entity, IAudited
{
    public int EnterpriseId { get; set; }
    public string Email { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
