namespace KeyProducts.Core.Dossiers;

/// <summary>What the enterprise may change now: everything in a draft; only the parts an open
/// supplement request names while the dossier needs a supplement; nothing otherwise.</summary>
public sealed class DossierEditScope
{
    private readonly bool _all;
    private readonly IReadOnlyCollection<SupplementItem> _items;

    private DossierEditScope(bool all, IReadOnlyCollection<SupplementItem> items)
    {
        _all = all;
        _items = items;
    }

    public static DossierEditScope For(DossierState state, SupplementRequest? open) =>
        state switch
        {
            DossierState.Draft => new(true, []),
            DossierState.NeedsSupplement when open is not null => new(false, open.Items),
            _ => new(false, []),
        };

    public bool Any => _all || _items.Count > 0;

    public bool CanEdit(SupplementTarget target) => _all || _items.Any(i => i.Target == target);

    public bool CanEditDocument(int checklistItemId) =>
        _all || _items.Any(i => i.Target == SupplementTarget.ChecklistItem && i.ChecklistItemId == checklistItemId);

    public void EnsureCanEdit(SupplementTarget target)
    {
        if (!CanEdit(target))
            throw new Common.DomainException("Locked", "Phần này của hồ sơ đang bị khóa, không thể sửa.");
    }

    public void EnsureCanEditDocument(int checklistItemId)
    {
        if (!CanEditDocument(checklistItemId))
            throw new Common.DomainException("Locked", "Phần này của hồ sơ đang bị khóa, không thể sửa.");
    }
}
