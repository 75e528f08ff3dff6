using System.Text.RegularExpressions;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Dossiers;

/// <summary>The dossier form as a task list, on a laptop and a phone: statuses, one section per page, a warning before
/// leaving unsaved changes, out-of-range points refused beside the field, and "check your answers" with change
/// links.</summary>
[Collection("browser")]
public sealed partial class TaskListJourney(BrowserFixture fx) : Journey(fx)
{
    private async Task<int> NewDraftAsync()
    {
        await Fx.ReopenCurrentRoundAsync();
        return await NewDraftInOpenRoundAsync();
    }

    private Task<int> NewDraftInOpenRoundAsync() =>
        Fx.App.WithDbAsync(async db =>
        {
            var enterpriseId = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId!.Value)
                .FirstAsync();
            var round = await db
                .Rounds.Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .FirstAsync();
            var product = new Product
            {
                EnterpriseId = enterpriseId,
                Name = "Máy biến áp khô " + Guid.NewGuid().ToString("N")[..4],
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            var track = await db.EligibilityTracks.FirstAsync(t =>
                t.CriteriaSetId == round.CriteriaSetId && t.Code == "B"
            );
            var d = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = enterpriseId,
                ProductId = product.Id,
                TrackId = track.Id,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    private static async Task ShootAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var wide = await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
            );
            if (wide || Artifacts.Screenshots)
                await page.ScreenshotAsync(
                    new() { Path = Artifacts.PathFor($"tasklist-{name}-{width}.png"), FullPage = true }
                );
            Assert.False(wide, $"{name} scrolls sideways at {width} px");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Enterprise_works_through_the_task_list_is_warned_before_losing_changes_and_checks_its_answers()
    {
        var id = await NewDraftAsync();
        var page = await OpenAsync();
        await LoginAsync(page, AccountsSeeder.EnterpriseEmail);
        await page.GotoAsync($"/Portal/Dossiers/Edit/{id}");
        await Assertions.Expect(page.GetByTestId("task-list").Locator("li")).ToHaveCountAsync(4);
        foreach (var s in new[] { "figures", "conditions", "assessment", "documents" })
            await Assertions
                .Expect(page.GetByTestId("status-" + s))
                .ToHaveTextAsync(s == "documents" ? new Regex("Chưa bắt đầu|Đã xong") : new Regex("^Chưa bắt đầu$"));
        await ShootAsync(page, "list");

        // Typed but not saved: leaving asks first; staying keeps what was typed.
        await page.GetByTestId("task-figures").GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#Figures_2__ProductRevenue").ClickAsync();
        await page.Locator("#Figures_2__ProductRevenue").FillAsync("150.000.000.000");
        var dialogs = new List<string>();
        void Dismiss(object? _, IDialog d)
        {
            dialogs.Add(d.Type);
            _ = d.DismissAsync();
        }
        page.Dialog += Dismiss;
        await page.GetByTestId("back-to-tasks").ClickAsync();
        await Assertions.Expect(page.Locator("#Figures_2__ProductRevenue")).ToHaveValueAsync("150.000.000.000");
        Assert.Contains("beforeunload", dialogs);
        Assert.EndsWith("/figures", page.Url, StringComparison.Ordinal);
        page.Dialog -= Dismiss;
        await ShootAsync(page, "figures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và quay lại" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("status-figures")).ToHaveTextAsync("Đang làm");

        // 999 against a maximum of 10 is refused beside the field, with what was typed kept.
        await page.GetByTestId("task-assessment").GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#Claims_0__Points").FillAsync("999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và quay lại" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Claims_0__Points")).ToHaveValueAsync("999");
        await Assertions.Expect(page.Locator("#Claims_0__Points")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Claims_0__Points-error")).ToContainTextAsync("không được vượt quá");
        Assert.StartsWith("Lỗi:", await page.TitleAsync(), StringComparison.Ordinal);
        await ShootAsync(page, "assessment-error");
        await page.Locator("#Claims_0__Points").FillAsync("4,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và quay lại" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-assessment")).ToHaveTextAsync("Đang làm");

        // Check your answers: missing items first, figures by year, a change link per answer that opens the field.
        await page.GetByTestId("to-check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-missing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("check-assessment")).ToContainTextAsync("4,5/");
        await ShootAsync(page, "check");
        await page.GetByTestId("check-figures")
            .GetByRole(AriaRole.Link, new() { Name = "Thay đổi Doanh thu sản phẩm (đồng)" })
            .ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/figures#Figures_2__ProductRevenue$"));
        await Assertions.Expect(page.Locator("#Figures_2__ProductRevenue")).ToHaveValueAsync("150.000.000.000");
    }
}
