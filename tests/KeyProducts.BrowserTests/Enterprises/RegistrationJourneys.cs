using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Enterprises;

[Collection("browser-2")]
public sealed class RegistrationJourneys(SecondBrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task An_enterprise_registers_and_an_officer_verifies_it()
    {
        var page = await OpenAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký doanh nghiệp" }).First.ClickAsync();

        // A wrong check digit is refused beside the field and the form keeps what was typed.
        await page.GetByTestId("tax-code").FillAsync("0100233480");
        await page.GetByLabel("Tên doanh nghiệp (tiếng Việt)").FillAsync("Công ty Cổ phần Thiết bị Sơn Hà");
        await page.GetByLabel("Địa chỉ trụ sở chính (số nhà, đường)").FillAsync("Số 9 phố Duy Tân");
        await page.GetByLabel("Phường/xã (từ 01/07/2025)")
            .SelectOptionAsync(new SelectOptionValue { Label = "Phường Cầu Giấy" });
        await page.GetByLabel("Người liên hệ").FillAsync("Lê Văn Hà");
        await page.GetByLabel("Điện thoại").FillAsync("024 3333 4444");
        await page.GetByLabel("Email liên hệ").FillAsync("lienhe@sonha.vidu.vn");
        await page.GetByLabel("Họ và tên người đăng ký").FillAsync("Lê Văn Hà");
        await page.GetByLabel("Email đăng nhập").FillAsync("quanly@sonha.vidu.vn");
        await page.Locator("#Input_Password").FillAsync("SonHa@2026xx");
        await page.Locator("#Input_ConfirmPassword").FillAsync("SonHa@2026xx");
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("sai chữ số kiểm tra");
        await Assertions.Expect(page.GetByTestId("tax-code-error")).ToContainTextAsync("sai chữ số kiểm tra");
        await Assertions
            .Expect(page.GetByLabel("Tên doanh nghiệp (tiếng Việt)"))
            .ToHaveValueAsync("Công ty Cổ phần Thiết bị Sơn Hà");

        await page.GetByTestId("tax-code").FillAsync("0314409058-002");
        await page.Locator("#Input_Password").FillAsync("SonHa@2026xx");
        await page.Locator("#Input_ConfirmPassword").FillAsync("SonHa@2026xx");
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync("**/Account/Register/Done");
        await page.GetByTestId("registered-login").ClickAsync();
        await LoginThroughFormAsync(page, "quanly@sonha.vidu.vn", "SonHa@2026xx");
        await page.WaitForURLAsync("**/Portal");
        await Assertions.Expect(page.GetByTestId("enterprise-status")).ToHaveTextAsync("Chờ xác minh");

        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync("/Secretariat/Enterprises");
        await officer.GetByTestId("search").FillAsync("son ha");
        await officer.GetByTestId("search").PressAsync("Enter");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Công ty Cổ phần Thiết bị Sơn Hà" }).ClickAsync();
        await officer.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("enterprise-status")).ToHaveTextAsync("Đã xác minh");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("enterprise-status")).ToHaveTextAsync("Đã xác minh");
    }
}
