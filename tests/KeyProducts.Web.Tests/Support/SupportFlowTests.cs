using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Support;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeyProducts.Web.Tests.Support.SupportArrange;

namespace KeyProducts.Web.Tests.Support;

/// <summary>Calls, applications, decisions and disbursements through the pages, as enterprise and officer.</summary>
public sealed partial class SupportFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task Expect(HttpStatusCode code, HttpResponseMessage r)
    {
        if (r.StatusCode == code)
            return;
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        var summary = Regex.Match(body, "error-summary.*?</ul>", RegexOptions.Singleline).Value;
        var shown = summary.Length > 0 ? summary : body[..Math.Min(body.Length, 1500)];
        Assert.Fail($"Expected {code}, got {r.StatusCode}: {shown}");
    }

    private static async Task<string> VersionAsync(TestClient c, string url) =>
        VersionPattern().Match(await c.GetHtmlAsync(url)).Groups[1].Value;

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static async Task<HttpResponseMessage> UploadAsync(
        TestClient c,
        int id,
        string title,
        string fileName,
        byte[] bytes
    )
    {
        var page = await c.GetAsync($"/Portal/Support/Edit/{id}");
        var token = TestClient.AntiforgeryToken(await page.Content.ReadAsStringAsync())!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "DocTitle" },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        return await c.Http.PostAsync(new Uri($"/Portal/Support/Edit/{id}?handler=Upload", UriKind.Relative), form);
    }

    /// <summary>Makes sure the enterprise holds a recognition valid today for its first product; returns that
    /// product.</summary>
    private Task<int> RecognizedProductAsync(int enterpriseId) =>
        app.WithDbAsync(async db =>
        {
            var today = VietnamTime.Today(app.Clock);
            var valid = await db
                .Recognitions.Where(r =>
                    r.EnterpriseId == enterpriseId && r.RevokedAt == null && r.ValidFrom <= today && r.ValidTo >= today
                )
                .Select(r => (int?)r.ProductId)
                .FirstOrDefaultAsync();
            if (valid is { } id)
                return id;
            var product = await db.Products.Where(p => p.EnterpriseId == enterpriseId).OrderBy(p => p.Id).FirstAsync();
            db.Recognitions.Add(
                new Recognition
                {
                    DecisionId = await db.RecognitionDecisions.Select(d => d.Id).FirstAsync(),
                    ProductId = product.Id,
                    EnterpriseId = enterpriseId,
                    Year = today.Year - 1,
                    ValidFrom = today.AddYears(-1),
                    ValidTo = today.AddYears(2),
                }
            );
            await db.SaveChangesAsync();
            return product.Id;
        });

    [Fact]
    public async Task Enterprise_applies_officer_asks_changes_approves_and_disburses_in_tranches()
    {
        var (programId, callId, year) = await ProgramAsync(
            app,
            budgetVnd: 2_000_000_000,
            capPerEnterpriseYear: 300_000_000
        );
        var enterpriseId = await EnterpriseOfAsync(app, Enterprise1);
        var productId = await RecognizedProductAsync(enterpriseId);
        using var scope = app.Services.CreateScope();
        var stats = scope.ServiceProvider.GetRequiredService<ISupportStatistics>();
        var timesBefore = await stats.EnterpriseTimesAsync(year);
        using var ent = await TestClient.LoggedInAsync(app, Enterprise1);
        using var officer = await TestClient.LoggedInAsync(app, Officer);

        var portal = await ent.GetHtmlAsync("/Portal/Support");
        Assert.Contains("Đợt thử nghiệm", portal, StringComparison.Ordinal);
        var r = await ent.PostFormAsync(
            "/Portal/Support",
            "/Portal/Support?handler=Apply",
            new() { ["CallId"] = $"{callId}" }
        );
        await Expect(HttpStatusCode.Redirect, r);
        var id = int.Parse(
            Regex.Match(r.Headers.Location!.OriginalString, @"/Edit/(\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
        var edit = $"/Portal/Support/Edit/{id}";

        // Negative or fractional đồng: a message beside the field, nothing saved.
        foreach (var bad in new[] { "-100.000", "1,5", "12.5", "abc" })
        {
            r = await ent.PostFormAsync(
                edit,
                edit + "?handler=Save",
                new()
                {
                    ["Version"] = await VersionAsync(ent, edit),
                    ["Purpose"] = "Tư vấn",
                    ["Items[0].Description"] = "Tư vấn",
                    ["Items[0].Cost"] = bad,
                    ["Items[0].Quantity"] = "1",
                }
            );
            await Expect(HttpStatusCode.BadRequest, r);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            Assert.Contains("Số tiền phải là số nguyên không âm tính bằng đồng", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{bad}\"", html, StringComparison.Ordinal);
        }
        Assert.Empty((await ApplicationAsync(app, id)).Items);

        r = await ent.PostFormAsync(
            edit,
            edit + "?handler=Save",
            new()
            {
                ["Version"] = await VersionAsync(ent, edit),
                ["Purpose"] = "Tư vấn chuyển đổi số",
                ["Items[0].Description"] = "Hợp đồng tư vấn chuyển đổi số",
                ["Items[0].Cost"] = "120.000.000",
                ["Items[0].Quantity"] = "1",
                ["ProductIds"] = $"{productId}",
            }
        );
        await Expect(HttpStatusCode.Redirect, r);
        var a = await ApplicationAsync(app, id);
        Assert.Equal(120_000_000, a.RequestedVnd);
        Assert.True(a.Priority);

        r = await ent.PostFormAsync(
            edit,
            edit + "?handler=Submit",
            new() { ["Version"] = await VersionAsync(ent, edit) }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        Assert.Contains(
            "Cần tải lên tài liệu",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        await Expect(
            HttpStatusCode.Redirect,
            await UploadAsync(ent, id, "Đơn đề nghị hỗ trợ", "don.pdf", "%PDF-1.4 đơn"u8.ToArray())
        );
        await Expect(
            HttpStatusCode.BadRequest,
            await UploadAsync(ent, id, "Giả mạo", "virus.pdf", "MZ not a pdf"u8.ToArray())
        );
        r = await ent.PostFormAsync(
            edit,
            edit + "?handler=Submit",
            new() { ["Version"] = await VersionAsync(ent, edit) }
        );
        await Expect(HttpStatusCode.Redirect, r);
        Assert.Equal(SupportState.Submitted, (await ApplicationAsync(app, id)).State);
        var code = (await ApplicationAsync(app, id)).Code;
        Assert.True(
            await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Subject.Contains(code) && m.To == Enterprise1))
        );

        // The officer sees the priority, asks for changes (a reason is required), the enterprise resubmits.
        var review = $"/Secretariat/Support/Application/{id}";
        var page = await officer.GetHtmlAsync(review);
        Assert.Contains("Có sản phẩm công nghiệp chủ lực còn hiệu lực", page, StringComparison.Ordinal);
        var list = await officer.GetHtmlAsync($"/Secretariat/Support?ProgramId={programId}&PriorityOnly=true");
        Assert.Contains(code, list, StringComparison.Ordinal);
        r = await officer.PostFormAsync(
            review,
            review + "?handler=Changes",
            new() { ["Version"] = await VersionAsync(officer, review) }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        r = await officer.PostFormAsync(
            review,
            review + "?handler=Changes",
            new() { ["Version"] = await VersionAsync(officer, review), ["Reason"] = "Bổ sung hợp đồng tư vấn đã ký" }
        );
        await Expect(HttpStatusCode.Redirect, r);
        Assert.Contains("Bổ sung hợp đồng tư vấn đã ký", await ent.GetHtmlAsync(edit), StringComparison.Ordinal);
        Assert.True(
            await app.WithDbAsync(db =>
                db.Notifications.AnyAsync(n => n.Text.Contains(code) && n.Text.Contains("cần chỉnh sửa"))
            )
        );
        r = await ent.PostFormAsync(
            edit,
            edit + "?handler=Submit",
            new() { ["Version"] = await VersionAsync(ent, edit) }
        );
        await Expect(HttpStatusCode.Redirect, r);
        Assert.Equal(SupportState.Resubmitted, (await ApplicationAsync(app, id)).State);

        // Approval: above the rules' maximum is refused beside the field; the maximum is accepted.
        r = await officer.PostFormAsync(
            review,
            review + "?handler=Approve",
            new() { ["Version"] = await VersionAsync(officer, review), ["Amount"] = "130.000.000" }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        Assert.Matches(
            "data-testid=\"amount-error\"[^>]*>[^<]*vượt mức tối đa",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync())
        );
        r = await officer.PostFormAsync(
            review,
            review + "?handler=Approve",
            new() { ["Version"] = await VersionAsync(officer, review), ["Amount"] = "120.000.000" }
        );
        await Expect(HttpStatusCode.Redirect, r);
        Assert.Equal(120_000_000, (await BudgetAsync(app, programId, year)).CommittedVnd);
        Assert.Equal(timesBefore + 1, await stats.EnterpriseTimesAsync(year));

        // Tranches: more than approved is refused; two tranches complete it.
        r = await officer.PostFormAsync(
            review,
            review + "?handler=Disburse",
            new()
            {
                ["Version"] = await VersionAsync(officer, review),
                ["TrancheAmount"] = "130.000.000",
                ["PaidOn"] = "10/06/2026",
                ["Reference"] = "UNC-01",
            }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        Assert.Contains(
            "vượt số đã phê duyệt",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.Empty((await ApplicationAsync(app, id)).Tranches);
        foreach (var (amount, reference) in new[] { ("50.000.000", "UNC-01"), ("70.000.000", "UNC-02") })
        {
            r = await officer.PostFormAsync(
                review,
                review + "?handler=Disburse",
                new()
                {
                    ["Version"] = await VersionAsync(officer, review),
                    ["TrancheAmount"] = amount,
                    ["PaidOn"] = "10/06/2026",
                    ["Reference"] = reference,
                }
            );
            await Expect(HttpStatusCode.Redirect, r);
        }
        a = await ApplicationAsync(app, id);
        Assert.Equal(SupportState.Completed, a.State);
        Assert.Equal(120_000_000, a.DisbursedVnd);
        Assert.Equal(2, a.Tranches.Count);
        Assert.Equal(120_000_000, (await BudgetAsync(app, programId, year)).DisbursedVnd);
        Assert.True(
            await app.WithDbAsync(db =>
                db.AuditEntries.CountAsync(e =>
                    e.EntityType.Contains("SupportApplication")
                    && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
            ) >= 5
        );
        var budgetId = (await BudgetAsync(app, programId, year)).Id.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        var budgetAudit = await app.WithDbAsync(db =>
            db.AuditEntries.Where(e =>
                    e.EntityType == "SupportBudget" && e.EntityId == budgetId && e.Action == "Modified"
                )
                .Select(e => e.Changes)
                .ToListAsync()
        );
        Assert.Equal(3, budgetAudit.Count);
        Assert.Contains(budgetAudit, c =>
            c.Contains("CommittedVnd", StringComparison.Ordinal) && c.Contains("120000000", StringComparison.Ordinal)
        );
        Assert.Contains(code, await ent.GetHtmlAsync("/Portal/Support"), StringComparison.Ordinal);
        Assert.Contains(
            code,
            await officer.GetHtmlAsync($"/Secretariat/Support?EnterpriseId={enterpriseId}"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_cap_cuts_the_amount_and_the_page_says_why()
    {
        var (_, callId, _) = await ProgramAsync(app, budgetVnd: 5_000_000_000, rateBp: 7000, capPerItem: 100_000_000);
        var id = await SubmittedAsync(
            app,
            callId,
            (await VerifiedEnterprisesAsync(app, 1))[0],
            120_000_000,
            200_000_000
        );
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var html = await officer.GetHtmlAsync($"/Secretariat/Support/Application/{id}");
        Assert.Matches("data-testid=\"maximum\">184.000.000<", html);
        Assert.Contains(
            "Giới hạn 100.000.000 đ/học viên: 70% × 200.000.000 đ = 140.000.000 đ " + "được giảm xuống 100.000.000 đ.",
            html,
            StringComparison.Ordinal
        );
        var review = $"/Secretariat/Support/Application/{id}";
        var r = await officer.PostFormAsync(
            review,
            review + "?handler=Approve",
            new() { ["Version"] = await VersionAsync(officer, review), ["Amount"] = "184.000.000" }
        );
        await Expect(HttpStatusCode.Redirect, r);
        var a = await ApplicationAsync(app, id);
        Assert.Equal(184_000_000, a.ApprovedVnd);
        Assert.Contains("100.000.000 đ/học viên", a.CapReasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_to_a_closed_call_is_refused_and_nothing_is_created()
    {
        var closed = await app.WithDbAsync(db =>
            db.SupportCalls.Where(c => c.Year == 2025 && c.Published).Select(c => c.Id).FirstAsync()
        );
        var before = await app.WithDbAsync(db => db.SupportApplications.CountAsync());
        using var ent = await TestClient.LoggedInAsync(app, Enterprise1);
        var r = await ent.PostFormAsync(
            "/Portal/Support",
            "/Portal/Support?handler=Apply",
            new() { ["CallId"] = $"{closed}" }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        Assert.Contains(
            "Đợt kêu gọi không mở nhận hồ sơ",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.Equal(before, await app.WithDbAsync(db => db.SupportApplications.CountAsync()));
    }

    [Fact]
    public async Task An_enterprise_cannot_open_another_enterprises_application()
    {
        var (_, callId, _) = await ProgramAsync(app, budgetVnd: 1_000_000_000);
        var other = await SubmittedAsync(app, callId, await EnterpriseOfAsync(app, Enterprise2), 10_000_000);
        using var ent = await TestClient.LoggedInAsync(app, Enterprise1);
        Assert.Equal(HttpStatusCode.NotFound, (await ent.GetAsync($"/Portal/Support/Edit/{other}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ent.GetAsync($"/Portal/Support/Edit/{other}?handler=Document&documentId=1")).StatusCode
        );
        Assert.NotEqual(
            HttpStatusCode.OK,
            (await ent.GetAsync($"/Secretariat/Support/Application/{other}")).StatusCode
        );
    }

    [Fact]
    public async Task Officer_creates_a_program_with_rules_and_publishes_a_call_the_public_sees()
    {
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var form = new Dictionary<string, string>
        {
            ["Input.Code"] = "DNNVV-TEST",
            ["Input.Name"] = "Hỗ trợ thử nghiệm",
            ["Input.ManagingUnit"] = "Sở Công Thương Hà Nội",
            ["Input.StartYear"] = "2026",
            ["Input.EndYear"] = "2030",
            ["Input.YearlyBudget"] = "1,5",
            ["Input.Rate"] = "150",
            ["Input.CapPerItem"] = "-1",
            ["Input.Active"] = "true",
            ["Input.SpcnclPriority"] = "true",
        };
        var r = await officer.PostFormAsync(
            "/Secretariat/Support/Program",
            "/Secretariat/Support/Program?handler=Save",
            form
        );
        await Expect(HttpStatusCode.BadRequest, r);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Tỷ lệ hỗ trợ là phần trăm lớn hơn 0 và không quá 100", html, StringComparison.Ordinal);
        foreach (var field in new[] { "Input.YearlyBudget", "Input.CapPerItem" })
            Assert.Matches($"data-valmsg-for=\"{field}\"[^>]*>Số tiền phải là số nguyên không âm", html);
        Assert.Matches("data-valmsg-for=\"Input.Rate\"[^>]*>Tỷ lệ hỗ trợ", html);
        Assert.False(await app.WithDbAsync(db => db.SupportPrograms.AnyAsync(p => p.Code == "DNNVV-TEST")));

        form["Input.YearlyBudget"] = "10.000.000.000";
        form["Input.Rate"] = "70";
        form["Input.CapPerItem"] = "100.000.000";
        r = await officer.PostFormAsync(
            "/Secretariat/Support/Program",
            "/Secretariat/Support/Program?handler=Save",
            form
        );
        await Expect(HttpStatusCode.Redirect, r);
        var p = await app.WithDbAsync(db => db.SupportPrograms.FirstAsync(x => x.Code == "DNNVV-TEST"));
        Assert.Equal(
            (7000, 100_000_000L, 10_000_000_000L),
            (p.CoFundingRateBasisPoints, p.CapPerItemVnd!.Value, p.YearlyBudgetVnd)
        );

        var callPage = $"/Secretariat/Support/Call?programId={p.Id}";
        r = await officer.PostFormAsync(
            callPage,
            $"/Secretariat/Support/Call?programId={p.Id}&handler=Save",
            new()
            {
                ["Input.Year"] = "2026",
                ["Input.Title"] = "Kêu gọi thử nghiệm 2026",
                ["Input.OpensOn"] = "01/06/2026",
                ["Input.ClosesOn"] = "31/05/2026",
                ["Input.DocumentsAsked"] = "Đơn đề nghị",
            }
        );
        await Expect(HttpStatusCode.BadRequest, r);
        Assert.Contains(
            "Ngày đóng phải không trước ngày mở",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        r = await officer.PostFormAsync(
            callPage,
            $"/Secretariat/Support/Call?programId={p.Id}&handler=Save",
            new()
            {
                ["Input.Year"] = "2026",
                ["Input.Title"] = "Kêu gọi thử nghiệm 2026",
                ["Input.OpensOn"] = "01/06/2026",
                ["Input.ClosesOn"] = "31/07/2026",
                ["Input.DocumentsAsked"] = "Đơn đề nghị\nDanh sách học viên",
            }
        );
        await Expect(HttpStatusCode.Redirect, r);
        var callId = await app.WithDbAsync(db =>
            db.SupportCalls.Where(c => c.ProgramId == p.Id).Select(c => c.Id).FirstAsync()
        );
        Assert.Equal(10_000_000_000, (await BudgetAsync(app, p.Id, 2026)).AllocatedVnd);
        using var anon = TestClient.Anonymous(app);
        Assert.DoesNotContain(
            "Kêu gọi thử nghiệm 2026",
            await anon.GetHtmlAsync("/Public/Support"),
            StringComparison.Ordinal
        );
        var url = $"/Secretariat/Support/Call/{callId}?programId={p.Id}";
        r = await officer.PostFormAsync(
            url,
            $"/Secretariat/Support/Call/{callId}?programId={p.Id}&handler=Publish",
            []
        );
        await Expect(HttpStatusCode.Redirect, r);
        var pub = await anon.GetHtmlAsync("/Public/Support");
        Assert.Contains("Kêu gọi thử nghiệm 2026", pub, StringComparison.Ordinal);
        Assert.Contains("Danh sách học viên", pub, StringComparison.Ordinal);
        Assert.Contains("100.000.000 đ/học viên", pub, StringComparison.Ordinal);

        // The budget of a year can be raised, never set below what is committed.
        r = await officer.PostFormAsync(
            $"/Secretariat/Support/Program/{p.Id}",
            $"/Secretariat/Support/Program/{p.Id}?handler=Budget",
            new() { ["BudgetYear"] = "2026", ["BudgetAllocated"] = "12.000.000.000" }
        );
        await Expect(HttpStatusCode.Redirect, r);
        Assert.Equal(12_000_000_000, (await BudgetAsync(app, p.Id, 2026)).AllocatedVnd);
    }

    [Fact]
    public async Task Excel_export_has_a_frozen_filtered_header_and_the_filtered_rows()
    {
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var r = await officer.GetAsync("/Secretariat/Support?handler=Export&Year=2025");
        await Expect(HttpStatusCode.OK, r);
        using var wb = new XLWorkbook(await r.Content.ReadAsStreamAsync());
        var ws = wb.Worksheets.First();
        Assert.True(ws.AutoFilter.IsEnabled);
        Assert.Equal(1, ws.SheetView.SplitRow);
        Assert.Equal("Mã hồ sơ", ws.Cell(1, 1).GetString());
        var expected = await app.WithDbAsync(db => db.SupportApplications.CountAsync(a => a.Year == 2025));
        Assert.Equal(expected, ws.LastRowUsed().RowNumber() - 1);
        Assert.Equal(2025, ws.Cell(2, 2).GetValue<int>());
    }

    [Fact]
    public async Task Statistics_count_enterprise_times_and_amounts_per_program_sector_and_commune()
    {
        using var scope = app.Services.CreateScope();
        var stats = scope.ServiceProvider.GetRequiredService<ISupportStatistics>();
        var report = await stats.ReportAsync(2025);
        Assert.Equal(3, report.Total.EnterpriseTimes);
        Assert.Equal(3, report.Total.Enterprises);
        Assert.Equal(830_000_000, report.Total.ApprovedVnd);
        Assert.Equal(740_000_000, report.Total.DisbursedVnd);
        Assert.Equal(3, Assert.Single(report.ByProgram).EnterpriseTimes);
        Assert.Equal(3, report.BySector.Sum(s => s.EnterpriseTimes));
        Assert.Equal(3, report.ByCommune.Sum(s => s.EnterpriseTimes));
        Assert.DoesNotContain(report.ByCommune, c => c.Label.Length == 0);
        var energy = Assert.Single(report.Budgets, b => b.ProgramCode == "TKNL");
        Assert.Equal(
            (26_000_000_000L, 830_000_000L, 740_000_000L),
            (energy.AllocatedVnd, energy.CommittedVnd, energy.DisbursedVnd)
        );
        Assert.Equal(3, await stats.EnterpriseTimesAsync(2025));
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        Assert.Matches(
            "data-testid=\"enterprise-times\">3<",
            await officer.GetHtmlAsync("/Secretariat/Support/Report?Year=2025")
        );
    }
}
