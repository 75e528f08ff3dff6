using KeyProducts.Core.Common;

namespace KeyProducts.Core.Recognition;

/// <summary>The city's recognition decision (QĐ công nhận), e.g. 5012/QĐ-UBND of 26/11/2021.</summary>
public class RecognitionDecision : Entity, IAudited
{
    public int RoundId { get; set; }
    public string Number { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Signer { get; set; } = "";
    public string SignerTitle { get; set; } = "";
}

public enum RecognitionStatus
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>A recognized product in one year: validity, Top 10 place, and the right to use the logo.</summary>
public class Recognition : Entity, IAudited
{
    public int DecisionId { get; set; }
    public int? DossierId { get; set; }
    public int ProductId { get; set; }
    public int EnterpriseId { get; set; }
    public int Year { get; set; }
    public bool Top10 { get; set; }
    public long? AverageScoreHundredths { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public string? RevocationDocument { get; set; }

    /// <summary>The last day of a recognition valid for <paramref name="months"/> months from <paramref name="from"/>:
    /// the day before the same date <paramref name="months"/> months later (02/12/2026 + 36 months →
    /// 01/12/2029).</summary>
    public static DateOnly ValidUntil(DateOnly from, int months) => from.AddMonths(months).AddDays(-1);

    public RecognitionStatus StatusOn(DateOnly today) =>
        RevokedAt is not null ? RecognitionStatus.Revoked
        : today > ValidTo ? RecognitionStatus.Expired
        : RecognitionStatus.Valid;

    public void Revoke(DateTimeOffset now, string reason, string document)
    {
        if (RevokedAt is not null)
            throw new DomainException("AlreadyRevoked", "Công nhận này đã bị thu hồi.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", "Cần nêu lý do thu hồi.");
        RevokedAt = now;
        RevocationReason = reason.Trim();
        RevocationDocument = document.Trim();
    }
}

public enum CertificateKind
{
    Standard,
    Top10,
}

/// <summary>A certificate (giấy chứng nhận) with a serial; a reissue supersedes the old serial.</summary>
public class Certificate : Entity, IAudited
{
    public int RecognitionId { get; set; }
    public CertificateKind Kind { get; set; }
    public string Serial { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public int? SupersededById { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
}
