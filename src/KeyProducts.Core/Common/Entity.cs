namespace KeyProducts.Core.Common;

/// <summary>Base of every stored record. <see cref="Version"/> is the optimistic-concurrency token,
/// incremented on every save by the data layer.</summary>
public abstract class Entity
{
    public int Id { get; set; }
    public int Version { get; set; }
}

/// <summary>Records that appear in the audit log. Almost everything is audited; technical tables are not.</summary>
public interface IAudited;

/// <summary>Records that keep a folded search column up to date.</summary>
public interface ISearchable
{
    string SearchText { get; }
    void RefreshSearchText();
}
