using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>Deletes a product that never took part in a round; one that did keeps its history (a refusal).</summary>
public sealed class DeleteProduct(AppDbContext db)
{
    public async Task RunAsync(Product product, CancellationToken ct)
    {
        if (await db.Dossiers.AnyAsync(d => d.ProductId == product.Id, ct))
            throw new DomainException(
                "ProductHasDossiers",
                "Sản phẩm đã có hồ sơ tham gia xét chọn nên không thể xóa."
            );
        db.Products.Remove(product);
        await db.SaveChangesAsync(ct);
    }
}
