using KeyProducts.Core.Common;

namespace KeyProducts.Core.Support;

/// <summary>A support program of the city (khuyến công, energy saving, SME support…) with its rules kept as data.
/// Amounts are whole VND; the co-funding rate is in basis points (10000 = 100%, 7000 = 70%).</summary>
public class SupportProgram : Entity, IAudited
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ManagingUnit { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }

    /// <summary>Yearly budget proposed when a call opens a year's budget row.</summary>
    public long YearlyBudgetVnd { get; set; }
    public int CoFundingRateBasisPoints { get; set; } = 10000;
    public long? CapPerEnterprisePerYearVnd { get; set; }
    public long? CapPerItemVnd { get; set; }

    /// <summary>What one item is ("hợp đồng tư vấn", "học viên"): shown with the per-item cap.</summary>
    public string ItemUnit { get; set; } = "hạng mục";
    public string Eligibility { get; set; } = "";

    /// <summary>Only enterprises with a valid SPCNCL recognition may apply.</summary>
    public bool RecognizedOnly { get; set; }

    /// <summary>SPCNCL recognition gives priority in ranking (a flag, not an automatic grant).</summary>
    public bool SpcnclPriority { get; set; } = true;
    public bool Active { get; set; } = true;

    public SupportRules Rules => new(CoFundingRateBasisPoints, CapPerEnterprisePerYearVnd, CapPerItemVnd, ItemUnit);

    /// <summary>Checks the program's own fields; throws the first broken rule, with the field it concerns as the
    /// code.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Code))
            throw new DomainException(nameof(Code), "Cần nhập mã chương trình.");
        if (string.IsNullOrWhiteSpace(Name))
            throw new DomainException(nameof(Name), "Cần nhập tên chương trình.");
        if (StartYear is < 2000 or > 2100 || EndYear < StartYear || EndYear > 2100)
            throw new DomainException(
                nameof(EndYear),
                "Giai đoạn không hợp lệ: năm kết thúc phải không trước năm bắt đầu."
            );
        if (YearlyBudgetVnd < 0)
            throw new DomainException(nameof(YearlyBudgetVnd), "Ngân sách không được âm.");
        if (CoFundingRateBasisPoints is <= 0 or > 10000)
            throw new DomainException(
                nameof(CoFundingRateBasisPoints),
                "Tỷ lệ hỗ trợ phải lớn hơn 0% và không quá 100%."
            );
        if (CapPerEnterprisePerYearVnd is <= 0)
            throw new DomainException(nameof(CapPerEnterprisePerYearVnd), "Mức tối đa phải lớn hơn 0.");
        if (CapPerItemVnd is <= 0)
            throw new DomainException(nameof(CapPerItemVnd), "Mức tối đa phải lớn hơn 0.");
    }
}

/// <summary>The budget of one program in one year. <see cref="CommittedVnd"/> is only ever raised by a conditional
/// UPDATE (committed + x &lt;= allocated) so that the budget cannot be over-committed by parallel approvals.</summary>
public class SupportBudget : Entity
{
    public int ProgramId { get; set; }
    public int Year { get; set; }
    public long AllocatedVnd { get; set; }
    public long CommittedVnd { get; set; }
    public long DisbursedVnd { get; set; }
    public long RemainingVnd => AllocatedVnd - CommittedVnd;
}

/// <summary>A yearly call for applications of one program.</summary>
public class SupportCall : Entity, IAudited
{
    public int ProgramId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }

    /// <summary>Documents asked, one per line.</summary>
    public string DocumentsAsked { get; set; } = "";
    public bool Published { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public IReadOnlyList<string> DocumentList =>
        DocumentsAsked.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsOpenOn(DateOnly day) => Published && day >= OpensOn && day <= ClosesOn;

    public void Validate(SupportProgram program)
    {
        if (string.IsNullOrWhiteSpace(Title))
            throw new DomainException(nameof(Title), "Cần nhập tên đợt kêu gọi.");
        if (Year < program.StartYear || Year > program.EndYear)
            throw new DomainException(
                nameof(Year),
                "Năm {0} nằm ngoài giai đoạn {1}–{2} của chương trình.",
                Year,
                program.StartYear,
                program.EndYear
            );
        if (ClosesOn < OpensOn)
            throw new DomainException(nameof(ClosesOn), "Ngày đóng phải không trước ngày mở.");
    }

    /// <summary>Refuses an application when the call is not published or not open on that day.</summary>
    public void EnsureOpen(DateOnly today)
    {
        if (!IsOpenOn(today))
            throw new DomainException(
                "CallClosed",
                "Đợt kêu gọi không mở nhận hồ sơ (mở từ {0} đến {1}).",
                VnFormat.Date(OpensOn),
                VnFormat.Date(ClosesOn)
            );
    }
}
