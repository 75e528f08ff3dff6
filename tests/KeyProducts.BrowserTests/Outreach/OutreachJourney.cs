using ClosedXML.Excel;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Outreach;

[Collection("browser")]
public sealed class OutreachJourney(BrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task A_guest_registers_for_a_craft_village_training_and_an_officer_checks_her_in_on_a_phone()
    {
        var eventId = await Fx.App.WithDbAsync(db =>
            db.OutreachEvents.Where(e =>
                    e.Kind == EventKind.TrainingConference && e.PlaceKind == PlaceKind.CraftVillage && e.Published
                )
                .Select(e => e.Id)
                .FirstAsync()
        );

        // A guest finds the conference on the public events page and registers.
        var guest = await OpenAsync();
        await guest.GotoAsync("/Public/Events");
        await guest.GetByTestId("public-events").Locator($"a[href='/Public/Events/Details/{eventId}']").ClickAsync();
        await guest.GetByLabel(Label("Họ tên")).FillAsync("Vũ Thị Mai");
        await guest.GetByLabel(Label("Đơn vị")).FillAsync("Cơ sở gốm Mai Hương");
        await guest.GetByLabel(Label("Điện thoại")).FillAsync("0987654321");
        var email = $"mai.{Guid.NewGuid():N}@vidu.vn";
        await guest.GetByLabel(Label("Email")).FillAsync(email);
        await guest.GetByTestId("register").ClickAsync();
        await Assertions.Expect(guest.GetByTestId("registration-status")).ToHaveTextAsync("Đã xác nhận");
        await Assertions.Expect(guest.GetByTestId("qr").Locator("svg")).ToBeVisibleAsync();
        var link = guest.Url;
        if (Artifacts.Screenshots)
            await guest.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("outreach-registration.png"), FullPage = true }
            );

        // Her confirmation mail carries the calendar file and the link behind the QR code.
        var mail = await Fx.App.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == email));
        Assert.StartsWith("Xác nhận đăng ký", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("su-kien.ics", mail.AttachmentName);
        var ics = System.Text.Encoding.UTF8.GetString(mail.Attachment!);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("Bát Tràng", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(new Uri(link).AbsolutePath, mail.TextBody, StringComparison.Ordinal);

        // At the door, the officer's phone page takes the code the QR holds (the camera fills the same field).
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.SetViewportSizeAsync(375, 800);
        await officer.GotoAsync($"/Secretariat/Outreach/CheckIn/{eventId}");
        await officer.GetByLabel(Label("Mã trên phiếu đăng ký")).FillAsync(link);
        await officer.GetByTestId("checkin-submit").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("checkin-result")).ToContainTextAsync("Đã điểm danh: Vũ Thị Mai");
        var wide = await officer.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
        );
        if (Artifacts.Screenshots)
            await officer.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("outreach-checkin-375.png"), FullPage = true }
            );
        Assert.False(wide, "the check-in page scrolls sideways at 375 px");
    }

    [Fact]
    public async Task An_officer_finds_a_registrant_by_name_and_checks_her_in_on_a_phone()
    {
        var name = "Hoàng Thị Duyên " + Guid.NewGuid().ToString("N")[..4];
        var eventId = await Fx.App.WithDbAsync(async db =>
        {
            var e = await db
                .OutreachEvents.Include(x => x.Registrations)
                .FirstAsync(x =>
                    x.Kind == EventKind.TrainingConference && x.PlaceKind == PlaceKind.CraftVillage && x.Published
                );
            e.Register(
                name,
                "HTX gốm Duyên",
                "0912000999",
                $"duyen.{Guid.NewGuid():N}@vidu.vn",
                null,
                DateTimeOffset.UtcNow,
                Web.Features.Outreach.EventMail.NewToken()
            );
            await db.SaveChangesAsync();
            return e.Id;
        });
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.SetViewportSizeAsync(375, 800);
        await officer.GotoAsync($"/Secretariat/Outreach/CheckIn/{eventId}");
        // Typed without diacritics, as on a phone at the door.
        await officer.GetByLabel("Tìm theo tên, đơn vị, email").FillAsync("hoang thi duyen");
        await officer.GetByLabel("Tìm theo tên, đơn vị, email").PressAsync("Enter");
        var found = officer.GetByTestId("checkin-found").Locator("li", new() { HasText = name });
        await found.GetByRole(AriaRole.Button, new() { Name = "Điểm danh" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("checkin-result")).ToContainTextAsync("Đã điểm danh: " + name);
        Assert.NotNull(
            await Fx.App.WithDbAsync(db =>
                db.EventRegistrations.Where(r => r.Name == name).Select(r => r.AttendedAt).SingleAsync()
            )
        );
        if (Artifacts.Screenshots)
            await officer.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("outreach-checkin-search-375.png"), FullPage = true }
            );
    }

    private static FilePayload TargetList(IEnumerable<object?[]> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Danh sách");
        string[] headers = ["Mã số thuế", "Tên doanh nghiệp", "Nguồn số liệu", "Doanh thu (đồng)", "Xuất khẩu (USD)"];
        for (var c = 0; c < headers.Length; c++)
            ws.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                if (row[c] is string text)
                    ws.Cell(r, c + 1).SetValue(text);
                else if (row[c] is long n)
                    ws.Cell(r, c + 1).Value = n;
            r++;
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return new FilePayload
        {
            Name = "doanh-nghiep-muc-tieu.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = ms.ToArray(),
        };
    }

    [Fact]
    public async Task An_officer_imports_a_500_row_target_list_and_sees_the_bad_rows_by_number()
    {
        const int year = 2033;
        var rows = Enumerable
            .Range(0, 500)
            .Select(i =>
                new object?[]
                {
                    OutreachSeeder.DemoTaxCode(60000 + i * 3),
                    $"Công ty mục tiêu {i}",
                    "Niên giám thống kê",
                    i % 2 == 0 ? 150_000_000_000L : 20_000_000_000L,
                    i % 5 == 0 ? 1_500_000L : null,
                }
            )
            .ToList();
        var bad = rows.Select(r => (object?[])r.Clone()).ToList();
        bad[9][0] = "0100233480"; // row 11: wrong check digit
        bad[99][0] = bad[19][0]; // row 101: same tax code as row 21
        bad[349][3] = "nhiều tỷ"; // row 351: not an amount

        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync($"/Secretariat/Outreach/Targets?Year={year}");
        await officer.Locator("#Upload").SetInputFilesAsync(TargetList(bad));
        await officer.GetByTestId("import-targets").ClickAsync();
        var errors = officer.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Dòng 11: Mã số thuế \"0100233480\" không hợp lệ");
        await Assertions
            .Expect(errors)
            .ToContainTextAsync("Dòng 101: Mã số thuế " + (string)bad[19][0]! + " trùng với dòng 21.");
        await Assertions.Expect(errors).ToContainTextAsync("Dòng 351: Doanh thu \"nhiều tỷ\" phải là số nguyên đồng.");
        await Assertions.Expect(errors.Locator("li")).ToHaveCountAsync(3);
        if (Artifacts.Screenshots)
            await officer.ScreenshotAsync(new() { Path = Artifacts.PathFor("outreach-import-errors.png") });
        Assert.Equal(0, await Fx.App.WithDbAsync(db => db.MobilizationTargets.CountAsync(t => t.Year == year)));

        await officer.Locator("#Upload").SetInputFilesAsync(TargetList(rows));
        await officer.GetByTestId("import-targets").ClickAsync();
        await Assertions
            .Expect(officer.GetByTestId("done"))
            .ToContainTextAsync("Đã nhập: 500 mới, 0 cập nhật; 300 doanh nghiệp đạt ngưỡng.");
        await Assertions.Expect(officer.GetByTestId("funnel-Identified")).ToHaveTextAsync("500");
    }

    [Fact]
    public async Task A_target_advances_when_its_enterprise_registers_and_submits_and_the_funnel_counts_it()
    {
        var year = VietnamTime.Today(TimeProvider.System).Year;
        var tax = OutreachSeeder.DemoTaxCode(70000);
        var id = await Fx.App.WithDbAsync(async db =>
        {
            var t = new MobilizationTarget
            {
                Year = year,
                TaxCode = tax,
                Name = "Công ty Cổ phần Vận Động Mới",
                Source = "Niên giám",
                Stage = MobilizationStage.Guided,
            };
            db.MobilizationTargets.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync($"/Secretariat/Outreach/Targets?Year={year}");
        async Task<int> FunnelAsync(string stage) =>
            int.Parse(
                await officer.GetByTestId("funnel-" + stage).InnerTextAsync(),
                System.Globalization.CultureInfo.InvariantCulture
            );
        var guided = await FunnelAsync("Guided");
        var submitted = await FunnelAsync("Submitted");

        // The enterprise registers its account with the same tax code.
        var ent = await OpenAsync();
        await ent.GotoAsync("/Account/Register");
        await ent.GetByTestId("tax-code").FillAsync(tax);
        await ent.GetByLabel("Tên doanh nghiệp (tiếng Việt)").FillAsync("Công ty Cổ phần Vận Động Mới");
        await ent.GetByLabel("Địa chỉ trụ sở chính (số nhà, đường)").FillAsync("Số 5 phố Trần Thái Tông");
        await ent.GetByLabel("Phường/xã (từ 01/07/2025)")
            .SelectOptionAsync(new SelectOptionValue { Label = "Phường Cầu Giấy" });
        await ent.GetByLabel("Người liên hệ").FillAsync("Trịnh Văn Mới");
        await ent.GetByLabel("Điện thoại").FillAsync("024 3555 6666");
        await ent.GetByLabel("Email liên hệ").FillAsync("lienhe@vandongmoi.vidu.vn");
        await ent.GetByLabel("Họ và tên người đăng ký").FillAsync("Trịnh Văn Mới");
        await ent.GetByLabel("Email đăng nhập").FillAsync("quanly@vandongmoi.vidu.vn");
        await ent.Locator("#Input_Password").FillAsync("VanDong@2026xx");
        await ent.Locator("#Input_ConfirmPassword").FillAsync("VanDong@2026xx");
        await ent.GetByTestId("register-submit").ClickAsync();
        await ent.WaitForURLAsync("**/Account/Register/Done");

        await officer.GotoAsync($"/Secretariat/Outreach/Target/{id}");
        await Assertions.Expect(officer.GetByTestId("stage")).ToContainTextAsync("Đã đăng ký tài khoản");

        // Its dossier is submitted (the dossier journey covers the form): the stage follows without an officer.
        await Fx.App.WithDbAsync(async db =>
        {
            var enterprise = await db.Enterprises.SingleAsync(e => e.TaxCode == tax);
            var round = await db.Rounds.FirstAsync(x => x.Year == year);
            var product = new Core.Enterprises.Product { EnterpriseId = enterprise.Id, Name = "Tủ điện thông minh" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            var track = await db.EligibilityTracks.FirstAsync(t => t.CriteriaSetId == round.CriteriaSetId);
            var now = DateTimeOffset.UtcNow;
            var d = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = enterprise.Id,
                ProductId = product.Id,
                TrackId = track.Id,
                CreatedAt = now,
            };
            d.Apply(DossierState.Submitted, Actor.Enterprise, "test", now);
            d.SubmittedAt = now;
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
        });
        await officer.ReloadAsync();
        await Assertions.Expect(officer.GetByTestId("stage")).ToContainTextAsync("Đã nộp hồ sơ");
        await officer.GotoAsync($"/Secretariat/Outreach/Targets?Year={year}");
        await Assertions.Expect(officer.GetByTestId("funnel-Submitted")).ToHaveTextAsync($"{submitted + 1}");
        await Assertions.Expect(officer.GetByTestId("funnel-Guided")).ToHaveTextAsync($"{guided - 1}");
        await officer.GetByTestId("funnel-Submitted").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("targets")).ToContainTextAsync("Công ty Cổ phần Vận Động Mới");

        // The leaders' dashboard counts it among the mobilized enterprises, and the number opens the list behind it.
        var leader = await OpenAsync();
        await LoginAsync(leader, AccountsSeeder.LeaderEmail);
        var phase = await Fx.App.WithDbAsync(db =>
            db.Phases.Where(p => p.StartYear <= year && p.EndYear >= year).Select(p => p.Id).SingleAsync()
        );
        await leader.GotoAsync($"/Leaders?phase={phase}");
        if (Artifacts.Screenshots)
            await leader
                .GetByTestId("outreach-kpis")
                .ScreenshotAsync(new() { Path = Artifacts.PathFor("outreach-leaders-kpis.png") });
        await leader.GetByTestId($"outreach-mobilized-{year}").ClickAsync();
        await Assertions
            .Expect(leader.GetByTestId("outreach-targets"))
            .ToContainTextAsync("Công ty Cổ phần Vận Động Mới");
    }

    [Fact]
    public async Task The_ceremonys_awardees_print_on_A4_in_the_order_of_the_decision()
    {
        var (ceremony, year) = await Fx.App.WithDbAsync(async db =>
            (
                await db
                    .OutreachEvents.Where(e => e.Kind == EventKind.HonouringCeremony)
                    .Select(e => e.Id)
                    .FirstAsync(),
                await db.Recognitions.Where(r => r.RevokedAt == null).MaxAsync(r => r.Year)
            )
        );
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync($"/Secretariat/Outreach/Event/{ceremony}");
        await officer.GetByLabel("Năm công nhận").FillAsync($"{year}");
        await officer.GetByTestId("invite-honourees").ClickAsync();
        await officer.GetByTestId("awardees-print").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("awardees-top10")).ToBeVisibleAsync();
        var first = await officer
            .GetByTestId("awardees-top10")
            .Locator("tbody tr")
            .First.Locator("td")
            .First.InnerTextAsync();
        Assert.Equal("1", first.Trim());
        await officer.EmulateMediaAsync(new() { Media = Media.Print });
        await officer.PdfAsync(
            new()
            {
                Path = Artifacts.PathFor("outreach-awardees.pdf"),
                Format = "A4",
                PrintBackground = true,
            }
        );
        await officer.EmulateMediaAsync(new() { Media = Media.Screen });
        if (Artifacts.Screenshots)
            await officer.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("outreach-awardees-1280.png"), FullPage = true }
            );
    }
}
