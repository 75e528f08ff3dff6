using System.Net;
using ClosedXML.Excel;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using static KeyProducts.Web.Tests.Outreach.OutreachArrange;

namespace KeyProducts.Web.Tests.Outreach;

/// <summary>Public registration, the waiting list, cancellation by link, reminders, check-in at the door, the
/// attendance
/// export and the ceremony's bulk invitation, through the pages.</summary>
public sealed class EventRegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_guest_registers_gets_the_ics_by_mail_and_a_cancellation_promotes_the_waiting_list()
    {
        var id = await EventAsync(app, capacity: 1);
        var page = $"/Public/Events/Details/{id}";
        using var guest = TestClient.Anonymous(app);
        await app.WithDbAsync(db => db.Outbox.ExecuteDeleteAsync());

        var r = await guest.PostFormAsync(page, page, Guest("Nguyễn Văn An", "an@vidu.vn"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var token = TokenFromLocation(r);
        Assert.Equal(RegistrationStatus.Confirmed, (await RegistrationAsync(app, "an@vidu.vn", id)).Status);
        Assert.Contains(
            "<svg",
            await guest.GetHtmlAsync($"/Public/Events/Registration/{token}"),
            StringComparison.Ordinal
        );

        // The same e-mail again: a clear message beside the field, nothing saved.
        r = await guest.PostFormAsync(page, page, Guest("Nguyễn Văn An", " AN@vidu.vn "));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Email này đã đăng ký tham dự sự kiện.", await BodyAsync(r), StringComparison.Ordinal);
        // Beyond capacity: the waiting list.
        r = await guest.PostFormAsync(page, page, Guest("Trần Thị Bích", "bich@vidu.vn", "0100233488"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(RegistrationStatus.WaitingList, (await RegistrationAsync(app, "bich@vidu.vn", id)).Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(x => x.EventId == id)));

        // The mail goes out through real SMTP with the calendar file in Hanoi time (stored in UTC).
        using (var smtp = SimpleSmtpServer.Start(app.SmtpPort))
        {
            await app.Services.GetRequiredService<OutboxSender>().SendPendingAsync();
            var mail = Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == "an@vidu.vn"));
            using var mime = await MimeMessage.LoadAsync(
                new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data))
            );
            var ics = Assert.Single(mime.Attachments.OfType<MimePart>());
            Assert.Equal("su-kien.ics", ics.FileName);
            using var content = new MemoryStream();
            await ics.Content!.DecodeToAsync(content);
            var text = System.Text.Encoding.UTF8.GetString(content.ToArray());
            var starts = await app.WithDbAsync(db =>
                db.OutreachEvents.Where(e => e.Id == id).Select(e => e.StartsAt).SingleAsync()
            );
            Assert.Contains(
                "DTSTART:"
                    + starts.UtcDateTime.ToString(
                        "yyyyMMdd'T'HHmmss'Z'",
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                text,
                StringComparison.Ordinal
            );
            Assert.Contains($"/Public/Events/Registration/{token}", mime.TextBody ?? "", StringComparison.Ordinal);
            Assert.Single(smtp.ReceivedEmail, m =>
                m.ToAddresses.Any(a => a.Address == "bich@vidu.vn")
                && m.Subject.StartsWith("Danh sách chờ", StringComparison.Ordinal)
            );
        }

        // The registrant cancels by the link; the waiting guest gets the seat and a confirmation.
        var link = $"/Public/Events/Registration/{token}";
        r = await guest.PostFormAsync(link, link + "?handler=Cancel", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await RegistrationAsync(app, "bich@vidu.vn", id)).Status);
        var queued = await app.WithDbAsync(db =>
            db.Outbox.Where(m => m.SentAt == null)
                .Select(m => new
                {
                    m.To,
                    m.Subject,
                    m.AttachmentName,
                })
                .ToListAsync()
        );
        Assert.Contains(queued, m =>
            m.To == "bich@vidu.vn"
            && m.Subject.StartsWith("Xác nhận đăng ký", StringComparison.Ordinal)
            && m.AttachmentName == "su-kien.ics"
        );
        Assert.Contains(queued, m =>
            m.To == "an@vidu.vn" && m.Subject.StartsWith("Đã hủy đăng ký", StringComparison.Ordinal)
        );
        Assert.Contains(
            await app.WithDbAsync(db => db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync()),
            t => t.Contains("EventRegistration", StringComparison.Ordinal)
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_reminder_goes_once_the_day_before()
    {
        var id = await EventAsync(app, capacity: 0);
        using var guest = TestClient.Anonymous(app);
        var page = $"/Public/Events/Details/{id}";
        await guest.PostFormAsync(page, page, Guest("Phạm Hoa", "hoa@vidu.vn"));
        using var scope = app.Services.CreateScope();
        var remind = scope.ServiceProvider.GetRequiredService<RemindEventRegistrations>();
        await remind.ExecuteAsync(); // ten days ahead: too early
        Assert.DoesNotContain(
            "hoa@vidu.vn",
            await app.WithDbAsync(db =>
                db.Outbox.Where(m => m.Subject.StartsWith("Nhắc lịch")).Select(m => m.To).ToListAsync()
            )
        );
        // The clock only moves forward; the other tests create their events relative to it.
        app.Clock.Advance(TimeSpan.FromDays(9));
        {
            using var s2 = app.Services.CreateScope();
            Assert.True(await s2.ServiceProvider.GetRequiredService<RemindEventRegistrations>().ExecuteAsync() >= 1);
            using var s3 = app.Services.CreateScope();
            Assert.Equal(0, await s3.ServiceProvider.GetRequiredService<RemindEventRegistrations>().ExecuteAsync());
            Assert.Single(
                await app.WithDbAsync(db =>
                    db.Outbox.Where(m => m.To == "hoa@vidu.vn" && m.Subject.StartsWith("Nhắc lịch")).ToListAsync()
                )
            );
        }
    }

    [Fact]
    public async Task An_officer_checks_in_by_qr_refuses_a_foreign_or_forged_code_and_exports_the_attendance()
    {
        var id = await EventAsync(app, capacity: 5);
        var other = await EventAsync(app, capacity: 5);
        using var guest = TestClient.Anonymous(app);
        var tax = FreshTaxCode(4100);
        var r = await guest.PostFormAsync(
            $"/Public/Events/Details/{id}",
            $"/Public/Events/Details/{id}",
            Guest("Đỗ Quang", "quang@vidu.vn", tax)
        );
        var token = TokenFromLocation(r);
        r = await guest.PostFormAsync(
            $"/Public/Events/Details/{other}",
            $"/Public/Events/Details/{other}",
            Guest("Đỗ Quang", "quang@vidu.vn")
        );
        var foreign = TokenFromLocation(r);
        var targetId = await app.WithDbAsync(async db =>
        {
            var t = new MobilizationTarget
            {
                Year = Core.Common.VietnamTime.ToLocal(app.Clock.GetUtcNow().AddDays(10)).Year,
                TaxCode = tax,
                Name = "Công ty Quang",
                Source = "thử",
            };
            db.MobilizationTargets.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });

        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var door = $"/Secretariat/Outreach/CheckIn/{id}";
        foreach (var bad in new[] { foreign, "forged-token", $"http://localhost/Public/Events/Registration/{foreign}" })
        {
            r = await officer.PostFormAsync(door, door, new() { ["Code"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains(
                "Mã QR không thuộc sự kiện này hoặc không hợp lệ.",
                await BodyAsync(r),
                StringComparison.Ordinal
            );
        }
        Assert.Null((await RegistrationAsync(app, "quang@vidu.vn", id)).AttendedAt);
        // The scanner hands over the whole link printed in the QR code.
        r = await officer.PostFormAsync(
            door,
            door,
            new() { ["Code"] = $"http://localhost/Public/Events/Registration/{token}" }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.NotNull((await RegistrationAsync(app, "quang@vidu.vn", id)).AttendedAt);
        Assert.Contains("Đã điểm danh: Đỗ Quang", await officer.GetHtmlAsync(door), StringComparison.Ordinal);
        Assert.Contains("Đỗ Quang", await officer.GetHtmlAsync(door + "?Q=do quang"), StringComparison.Ordinal);
        // Attendance is linked to the target with the same tax code.
        var contacts = await app.WithDbAsync(db => db.TargetContacts.Where(c => c.TargetId == targetId).ToListAsync());
        Assert.Equal(ContactKind.EventAttended, Assert.Single(contacts).Kind);

        var x = await officer.GetAsync($"/Secretariat/Outreach/Event/{id}?handler=Export");
        Assert.Equal(HttpStatusCode.OK, x.StatusCode);
        using var wb = new XLWorkbook(await x.Content.ReadAsStreamAsync());
        var ws = wb.Worksheets.First();
        Assert.Equal("Họ tên", ws.Cell(1, 2).GetString());
        Assert.Equal("Đỗ Quang", ws.Cell(2, 2).GetString());
        Assert.Equal(tax, ws.Cell(2, 4).GetString());
        Assert.NotEqual("", ws.Cell(2, 9).GetString());
        Assert.Equal(1, wb.Worksheet(2).Cell(5, 2).GetValue<int>());
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_ceremony_invites_that_years_recognized_enterprises_top_10_first()
    {
        var id = await EventAsync(app, capacity: 0, EventKind.HonouringCeremony);
        var year = await app.WithDbAsync(db => db.Recognitions.MaxAsync(r => r.Year));
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var page = $"/Secretariat/Outreach/Event/{id}";
        var r = await officer.PostFormAsync(page, page + "?handler=Invite", new() { ["InviteYear"] = $"{year}" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var invited = await app.WithDbAsync(db =>
            db.EventRegistrations.AsNoTracking().Where(x => x.EventId == id).OrderBy(x => x.AwardOrder).ToListAsync()
        );
        Assert.NotEmpty(invited);
        Assert.All(invited, x => Assert.Equal(RegistrationStatus.Invited, x.Status));
        var top10 = await app.WithDbAsync(db =>
            db.Recognitions.Where(x => x.Year == year && x.Top10 && x.RevokedAt == null)
                .Select(x => x.EnterpriseId)
                .Distinct()
                .ToListAsync()
        );
        Assert.All(invited.Take(top10.Count), x => Assert.Contains(x.EnterpriseId!.Value, top10));
        // Inviting again adds nobody.
        r = await officer.PostFormAsync(page, page + "?handler=Invite", new() { ["InviteYear"] = $"{year}" });
        Assert.Equal(
            invited.Count,
            await app.WithDbAsync(db => db.EventRegistrations.CountAsync(x => x.EventId == id))
        );

        using var guest = TestClient.Anonymous(app);
        var link = $"/Public/Events/Registration/{invited[0].Token}";
        r = await guest.PostFormAsync(link, link + "?handler=Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(
            RegistrationStatus.Confirmed,
            (await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(x => x.Id == invited[0].Id))).Status
        );
        Assert.Contains(invited[0].Organisation, await officer.GetHtmlAsync(page), StringComparison.Ordinal);

        // The printed list follows the decision: the Top 10 table first, then the others, numbered in one sequence.
        List<InviteHonourees.Awardee> awardees;
        using (var scope = app.Services.CreateScope())
            awardees = await scope
                .ServiceProvider.GetRequiredService<InviteHonourees>()
                .AwardeesAsync(year, CancellationToken.None);
        var print = await officer.GetHtmlAsync($"/Secretariat/Outreach/Awardees/{id}?year={year}");
        var positions = awardees
            .Select(a => print.IndexOf($"<td>{a.Product}</td><td>{a.Enterprise}</td>", StringComparison.Ordinal))
            .ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.True(
            print.IndexOf("awardees-top10", StringComparison.Ordinal)
                < print.IndexOf("awardees-others", StringComparison.Ordinal)
        );
        Assert.Contains($"<td class=\"text-center\">{awardees.Count}</td>", print, StringComparison.Ordinal);
        Assert.Contains("Đã xác nhận", print, StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await officer.GetAsync($"/Secretariat/Outreach/Awardees/{await EventAsync(app, 5)}")).StatusCode
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Raising_the_capacity_confirms_the_waiting_list_in_order_and_mails_them_the_calendar_file()
    {
        var id = await EventAsync(app, capacity: 1);
        var page = $"/Public/Events/Details/{id}";
        using var guest = TestClient.Anonymous(app);
        foreach (
            var (name, email) in new[]
            {
                ("Người Một", "mot@vidu.vn"),
                ("Người Hai", "hai@vidu.vn"),
                ("Người Ba", "ba@vidu.vn"),
            }
        )
            Assert.Equal(
                HttpStatusCode.Redirect,
                (await guest.PostFormAsync(page, page, Guest(name, email))).StatusCode
            );
        await app.WithDbAsync(db => db.Outbox.ExecuteDeleteAsync());
        var e = await app.WithDbAsync(db => db.OutreachEvents.AsNoTracking().SingleAsync(x => x.Id == id));

        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var edit = $"/Secretariat/Outreach/Event/{id}";
        string Local(DateTimeOffset t) =>
            Core
                .Common.VietnamTime.ToLocal(t)
                .ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var r = await officer.PostFormAsync(
            edit,
            edit + "?handler=Save",
            new()
            {
                ["Input.Kind"] = e.Kind.ToString(),
                ["Input.Title"] = e.Title,
                ["Input.PlaceKind"] = e.PlaceKind.ToString(),
                ["Input.PlaceId"] = $"{e.PlaceId}",
                ["Input.Venue"] = e.Venue,
                ["Input.Starts"] = Local(e.StartsAt),
                ["Input.Ends"] = Local(e.EndsAt),
                ["Input.Capacity"] = "2",
                ["Input.OrganisingUnit"] = e.OrganisingUnit,
                ["Input.Published"] = "true",
                ["Input.Version"] = $"{e.Version}",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await RegistrationAsync(app, "hai@vidu.vn", id)).Status);
        Assert.Equal(RegistrationStatus.WaitingList, (await RegistrationAsync(app, "ba@vidu.vn", id)).Status);
        var queued = await app.WithDbAsync(db =>
            db.Outbox.Select(m => new
                {
                    m.To,
                    m.Subject,
                    m.AttachmentName,
                })
                .ToListAsync()
        );
        var mail = Assert.Single(queued);
        Assert.Equal("hai@vidu.vn", mail.To);
        Assert.StartsWith("Xác nhận đăng ký", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("su-kien.ics", mail.AttachmentName);
        Assert.Empty(app.Logs.Errors);
    }
}
