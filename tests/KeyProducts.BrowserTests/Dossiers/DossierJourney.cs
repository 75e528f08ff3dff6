using System.Text.RegularExpressions;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Dossiers;

[Collection("browser")]
public sealed partial class DossierJourney(BrowserFixture fx) : Journey(fx)
{
    private static FilePayload Pdf(string name) =>
        new()
        {
            Name = name,
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% " + name + "\n%%EOF"),
        };

    [Fact]
    public async Task Officer_opens_a_round_enterprise_applies_officer_asks_a_supplement_then_marks_it_eligible()
    {
        // The officer creates and publishes a round (a future year, so the seeded current round stays the open one).
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync("/Secretariat/Rounds");
        await officer.GetByTestId("new-round").ClickAsync();
        await officer.Locator("#Input_Year").FillAsync("2031");
        await officer.Locator("#Input_Title").FillAsync("Đánh giá, xét chọn sản phẩm công nghiệp chủ lực năm 2031");
        await officer.GetByTestId("save-round").ClickAsync();
        await officer.WaitForURLAsync(new Regex(@"/Secretariat/Rounds/Edit/\d+$"));
        await officer.Locator("input[name=ItemCode]").FillAsync("PDK");
        await officer.Locator("input[name=ItemName]").FillAsync("Phiếu đăng ký tham gia");
        await officer.Locator("#ItemMandatory").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).First.ClickAsync();
        await officer.GetByTestId("publish").ClickAsync();
        await officer.GotoAsync("/Public/Rounds/2031");
        await Assertions.Expect(officer.GetByTestId("call-title")).ToContainTextAsync("2031");

        // The enterprise applies to the open round with a new product.
        var (productName, answers) = await Fx.App.WithDbAsync(async db =>
        {
            var enterpriseId = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId!.Value)
                .FirstAsync();
            var p = new Product
            {
                EnterpriseId = enterpriseId,
                Name = "Tủ điện hạ thế thông minh",
                SectorId = null,
            };
            db.Products.Add(p);
            await db.SaveChangesAsync();
            var conds = await db
                .EligibilityConditions.OrderBy(c => c.SortOrder)
                .Select(c => new
                {
                    c.Code,
                    c.TrackCodes,
                    c.RequiredAnswer,
                })
                .ToListAsync();
            return (
                p.Name,
                conds
                    .Where(c => c.TrackCodes == "" || c.TrackCodes.Contains('B', StringComparison.Ordinal))
                    .Select(c => (c.Code, c.RequiredAnswer))
                    .ToList()
            );
        });
        await Fx.ReopenCurrentRoundAsync();
        var ent = await OpenAsync();
        await LoginAsync(ent, AccountsSeeder.EnterpriseEmail);
        var year = Core.Common.VietnamTime.Today(TimeProvider.System).Year;
        await ent.GotoAsync("/Public/Rounds");
        await ent.GetByTestId("rounds")
            .GetByRole(AriaRole.Link, new() { Name = year.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ClickAsync();
        await ent.GetByTestId("apply").ClickAsync();
        await ent.Locator("#ProductId").SelectOptionAsync(new SelectOptionValue { Label = productName });
        await ent.Locator("#TrackId").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await ent.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ" }).ClickAsync();
        // The dossier is a task list: one section per page, each saved back to the list with its status.
        await ent.GetByTestId("task-figures").GetByRole(AriaRole.Link).ClickAsync();
        await ent.Locator("#Figures_2__ProductRevenue").FillAsync("150.000.000.000");
        await ent.Locator("#Figures_2__EnterpriseRevenue").FillAsync("320.000.000.000");
        await ent.GetByRole(AriaRole.Button, new() { Name = "Lưu và quay lại" }).ClickAsync();
        await Assertions.Expect(ent.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(ent.GetByTestId("status-figures")).ToHaveTextAsync("Đã xong");
        await ent.GetByTestId("task-conditions").GetByRole(AriaRole.Link).ClickAsync();
        foreach (var (code, required) in answers)
            await ent.Locator($"#ans-{code}-{(required ? "yes" : "no")}").CheckAsync();
        await ent.GetByRole(AriaRole.Button, new() { Name = "Lưu và quay lại" }).ClickAsync();
        await Assertions.Expect(ent.GetByTestId("status-conditions")).ToHaveTextAsync("Đã xong");
        await ent.GetByTestId("task-documents").GetByRole(AriaRole.Link).ClickAsync();
        foreach (var code in new[] { "PDK", "TMSP", "GCNDKDN", "BCTC", "CAMKET" })
        {
            var row = ent.GetByTestId("item-" + code);
            await row.Locator("input[type=file]").SetInputFilesAsync(Pdf(code.ToLowerInvariant() + ".pdf"));
            await row.Locator("button[type=submit]").ClickAsync();
            await Assertions
                .Expect(ent.GetByTestId("item-" + code))
                .ToContainTextAsync(code.ToLowerInvariant() + ".pdf", new() { Timeout = 30_000 });
        }
        await ent.GetByRole(AriaRole.Link, new() { Name = "Xong, quay lại danh sách" }).ClickAsync();
        await Assertions.Expect(ent.GetByTestId("missing")).ToContainTextAsync("đủ thông tin");
        await ent.GetByTestId("to-check").ClickAsync();
        await ent.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("receipt-code")).ToHaveTextAsync(CodePattern());
        var code2 = await ent.GetByTestId("receipt-code").InnerTextAsync();
        var download = await ent.RunAndWaitForDownloadAsync(() => ent.GetByTestId("receipt-pdf").ClickAsync());
        await download.SaveAsAsync(Artifacts.PathFor("receipt.pdf"));
        Assert.StartsWith(
            "%PDF",
            await File.ReadAllTextAsync(Artifacts.PathFor("receipt.pdf")),
            StringComparison.Ordinal
        );
        var dossierId = await Fx.App.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Code == code2).Select(d => d.Id).FirstAsync()
        );

        // The officer asks for a supplement on the financial statements.
        await officer.GotoAsync($"/Secretariat/Dossiers/Details/{dossierId}");
        await officer.GetByTestId("comment-BCTC").FillAsync("Thiếu báo cáo tài chính đã kiểm toán năm gần nhất");
        await officer.Locator("#Message").FillAsync("Đề nghị doanh nghiệp bổ sung báo cáo tài chính.");
        await officer
            .Locator("#Deadline")
            .FillAsync(
                DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        await officer.GetByTestId("request-supplement").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dossier-state")).ToHaveTextAsync("Cần bổ sung");

        // The enterprise sees what to supplement, replaces only that file and resubmits.
        await ent.GotoAsync($"/Portal/Dossiers/Edit/{dossierId}");
        await Assertions.Expect(ent.GetByTestId("supplement")).ToContainTextAsync("Thiếu báo cáo tài chính");
        await Assertions.Expect(ent.GetByTestId("status-documents")).ToHaveTextAsync("Cần bổ sung");
        await ent.GetByTestId("task-documents").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(0, await ent.GetByTestId("item-PDK").Locator("input[type=file]").CountAsync());
        await ent.GetByTestId("item-BCTC").Locator("input[type=file]").SetInputFilesAsync(Pdf("bctc-kiem-toan.pdf"));
        await ent.GetByTestId("item-BCTC").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("item-BCTC")).ToContainTextAsync("bctc-kiem-toan.pdf");
        await ent.GetByTestId("back-to-tasks").ClickAsync();
        await ent.GetByTestId("to-check").ClickAsync();
        await ent.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(ent.GetByTestId("receipt-code")).ToHaveTextAsync(code2);

        // The officer sees what changed and marks the dossier eligible.
        await officer.GotoAsync($"/Secretariat/Dossiers/Details/{dossierId}");
        await Assertions.Expect(officer.GetByTestId("changes")).ToContainTextAsync("bctc-kiem-toan.pdf");
        await officer.GetByTestId("eligible").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dossier-state")).ToHaveTextAsync("Đủ điều kiện");

        await ent.GotoAsync($"/Portal/Dossiers/Edit/{dossierId}");
        await Assertions.Expect(ent.GetByTestId("timeline")).ToContainTextAsync("Đủ điều kiện");
        await ent.GotoAsync($"/Portal/Dossiers/Edit/{dossierId}?lang=en");
        await officer.GotoAsync($"/Secretariat/Dossiers/Details/{dossierId}?lang=en");
        await officer.GotoAsync("/Secretariat/Dossiers?lang=en");
        await officer.GotoAsync("/Public/Rounds/2031?lang=en");
        var missing = Fx.App.Translations.Missing.Keys.ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex(@"^SPCNCL-\d{4}-\d{4}$")]
    private static partial Regex CodePattern();
}
