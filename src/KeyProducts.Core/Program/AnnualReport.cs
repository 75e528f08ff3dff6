using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

public enum AnnualReportState
{
    Draft,
    Submitted,
    NeedsCorrection,
    Accepted,
}

/// <summary>The yearly report of an enterprise holding a valid recognition (báo cáo định kỳ): figures of the year
/// for its recognized products together and for the whole enterprise. VND in đồng, exports in USD cents.</summary>
public class AnnualReport : Entity, IAudited
{
    public const long MaxVnd = 5_000_000L * Money.OneBillionVnd; // 5 triệu tỷ: above any Hanoi enterprise
    public const long MaxUsdCents = 100_000L * Money.OneMillionUsdCents; // 100 tỷ USD
    public const int MaxEmployees = 1_000_000;

    public int EnterpriseId { get; set; }

    /// <summary>The year the figures describe (reported in the first quarter of the next year).</summary>
    public int Year { get; set; }
    public AnnualReportState State { get; private set; } = AnnualReportState.Draft;
    public long? ProductRevenueVnd { get; set; }
    public long? ProductProductionValueVnd { get; set; }
    public long? ProductExportUsdCents { get; set; }
    public long? EnterpriseRevenueVnd { get; set; }
    public long? EnterpriseProductionValueVnd { get; set; }
    public long? EnterpriseExportUsdCents { get; set; }
    public int? Employees { get; set; }
    public long? RdSpendingVnd { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewerId { get; set; }
    public string? CorrectionNote { get; set; }

    /// <summary>Entered by an officer (Excel import) rather than by the enterprise.</summary>
    public bool EnteredByOfficer { get; set; }

    public bool IsEditableByEnterprise => State is AnnualReportState.Draft or AnnualReportState.NeedsCorrection;

    /// <summary>Checks the figures: each field's error keyed by the field name (empty when valid).</summary>
    public Dictionary<string, string> Problems(bool forSubmission)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal);
        void Vnd(string name, long? v, bool required)
        {
            if (v is null)
            {
                if (required)
                    p[name] = "Nhập số liệu (đồng).";
                return;
            }
            if (v < 0)
                p[name] = "Số liệu không được âm.";
            else if (v > MaxVnd)
                p[name] = "Số liệu quá lớn (trên 5 triệu tỷ đồng); kiểm tra đơn vị: đồng, không phải nghìn đồng.";
        }
        Vnd(nameof(ProductRevenueVnd), ProductRevenueVnd, forSubmission);
        Vnd(nameof(ProductProductionValueVnd), ProductProductionValueVnd, forSubmission);
        Vnd(nameof(EnterpriseRevenueVnd), EnterpriseRevenueVnd, forSubmission);
        Vnd(nameof(EnterpriseProductionValueVnd), EnterpriseProductionValueVnd, forSubmission);
        Vnd(nameof(RdSpendingVnd), RdSpendingVnd, false);
        foreach (
            var (name, v) in new[]
            {
                (nameof(ProductExportUsdCents), ProductExportUsdCents),
                (nameof(EnterpriseExportUsdCents), EnterpriseExportUsdCents),
            }
        )
        {
            if (v is null)
            {
                if (forSubmission)
                    p[name] = "Nhập kim ngạch xuất khẩu (USD), 0 nếu không xuất khẩu.";
                continue;
            }
            if (v < 0)
                p[name] = "Số liệu không được âm.";
            else if (v > MaxUsdCents)
                p[name] = "Số liệu quá lớn (trên 100 tỷ USD); kiểm tra đơn vị: USD, không phải đồng.";
        }
        if (Employees is null)
        {
            if (forSubmission)
                p[nameof(Employees)] = "Nhập số lao động.";
        }
        else if (Employees < 0 || Employees > MaxEmployees)
            p[nameof(Employees)] = "Số lao động không hợp lệ.";
        if (ProductRevenueVnd > EnterpriseRevenueVnd && !p.ContainsKey(nameof(ProductRevenueVnd)))
            p[nameof(ProductRevenueVnd)] = "Doanh thu của sản phẩm không thể lớn hơn doanh thu của doanh nghiệp.";
        if (ProductExportUsdCents > EnterpriseExportUsdCents && !p.ContainsKey(nameof(ProductExportUsdCents)))
            p[nameof(ProductExportUsdCents)] = "Xuất khẩu của sản phẩm không thể lớn hơn xuất khẩu của doanh nghiệp.";
        if (
            ProductProductionValueVnd > EnterpriseProductionValueVnd
            && !p.ContainsKey(nameof(ProductProductionValueVnd))
        )
            p[nameof(ProductProductionValueVnd)] = "Giá trị sản xuất của sản phẩm không thể lớn hơn của doanh nghiệp.";
        return p;
    }

    public void EnsureEditableByEnterprise()
    {
        if (!IsEditableByEnterprise)
            throw new DomainException(
                "ReportLocked",
                "Báo cáo đã nộp, không sửa được nữa trừ khi cán bộ yêu cầu bổ sung."
            );
    }

    public void Submit(DateTimeOffset now)
    {
        EnsureEditableByEnterprise();
        if (Problems(forSubmission: true).Count > 0)
            throw new DomainException(
                "ReportIncomplete",
                "Báo cáo còn thiếu hoặc sai số liệu, xem thông báo bên cạnh từng ô."
            );
        State = AnnualReportState.Submitted;
        SubmittedAt = now;
        CorrectionNote = null;
    }

    public void Accept(string reviewerId, DateTimeOffset now)
    {
        if (State != AnnualReportState.Submitted)
            throw new DomainException("ReportNotSubmitted", "Chỉ tiếp nhận được báo cáo đã nộp.");
        State = AnnualReportState.Accepted;
        ReviewerId = reviewerId;
        ReviewedAt = now;
    }

    public void RequestCorrection(string reviewerId, string note, DateTimeOffset now)
    {
        if (State != AnnualReportState.Submitted)
            throw new DomainException("ReportNotSubmitted", "Chỉ yêu cầu bổ sung được với báo cáo đã nộp.");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("CorrectionNoteRequired", "Nêu nội dung cần bổ sung, chỉnh sửa.");
        State = AnnualReportState.NeedsCorrection;
        CorrectionNote = note.Trim();
        ReviewerId = reviewerId;
        ReviewedAt = now;
    }

    /// <summary>An officer enters a report from a spreadsheet: validated for submission and accepted at once.</summary>
    public void AcceptEnteredByOfficer(string officerId, DateTimeOffset now)
    {
        if (Problems(forSubmission: true).Count > 0)
            throw new DomainException("ReportIncomplete", "Báo cáo còn thiếu hoặc sai số liệu.");
        EnteredByOfficer = true;
        State = AnnualReportState.Accepted;
        SubmittedAt = now;
        ReviewerId = officerId;
        ReviewedAt = now;
    }
}

/// <summary>The reporting window of one year's figures, set by the officer (e.g. 01/01–31/03 of the next
/// year).</summary>
public class AnnualReportWindow : Entity, IAudited
{
    public int Year { get; set; }
    public DateOnly Opens { get; set; }
    public DateOnly Deadline { get; set; }

    /// <summary>Reminders go this many days before the deadline to enterprises that have not submitted.</summary>
    public int RemindDaysBefore { get; set; } = 14;
    public DateTimeOffset? LastReminderAt { get; set; }

    public void Validate()
    {
        if (Year is < 2000 or > 2100)
            throw new DomainException("WindowYear", "Năm báo cáo không hợp lệ.");
        if (Opens.Year < Year)
            throw new DomainException("WindowOpens", "Kỳ báo cáo chỉ mở được từ năm báo cáo trở đi.");
        if (Deadline < Opens)
            throw new DomainException("WindowDeadline", "Hạn nộp phải sau ngày mở kỳ báo cáo.");
        if (RemindDaysBefore is < 0 or > 90)
            throw new DomainException("WindowRemind", "Số ngày nhắc trước hạn từ 0 đến 90.");
    }

    public bool IsOpen(DateOnly today) => today >= Opens && today <= Deadline;

    public bool IsOverdue(DateOnly today) => today > Deadline;

    public bool IsReminderDue(DateOnly today) => IsOpen(today) && today >= Deadline.AddDays(-RemindDaysBefore);
}
