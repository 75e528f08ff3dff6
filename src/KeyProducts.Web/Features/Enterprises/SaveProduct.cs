using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>Creates or updates a product of an enterprise, with its certifications and IP records.</summary>
public sealed class SaveProduct(AppDbContext db, TimeProvider time)
{
    public async Task<(Product? Product, IReadOnlyList<FieldError> Errors)> RunAsync(
        int enterpriseId,
        Product? existing,
        ProductInput input,
        int? expectedVersion,
        CancellationToken ct
    )
    {
        var errors = new List<FieldError>();
        if (input.SectorId is { } s && !await db.Sectors.AnyAsync(x => x.Id == s, ct))
            errors.Add(new(nameof(input.SectorId), "Ngành không hợp lệ."));
        var code = string.IsNullOrWhiteSpace(input.HighTechCode) ? null : input.HighTechCode.Trim();
        if (input.IsHighTech && code is null)
            errors.Add(new(nameof(input.HighTechCode), "Vui lòng chọn mã sản phẩm trong Danh mục công nghệ cao."));
        else if (code is not null && !await db.HighTechProducts.AnyAsync(h => h.Code == code, ct))
            errors.Add(new(nameof(input.HighTechCode), "Mã không có trong Danh mục sản phẩm công nghệ cao."));
        var (ips, badLine) = IpLines.Parse(input.IntellectualProperty);
        if (badLine > 0)
            errors.Add(
                new(
                    nameof(input.IntellectualProperty),
                    "Dòng {0}: cần dạng \"Nhãn hiệu | 4-0123456-000 | 15/03/2020 | Tên\"; loại là Nhãn hiệu, Sáng "
                        + "chế, Giải pháp hữu ích, Kiểu dáng công nghiệp hoặc Quyền tác giả.",
                    badLine
                )
            );
        if (errors.Count > 0)
            return (null, errors);

        var product = existing ?? new Product { EnterpriseId = enterpriseId, CreatedAt = time.GetUtcNow() };
        if (existing is not null && expectedVersion is { } v)
            db.Entry(existing).Property(p => p.Version).OriginalValue = v;
        product.Name = input.Name.Trim();
        product.Model = string.IsNullOrWhiteSpace(input.Model) ? null : input.Model.Trim();
        product.SectorId = input.SectorId;
        product.Description = input.Description?.Trim() ?? "";
        product.IsHighTech = input.IsHighTech;
        product.HighTechCode = input.IsHighTech ? code : null;
        product.Certifications = input.Certifications?.Trim() ?? "";
        product.IntellectualProperties.Clear();
        product.IntellectualProperties.AddRange(ips);
        if (existing is null)
            db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return (product, []);
    }

    /// <summary>The product as committed now (after a save refused as stale): its version and name.</summary>
    public Task<(int Version, string Name)> SavedAsync(int productId, CancellationToken ct) =>
        db
            .Products.AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new ValueTuple<int, string>(p.Version, p.Name))
            .FirstAsync(ct);
}
