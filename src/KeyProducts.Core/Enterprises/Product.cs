using KeyProducts.Core.Common;

namespace KeyProducts.Core.Enterprises;

public enum IpKind
{
    Trademark,
    Patent,
    UtilitySolution,
    IndustrialDesign,
    Copyright,
}

/// <summary>A product of an enterprise; the same product can apply and be recognized in several rounds.</summary>
public class Product : Entity, IAudited, ISearchable
{
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public string Name { get; set; } = "";
    public string? Model { get; set; }
    public int? SectorId { get; set; }
    public string Description { get; set; } = "";
    public bool IsHighTech { get; set; }
    public string? HighTechCode { get; set; }

    /// <summary>Standards and certifications, one per line (ISO 9001:2015, TCVN …).</summary>
    public string Certifications { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string SearchText { get; set; } = "";

    /// <summary>What the public directory's search matches: this product's search text and its enterprise's, joined by
    /// <see cref="Common.SearchText.Directory"/>. Kept here so a search reads one column of one table; the data layer
    /// refreshes it whenever the product or its enterprise changes.</summary>
    public string DirectorySearchText { get; set; } = "";
    public List<IntellectualProperty> IntellectualProperties { get; set; } = [];

    public void RefreshSearchText() => SearchText = Common.SearchText.Column(Name, Model);
}

public class IntellectualProperty : Entity
{
    public int ProductId { get; set; }
    public IpKind Kind { get; set; }
    public string Number { get; set; } = "";
    public DateOnly? GrantedOn { get; set; }
    public string? Title { get; set; }
}
