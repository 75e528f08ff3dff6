using KeyProducts.BrowserTests.Infrastructure;
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
        await guest.GetByLabel("Họ tên", new() { Exact = true }).FillAsync("Vũ Thị Mai");
        await guest.GetByLabel("Đơn vị", new() { Exact = true }).FillAsync("Cơ sở gốm Mai Hương");
        await guest.GetByLabel("Điện thoại", new() { Exact = true }).FillAsync("0987654321");
        await guest.GetByLabel("Email", new() { Exact = true }).FillAsync($"mai.{Guid.NewGuid():N}@vidu.vn");
        await guest.GetByTestId("register").ClickAsync();
        await Assertions.Expect(guest.GetByTestId("registration-status")).ToHaveTextAsync("Đã xác nhận");
        await Assertions.Expect(guest.GetByTestId("qr").Locator("svg")).ToBeVisibleAsync();
        var link = guest.Url;
        await guest.ScreenshotAsync(new() { Path = Artifacts.PathFor("outreach-registration.png"), FullPage = true });

        // At the door, the officer's phone page takes the code the QR holds (the camera fills the same field).
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.SetViewportSizeAsync(375, 800);
        await officer.GotoAsync($"/Secretariat/Outreach/CheckIn/{eventId}");
        await officer.GetByLabel("Mã trên phiếu đăng ký", new() { Exact = true }).FillAsync(link);
        await officer.GetByTestId("checkin-submit").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("checkin-result")).ToContainTextAsync("Đã điểm danh: Vũ Thị Mai");
        var wide = await officer.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
        );
        await officer.ScreenshotAsync(new() { Path = Artifacts.PathFor("outreach-checkin-375.png"), FullPage = true });
        Assert.False(wide, "the check-in page scrolls sideways at 375 px");
    }
}
