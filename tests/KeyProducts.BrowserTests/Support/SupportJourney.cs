using System.Globalization;
using System.Text.RegularExpressions;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Support;

[Collection("browser-2")]
public sealed partial class SupportJourney(SecondBrowserFixture fx) : Journey(fx)
{
    private static FilePayload Pdf(string name) =>
        new()
        {
            Name = name,
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% " + name + "\n%%EOF"),
        };

    private async Task<int> EnterpriseTimesAsync(int year)
    {
        using var scope = Fx.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISupportStatistics>().EnterpriseTimesAsync(year);
    }

    [Fact]
    public async Task Officer_opens_a_call_enterprise_applies_officer_approves_within_the_caps_and_disburses()
    {
        var today = VietnamTime.Today(TimeProvider.System);
        var title = "Kêu gọi đào tạo ở nước ngoài — đợt bổ sung " + Guid.NewGuid().ToString("N")[..4];

        // The officer opens a new call of the overseas-training program (70%, 100 million per learner), publishes it.
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync("/Secretariat/Support/Programs");
        await officer
            .GetByRole(AriaRole.Link, new() { Name = "Hỗ trợ đào tạo ở nước ngoài cho doanh nghiệp nhỏ và vừa" })
            .ClickAsync();
        await officer.GetByTestId("new-call").ClickAsync();
        await officer.Locator("#Input_Title").FillAsync(title);
        await officer.GetByTestId("save-call").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("saved")).ToBeVisibleAsync();
        await officer.GetByTestId("publish-call").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("call-published")).ToBeVisibleAsync();
        var year = await Fx.App.WithDbAsync(db =>
            db.SupportCalls.Where(c => c.Title == title).Select(c => c.Year).FirstAsync()
        );
        var timesBefore = await EnterpriseTimesAsync(year);

        var visitor = await OpenAsync();
        await visitor.GotoAsync("/Public/Support");
        await Assertions.Expect(visitor.GetByTestId("public-open-calls")).ToContainTextAsync(title);

        // The enterprise applies: two learners for 300 million, one document, then submits.
        var ent = await OpenAsync();
        await LoginAsync(ent, AccountsSeeder.EnterpriseEmail);
        await ent.GotoAsync("/Portal/Support");
        await ent.GetByTestId("open-calls")
            .Locator(".card")
            .Filter(new() { HasText = title })
            .GetByRole(AriaRole.Button, new() { Name = "Đề nghị hỗ trợ" })
            .ClickAsync();
        await ent.WaitForURLAsync(new Regex(@"/Portal/Support/Edit/\d+"));
        await ent.Locator("#Purpose").FillAsync("Đào tạo kỹ sư vận hành dây chuyền tại Nhật Bản");
        await ent.Locator("#Items_0__Description").FillAsync("Khóa đào tạo kỹ sư tại Nhật Bản");
        await ent.Locator("#Items_0__Cost").FillAsync("-300.000.000");
        await ent.GetByTestId("save-items").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("cost-error-0")).ToContainTextAsync("số nguyên không âm");
        await ent.Locator("#Items_0__Cost").FillAsync("300.000.000");
        await ent.Locator("#Items_0__Quantity").FillAsync("2");
        await ent.GetByTestId("save-items").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("preview")).ToContainTextAsync("200.000.000");
        await ent.Locator("#DocTitle").FillAsync("Đơn đề nghị hỗ trợ");
        await ent.Locator("#Upload").SetInputFilesAsync(Pdf("don-de-nghi.pdf"));
        await ent.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("documents")).ToContainTextAsync("don-de-nghi.pdf");
        await ent.GetByTestId("submit-support").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("submitted")).ToBeVisibleAsync();
        await Assertions.Expect(ent.GetByTestId("support-state")).ToHaveTextAsync("Đã nộp");
        var id = int.Parse(Regex.Match(ent.Url, @"/Edit/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        await ent.SetViewportSizeAsync(375, 800);
        if (Artifacts.Screenshots)
            await ent.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("support-application-375.png"), FullPage = true }
            );

        // The officer sees the per-learner cap and its reason, is refused above it, approves the maximum.
        await officer.GotoAsync($"/Secretariat/Support/Application/{id}");
        await Assertions.Expect(officer.GetByTestId("maximum")).ToHaveTextAsync("200.000.000");
        await Assertions.Expect(officer.GetByTestId("computation")).ToContainTextAsync("100.000.000 đ/học viên");
        await officer.GetByTestId("approve-amount").FillAsync("250.000.000");
        await officer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("amount-error")).ToContainTextAsync("vượt mức tối đa");
        await officer.GetByTestId("approve-amount").FillAsync("200.000.000");
        await officer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("support-state")).ToHaveTextAsync("Đã phê duyệt");

        // Two tranches; the second completes the support.
        foreach (
            var (amount, reference, state) in new[]
            {
                ("120.000.000", "UNC-01", "Đang giải ngân"),
                ("80.000.000", "UNC-02", "Đã giải ngân đủ"),
            }
        )
        {
            await officer.GetByTestId("tranche-amount").FillAsync(amount);
            await officer.Locator("#PaidOn").FillAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            await officer.GetByTestId("tranche-reference").FillAsync(reference);
            await officer.GetByTestId("disburse").ClickAsync();
            await Assertions.Expect(officer.GetByTestId("support-state")).ToHaveTextAsync(state);
        }
        await Assertions.Expect(officer.GetByTestId("disbursed-total")).ToHaveTextAsync("200.000.000");
        if (Artifacts.Screenshots)
            await officer.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("support-review-1280.png"), FullPage = true }
            );

        // The enterprise-times count went up by one, on the report and in the statistics service.
        Assert.Equal(timesBefore + 1, await EnterpriseTimesAsync(year));
        await officer.GotoAsync($"/Secretariat/Support/Report?Year={year}");
        await Assertions.Expect(officer.GetByTestId("enterprise-times")).ToHaveTextAsync(VnFormat.Vnd(timesBefore + 1));
        await ent.GotoAsync("/Portal/Support");
        await Assertions.Expect(ent.GetByTestId("support-history")).ToContainTextAsync("Đã giải ngân đủ");

        await ent.GotoAsync($"/Portal/Support/Edit/{id}?lang=en");
        await ent.GotoAsync("/Portal/Support?lang=en");
        await officer.GotoAsync($"/Secretariat/Support/Application/{id}?lang=en");
        await officer.GotoAsync("/Secretariat/Support?lang=en");
        await officer.GotoAsync("/Secretariat/Support/Programs?lang=en");
        await officer.GotoAsync($"/Secretariat/Support/Report?lang=en");
        await visitor.GotoAsync("/Public/Support?lang=en");
        var missing = Fx.App.Translations.Missing.Keys.ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }
}
