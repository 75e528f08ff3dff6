using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

public sealed record SupportItemInput(string Description, long CostVnd, int Quantity);

/// <summary>The enterprise saves its application: purpose, items with their costs, and the products it links.
/// Linking a product recognized as SPCNCL (valid today) marks the application as a priority one.</summary>
public sealed class SaveSupportApplication(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(
        SupportApplication a,
        int seenVersion,
        string purpose,
        IReadOnlyList<SupportItemInput> items,
        IReadOnlyList<int> productIds,
        CancellationToken ct = default
    )
    {
        SupportVersion.Expect(db, a, seenVersion);
        if (!a.IsEditableByEnterprise)
            throw new DomainException("State", "Hồ sơ không còn sửa được ở trạng thái này.");
        var ids = productIds.Distinct().ToList();
        var own = await db
            .Products.Where(p => ids.Contains(p.Id) && p.EnterpriseId == a.EnterpriseId)
            .Select(p => p.Id)
            .ToListAsync(ct);
        if (own.Count != ids.Count)
            throw new DomainException("Products", "Sản phẩm không thuộc doanh nghiệp của bạn.");
        a.Purpose = purpose.Trim();
        a.SetItems(items.Select(i => (i.Description, i.CostVnd, i.Quantity)));
        foreach (var link in a.Products.Where(l => !ids.Contains(l.ProductId)).ToList())
            a.Products.Remove(link);
        foreach (var id in ids.Where(id => a.Products.All(l => l.ProductId != id)))
            a.Products.Add(new SupportProductLink { ProductId = id });
        var recognized = await SupportRecognitions.RecognizedProductsAsync(db, ids, VietnamTime.Today(time), ct);
        a.Priority = recognized.Count > 0;
        await db.SaveChangesAsync(ct);
    }
}
