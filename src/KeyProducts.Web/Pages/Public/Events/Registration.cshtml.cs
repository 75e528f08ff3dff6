using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Public.Events;

/// <summary>The registrant's own page, reached by the unguessable link in the mail: status, the QR code for the door
/// (drawn as SVG on the server), cancellation, and the answer to a ceremony invitation.</summary>
public class RegistrationModel(
    ManageRegistration manage,
    EventMail mail,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public OutreachEvent? Event { get; private set; }
    public EventRegistration? Registration { get; private set; }
    public string QrSvg { get; private set; } = "";
    public bool Over { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct) =>
        RunAsync(token, () => manage.CancelAsync(token, ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct) =>
        RunAsync(token, () => manage.AnswerAsync(token, true, ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(string token, CancellationToken ct) =>
        RunAsync(token, () => manage.AnswerAsync(token, false, ct), ct);

    private async Task<IActionResult> RunAsync(string token, Func<Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
            return NotFound();
        try
        {
            await action();
            return Redirect($"/Public/Events/Registration/{token}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Vui lòng thử lại."]);
        }
        await LoadAsync(token, ct);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return false;
        Event = await manage.EventOfTokenAsync(token, ct);
        Registration = Event?.Registrations.First(r => r.Token == token);
        if (Registration is null)
            return false;
        QrSvg = AuthenticatorQr.Svg(mail.RegistrationLink(Registration), l["Mã QR điểm danh"]);
        Over = time.GetUtcNow() >= Event!.EndsAt;
        return true;
    }
}
