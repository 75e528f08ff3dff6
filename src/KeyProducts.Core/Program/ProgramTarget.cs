using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

/// <summary>A target of a phase (whole period) or of one year of it: a value or a range, with its source.</summary>
public class ProgramTarget : Entity, IAudited
{
    public int PhaseId { get; set; }

    /// <summary>Stable key of the target (e.g. "DA496-2020-SP"), so a re-import updates rather than
    /// duplicates.</summary>
    public string Code { get; set; } = "";
    public KpiIndicator Indicator { get; set; }
    public KpiUnit Unit { get; set; }
    public FigureBasis Basis { get; set; }

    /// <summary>Null: the target is for the whole phase; otherwise a yearly target (annual plan).</summary>
    public int? Year { get; set; }

    /// <summary>The target counts from the start of the program (the first phase) up to <see cref="Year"/>,
    /// e.g. "115–120 products over 2018–2020" set by the 2020 plan.</summary>
    public bool Cumulative { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    /// <summary>"trên 80": the actual figure must exceed <see cref="Min"/>.</summary>
    public bool MinExclusive { get; set; }
    public int? BaselineYear { get; set; }
    public string Source { get; set; } = "";
    public DateOnly? SourceDate { get; set; }
    public string? Notes { get; set; }

    public void Validate(Phase phase)
    {
        if (Min is null && Max is null)
            throw new DomainException("TargetValue", "Nhập giá trị chỉ tiêu (tối thiểu, tối đa hoặc cả hai).");
        if (Min is < 0 || Max is < 0)
            throw new DomainException("TargetValue", "Giá trị chỉ tiêu không được âm.");
        if (Min > 1_000_000_000m || Max > 1_000_000_000m)
            throw new DomainException("TargetValue", "Giá trị chỉ tiêu quá lớn, kiểm tra lại đơn vị.");
        if (Min is not null && Max is not null && Max < Min)
            throw new DomainException("TargetValue", "Giá trị tối đa không được nhỏ hơn giá trị tối thiểu.");
        if (Unit != KpiIndicators.UnitOf(Indicator))
            throw new DomainException(
                "TargetUnit",
                $"Đơn vị của chỉ tiêu này phải là “{KpiIndicators.UnitVi(KpiIndicators.UnitOf(Indicator))}”."
            );
        if (Year is not null && !phase.Contains(Year.Value))
            throw new DomainException(
                "TargetYear",
                $"Năm của chỉ tiêu phải thuộc giai đoạn {phase.StartYear}–{phase.EndYear}."
            );
        if (Cumulative && Year is null)
            throw new DomainException("TargetYear", "Chỉ tiêu lũy kế cần năm kết thúc.");
        if (BaselineYear is < 2000 or > 2100)
            throw new DomainException("TargetBaseline", "Năm gốc không hợp lệ.");
        if (string.IsNullOrWhiteSpace(Source))
            throw new DomainException("TargetSource", "Nhập văn bản nguồn của chỉ tiêu.");
    }
}

/// <summary>A historical, reported or external figure (program.md §6): never computed by the system.</summary>
public class Measurement : Entity, IAudited
{
    public KpiIndicator Indicator { get; set; }
    public int Year { get; set; }

    /// <summary>For cumulative figures covering a span (e.g. 2005–2010), the first year of the span.</summary>
    public int? FromYear { get; set; }
    public decimal Value { get; set; }
    public KpiUnit Unit { get; set; }
    public FigureBasis Basis { get; set; }

    /// <summary>The year the figure refers to when it differs from <see cref="Year"/> (e.g. revenue of the previous
    /// year).</summary>
    public int? ReferenceYear { get; set; }
    public bool IsEstimate { get; set; }
    public string Source { get; set; } = "";
    public string? Notes { get; set; }

    public void Validate()
    {
        if (Year is < 1990 or > 2100)
            throw new DomainException("MeasurementYear", "Năm không hợp lệ.");
        if (FromYear is not null && (FromYear > Year || FromYear < 1990))
            throw new DomainException("MeasurementYear", "Năm bắt đầu của khoảng phải trước năm của số liệu.");
        if (Value < 0 && Indicator != KpiIndicator.ProductionValueGrowth)
            throw new DomainException("MeasurementValue", "Giá trị không được âm.");
        if (Math.Abs(Value) > 1_000_000_000m)
            throw new DomainException("MeasurementValue", "Giá trị quá lớn, kiểm tra lại đơn vị.");
        if (Unit != KpiIndicators.UnitOf(Indicator))
            throw new DomainException(
                "MeasurementUnit",
                $"Đơn vị của số liệu này phải là “{KpiIndicators.UnitVi(KpiIndicators.UnitOf(Indicator))}”."
            );
        if (KpiIndicators.IsDenominator(Indicator) != (Basis == FigureBasis.City))
            throw new DomainException(
                "MeasurementBasis",
                "Số liệu toàn thành phố dùng phạm vi “toàn thành phố”, các số liệu khác dùng “sản phẩm” hoặc “doanh "
                    + "nghiệp”."
            );
        if (ReferenceYear is < 1990 or > 2100)
            throw new DomainException("MeasurementYear", "Năm tham chiếu không hợp lệ.");
        if (string.IsNullOrWhiteSpace(Source))
            throw new DomainException("MeasurementSource", "Nhập nguồn của số liệu.");
    }
}
