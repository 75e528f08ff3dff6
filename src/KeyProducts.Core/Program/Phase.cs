using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

/// <summary>A phase of the program (giai đoạn), e.g. 2021–2025, with its legal basis and its targets.</summary>
public class Phase : Entity, IAudited
{
    public string Name { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }

    /// <summary>Number and symbol of the founding document, e.g. "496/QĐ-UBND".</summary>
    public string LegalBasis { get; set; } = "";
    public DateOnly? LegalBasisDate { get; set; }
    public string? LegalBasisTitle { get; set; }

    // Older headline columns, kept for /api/v1/program; the targets table (ProgramTarget) is the source of truth
    // and the importer keeps these in step with the phase's product and enterprise targets.
    public int? TargetProductsMin { get; set; }
    public int? TargetProductsMax { get; set; }
    public int? TargetEnterprisesMin { get; set; }
    public int? TargetEnterprisesMax { get; set; }

    /// <summary>Targets in hundredths of a percent (e.g. 1000 = 10%).</summary>
    public int? TargetGrowthPercentHundredths { get; set; }
    public int? TargetExportSharePercentHundredths { get; set; }
    public int? TargetIndustrialSharePercentHundredths { get; set; }
    public string? Notes { get; set; }

    public bool Contains(int year) => year >= StartYear && year <= EndYear;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new DomainException("PhaseName", "Nhập tên giai đoạn.");
        if (StartYear is < 2000 or > 2100 || EndYear is < 2000 or > 2100)
            throw new DomainException("PhaseYears", "Năm bắt đầu và năm kết thúc phải nằm trong khoảng 2000–2100.");
        if (EndYear < StartYear)
            throw new DomainException("PhaseYears", "Năm kết thúc không được trước năm bắt đầu.");
    }
}
