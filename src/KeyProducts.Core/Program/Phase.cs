using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

/// <summary>A phase of the program (giai đoạn), e.g. 2021–2025, with its targets.</summary>
public class Phase : Entity, IAudited
{
    public string Name { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string LegalBasis { get; set; } = "";
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
}
