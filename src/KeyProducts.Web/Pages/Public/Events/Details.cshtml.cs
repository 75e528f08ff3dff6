using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Public.Events;

/// <summary>The public page of an event with its materials and the registration form: as a guest, or filled in from the
/// signed-in enterprise's profile. An invitation link may pre-fill the tax code (?tax=).</summary>
public class DetailsModel(
    AppDbContext db,
    RegisterForEvent register,
    UserManager<ApplicationUser> users,
    IFileStorage storage,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class RegistrationInput
    {
        [Required(ErrorMessage = "Cần nhập họ tên."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        public string? Name { get; set; }

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? Organisation { get; set; }

        [Required(ErrorMessage = "Cần nhập số điện thoại."), StringLength(30, ErrorMessage = "Tối đa 30 ký tự.")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Cần nhập email."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        public string? Email { get; set; }

        [StringLength(20, ErrorMessage = "Tối đa 20 ký tự.")]
        public string? TaxCode { get; set; }
    }

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "tax")]
    public string? Tax { get; set; }

    public OutreachEvent? Event { get; private set; }
    public int Confirmed { get; private set; }
    public bool Open { get; private set; }
    public bool AsEnterprise { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Input.TaxCode = Tax is { Length: <= 20 } ? Tax : null;
        if (await EnterpriseAsync(ct) is { } ent)
        {
            Input = new RegistrationInput
            {
                Name = ent.ContactName,
                Organisation = ent.NameVi,
                Phone = ent.ContactPhone,
                Email = ent.ContactEmail,
                TaxCode = ent.TaxCode,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (ModelState.IsValid)
        {
            var ent = await EnterpriseAsync(ct);
            try
            {
                var r = await register.ExecuteAsync(
                    id,
                    new RegistrationFields(
                        Input.Name ?? "",
                        Input.Organisation ?? "",
                        Input.Phone ?? "",
                        Input.Email ?? "",
                        Input.TaxCode
                    ),
                    ent?.Id,
                    ct
                );
                return Redirect($"/Public/Events/Registration/{r.Token}");
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(
                    ex.Code switch
                    {
                        "event.duplicate" or "event.email" or "Email" => "Input.Email",
                        "event.taxcode" => "Input.TaxCode",
                        "Name" => "Input.Name",
                        _ => "",
                    },
                    ex.Localized(l)
                );
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError("", l["Vui lòng thử lại."]);
            }
        }
        Response.StatusCode = 400;
        return Page();
    }

    public async Task<IActionResult> OnGetMaterialAsync(int id, int materialId, CancellationToken ct)
    {
        var m = await (
            from x in db.EventMaterials.AsNoTracking()
            join e in db.OutreachEvents on x.EventId equals e.Id
            where x.Id == materialId && x.EventId == id && e.Published
            select x
        ).FirstOrDefaultAsync(ct);
        if (m is null || storage.OpenRead(m.Sha256) is not { } s)
            return NotFound();
        return File(s, m.ContentType, m.FileName);
    }

    private async Task<Core.Enterprises.Enterprise?> EnterpriseAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true || !User.IsInRole(Roles.Enterprise))
            return null;
        var user = await users.GetUserAsync(User);
        if (user?.EnterpriseId is not { } eid)
            return null;
        AsEnterprise = true;
        return await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eid, ct);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Event = await db
            .OutreachEvents.AsNoTracking()
            .Include(e => e.Materials)
            .FirstOrDefaultAsync(e => e.Id == id && e.Published, ct);
        if (Event is null)
            return false;
        Confirmed = await db.EventRegistrations.CountAsync(
            r => r.EventId == id && r.Status == RegistrationStatus.Confirmed,
            ct
        );
        Open = time.GetUtcNow() < Event.EndsAt;
        return true;
    }
}
