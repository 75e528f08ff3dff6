using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KeyProducts.Web.Data;

/// <summary>Keeps <see cref="Product.DirectorySearchText"/> in step with the product and its enterprise, in the
/// SaveChanges that changes either of them (decision 0008). Runs after every ISearchable refreshed its own
/// text.</summary>
internal static class DirectorySearchColumn
{
    public static async Task RefreshAsync(AppDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        // Keyed by the entry's current key, which is also the temporary key of an enterprise added in this save.
        var enterprises = tracker
            .Entries<Enterprise>()
            .Where(e => e.State != EntityState.Deleted)
            .ToDictionary(e => e.Property(x => x.Id).CurrentValue, e => (string?)e.Entity.SearchText);

        // An enterprise whose name or tax code changed: every product of it carries the old text.
        var renamed = tracker
            .Entries<Enterprise>()
            .Where(e => e.State == EntityState.Modified && SearchTextChanged(e))
            .Select(e => e.Entity.Id)
            .ToList();
        if (renamed.Count > 0)
            await db.Products.Where(p => renamed.Contains(p.EnterpriseId)).LoadAsync(ct);

        foreach (
            var entry in tracker
                .Entries<Product>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
                .ToList()
        )
        {
            var product = entry.Entity;
            var enterpriseId = (int)entry.Property(p => p.EnterpriseId).CurrentValue;
            if (entry.State == EntityState.Unchanged && !renamed.Contains(enterpriseId))
                continue;
            if (!enterprises.TryGetValue(enterpriseId, out var enterpriseText))
                enterprises[enterpriseId] = enterpriseText = await db
                    .Enterprises.AsNoTracking()
                    .Where(e => e.Id == enterpriseId)
                    .Select(e => e.SearchText)
                    .FirstOrDefaultAsync(ct);
            var text = SearchText.Directory(product.SearchText, enterpriseText);
            if (product.DirectorySearchText != text)
                product.DirectorySearchText = text;
        }
    }

    private static bool SearchTextChanged(EntityEntry<Enterprise> e)
    {
        var p = e.Property(x => x.SearchText);
        return !string.Equals(p.OriginalValue, p.CurrentValue, StringComparison.Ordinal);
    }
}
