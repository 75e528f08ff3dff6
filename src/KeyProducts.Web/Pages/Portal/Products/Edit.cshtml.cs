using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.Products;

/// <summary>Create or edit a product of the user's own enterprise; another enterprise's product id answers
/// 404.</summary>
public class EditModel(
    EnterpriseAccess access,
    SaveProduct save,
    DeleteProduct delete,
    ReferenceLists lists,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ProductInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }
    public List<ReferenceLists.Option> Sectors { get; private set; } = [];
    public List<ReferenceLists.Option> HighTech { get; private set; } = [];
    private Product? _product;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (_product is not null)
        {
            Input = ProductInput.From(_product);
            Version = _product.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (ModelState.IsValid)
        {
            var own = await access.OwnEnterpriseIdAsync(User, ct);
            try
            {
                var (product, errors) = await save.RunAsync(
                    own!.Value,
                    _product,
                    Input,
                    _product is null ? null : Version,
                    ct
                );
                if (errors.Count == 0)
                {
                    TempData["Flash"] = l["Đã lưu sản phẩm {0}.", product!.Name].Value;
                    return Redirect("/Portal/Products");
                }
                ModelState.AddErrors(errors, nameof(Input), l);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
            {
                // Someone saved the product since this form was loaded: keep the typing, say what is saved, allow a
                // knowing resave.
                var saved = await save.SavedAsync(_product!.Id, ct);
                ModelState.AddModelError(
                    string.Empty,
                    l[
                        "Sản phẩm vừa được cập nhật ở một phiên làm việc khác nên lần lưu này chưa được ghi. Những "
                            + "gì bạn nhập vẫn còn trên trang. Tên đang lưu: “{0}”. Bấm lưu lại nếu muốn ghi đè.",
                        saved.Name
                    ]
                );
                ModelState.Remove(nameof(Version));
                Version = saved.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || _product is null)
            return NotFound();
        try
        {
            await delete.RunAsync(_product, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Localized(l));
            Input = ProductInput.From(_product);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Flash"] = l["Đã xóa sản phẩm."].Value;
        return Redirect("/Portal/Products");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is null)
            return false;
        if (Id is { } id && (_product = await access.FindProductAsync(User, id, ct)) is null)
            return false;
        Sectors = await lists.SectorsAsync(ct);
        HighTech = await lists.HighTechAsync(ct);
        return true;
    }
}
