using System.Security.Cryptography;
using System.Text;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Infrastructure.Mail;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>The mails of an event: confirmation (with the .ics file), waiting list, promotion, reminder, invitation.
/// Links use Site:PublicUrl, so mails queued by the background job carry the same address as those from a
/// request.</summary>
public sealed class EventMail(MailOutbox outbox, IConfiguration cfg, TimeProvider time)
{
    public string BaseUrl => (cfg["Site:PublicUrl"] is { Length: > 0 } u ? u : "http://localhost:5000").TrimEnd('/');

    public string RegistrationLink(EventRegistration r) => $"{BaseUrl}/Public/Events/Registration/{r.Token}";

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Where(OutreachEvent e) => e.Venue;

    public static string When(OutreachEvent e) =>
        $"{VnFormat.DateTime(e.StartsAt)} – {VietnamTime.ToLocal(e.EndsAt):HH:mm} (giờ Hà Nội)";

    public byte[] Ics(OutreachEvent e, EventRegistration r) =>
        Encoding.UTF8.GetBytes(
            CalendarInvite.Create(
                $"reg-{r.Token}@spcncl.hanoi",
                e.Title,
                Where(e),
                $"{OutreachText.Of(e.Kind)} — {e.OrganisingUnit}\n{RegistrationLink(r)}",
                e.StartsAt,
                e.EndsAt,
                time.GetUtcNow()
            )
        );

    /// <summary>The mail that follows a registration or an answer: confirmed seats get the calendar file.</summary>
    public void Status(OutreachEvent e, EventRegistration r)
    {
        var link = RegistrationLink(r);
        if (r.Status == RegistrationStatus.Confirmed)
            outbox.Enqueue(
                r.Email,
                $"Xác nhận đăng ký: {e.Title}",
                $"Kính gửi {r.Name},\n\nĐăng ký tham dự của Quý vị đã được xác nhận.\n\nSự kiện: {e.Title}\nThời "
                    + $"gian: {When(e)}\n"
                    + $"Địa điểm: {Where(e)}\nĐơn vị tổ chức: {e.OrganisingUnit}\n\nMã QR để điểm danh và đường dẫn "
                    + $"hủy đăng ký: {link}\n"
                    + "Tệp lịch (.ics) đính kèm thư này.",
                attachmentName: "su-kien.ics",
                attachment: Ics(e, r)
            );
        else if (r.Status == RegistrationStatus.WaitingList)
            outbox.Enqueue(
                r.Email,
                $"Danh sách chờ: {e.Title}",
                $"Kính gửi {r.Name},\n\nSự kiện {e.Title} ({When(e)}) đã đủ chỗ. Quý vị đang trong danh sách chờ; "
                    + $"khi có chỗ, hệ thống sẽ gửi thư xác nhận kèm tệp lịch.\n\nXem hoặc hủy đăng ký: {link}"
            );
    }

    public void Cancelled(OutreachEvent e, EventRegistration r) =>
        outbox.Enqueue(
            r.Email,
            $"Đã hủy đăng ký: {e.Title}",
            $"Kính gửi {r.Name},\n\nĐăng ký tham dự sự kiện {e.Title} ({When(e)}) đã được hủy."
        );

    public void Reminder(OutreachEvent e, EventRegistration r) =>
        outbox.Enqueue(
            r.Email,
            $"Nhắc lịch ngày mai: {e.Title}",
            $"Kính gửi {r.Name},\n\nXin nhắc Quý vị sự kiện {e.Title} diễn ra vào {When(e)} tại {Where(e)}.\n"
                + $"Vui lòng mang mã QR điểm danh: {RegistrationLink(r)}",
            attachmentName: "su-kien.ics",
            attachment: Ics(e, r)
        );

    public void Invitation(OutreachEvent e, EventRegistration r) =>
        outbox.Enqueue(
            r.Email,
            $"Thư mời: {e.Title}",
            $"Kính gửi {r.Organisation},\n\nBan tổ chức trân trọng kính mời đại diện doanh nghiệp tham dự {e.Title} "
                + $"vào {When(e)} tại {Where(e)}.\n\nVui lòng xác nhận tham dự hoặc từ chối tại: {RegistrationLink(r)}"
        );
}
