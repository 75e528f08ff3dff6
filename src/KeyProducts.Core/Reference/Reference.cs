using KeyProducts.Core.Common;

namespace KeyProducts.Core.Reference;

/// <summary>A program sector (ngành), versioned by the legal regime it belongs to.</summary>
public class Sector : Entity, IAudited
{
    public string Code { get; set; } = "";
    public string NameVi { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int ValidFromYear { get; set; }
    public int? ValidToYear { get; set; }
    public int SortOrder { get; set; }

    public bool IsValidIn(int year) => year >= ValidFromYear && (ValidToYear is null || year <= ValidToYear);
}

public enum UnitLevel
{
    District = 2,
    Commune = 3,
}

public enum UnitKind
{
    UrbanDistrict,
    RuralDistrict,
    Town,
    Ward,
    Commune,
    Township,
}

/// <summary>An administrative unit of the city (đơn vị hành chính). Former districts stay for old addresses.</summary>
public class AdministrativeUnit : Entity, IAudited
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public UnitLevel Level { get; set; }
    public UnitKind Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>For a pre-2025 commune, its district; unused after the two-tier reform.</summary>
    public string? ParentCode { get; set; }
    public string SearchName { get; set; } = "";

    public bool IsValidOn(DateOnly day) => day >= ValidFrom && (ValidTo is null || day <= ValidTo);
}

/// <summary>A government agency that sits on the council or scores criteria; merged agencies keep a successor
/// link.</summary>
public class Agency : Entity, IAudited
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }
    public Agency? Successor { get; set; }
}

/// <summary>An entry of the Prime Minister's list of high-tech products encouraged for development.</summary>
public class HighTechProduct : Entity, IAudited
{
    public string ListDecision { get; set; } = ""; // e.g. 38/2020/QĐ-TTg
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string SearchName { get; set; } = "";
}
