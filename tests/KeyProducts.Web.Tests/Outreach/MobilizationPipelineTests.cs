using System.Net;
using ClosedXML.Excel;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Outreach.OutreachArrange;

namespace KeyProducts.Web.Tests.Outreach;

/// <summary>Excel imports of places and targets (row-level errors, nothing saved half-way) and the pipeline whose later
/// stages follow the enterprise's registration and dossiers.</summary>
public sealed class MobilizationPipelineTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static byte[] Workbook(string[] headers, IEnumerable<object?[]> rows, Action<IXLWorksheet>? tweak = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Danh sách");
        for (var c = 0; c < headers.Length; c++)
            ws.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                if (row[c] is { } v)
                    ws.Cell(r, c + 1).Value = v is string s
                        ? s
                        : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
            r++;
        }
        tweak?.Invoke(ws);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestClient c, string page, string action, byte[] bytes)
    {
        var token = TestClient.AntiforgeryToken(await (await c.GetAsync(page)).Content.ReadAsStringAsync())!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "Upload", "danh-sach.xlsx" },
        };
        return await c.Http.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    private static readonly string[] TargetHeaders =
    [
        "Mã số thuế",
        "Tên doanh nghiệp",
        "Nguồn số liệu",
        "Doanh thu (đồng)",
        "Xuất khẩu (USD)",
        "Sản phẩm công nghệ cao",
    ];

    [Fact]
    public async Task A_500_row_target_list_reports_bad_rows_by_number_and_saves_nothing_until_it_is_clean()
    {
        const int year = 2031;
        var rows = Enumerable
            .Range(0, 500)
            .Select(i =>
                new object?[]
                {
                    FreshTaxCode(20000 + i * 3),
                    $"Công ty {i}",
                    "Niên giám thống kê",
                    i % 2 == 0 ? 150_000_000_000L : 20_000_000_000L,
                    i % 5 == 0 ? 1_500_000 : null,
                    i % 7 == 0 ? "Linh kiện" : null,
                }
            )
            .ToList();
        var bad = rows.Select(r => (object?[])r.Clone()).ToList();
        bad[9][0] = "0100233480"; // row 11: wrong check digit
        bad[99][0] = bad[19][0]; // row 101: duplicate of row 21
        bad[199][3] = "12,5 tỷ"; // row 201: not a whole number of đồng
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        var page = $"/Secretariat/Outreach/Targets?Year={year}";
        var action = $"/Secretariat/Outreach/Targets?handler=Import&Year={year}";

        var r = await UploadAsync(
            officer,
            page,
            action,
            Workbook(TargetHeaders, bad, ws => ws.Cell(402, 4).FormulaA1 = "=1+1")
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = await BodyAsync(r);
        var report = System
            .Text.RegularExpressions.Regex.Match(
                html,
                "data-testid=\"import-errors\".*?</div>",
                System.Text.RegularExpressions.RegexOptions.Singleline
            )
            .Value;
        foreach (var line in new[] { "Dòng 11:", "Dòng 101:", "Dòng 201:", "Dòng 402:" })
            Assert.True(report.Contains(line, StringComparison.Ordinal), $"{line} missing from: {report}");
        Assert.True(report.Contains("trùng với dòng 21", StringComparison.Ordinal), report);
        Assert.Equal(0, await app.WithDbAsync(db => db.MobilizationTargets.CountAsync(t => t.Year == year)));

        r = await UploadAsync(officer, page, action, Workbook(["Tax", "Name"], rows));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(
            "Thiếu cột: Mã số thuế, Tên doanh nghiệp, Nguồn số liệu.",
            await BodyAsync(r),
            StringComparison.Ordinal
        );

        r = await UploadAsync(officer, page, action, Workbook(TargetHeaders, rows));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var saved = await app.WithDbAsync(db =>
            db.MobilizationTargets.AsNoTracking().Where(t => t.Year == year).ToListAsync()
        );
        Assert.Equal(500, saved.Count);
        Assert.Equal(250, saved.Count(t => t.Flags.HasFlag(TargetFlags.LargeRevenue)));
        Assert.Equal(100, saved.Count(t => t.Flags.HasFlag(TargetFlags.LargeExport)));
        Assert.Equal(72, saved.Count(t => t.Flags.HasFlag(TargetFlags.HighTech)));
        Assert.Equal(1_500_000L * 100, saved.Single(t => t.Name == "Công ty 0").ExportUsdCents);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_place_list_names_communes_in_force_and_reports_bad_rows()
    {
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        string[] headers = ["Loại", "Mã", "Tên", "Xã/phường", "Ngành nghề"];
        var r = await UploadAsync(
            officer,
            "/Secretariat/Outreach/Places",
            "/Secretariat/Outreach/Places?handler=Import",
            Workbook(
                headers,
                [
                    ["Làng nghề", "LN-TEST1", "Làng nghề thử một", "Xa Bat Trang", "Gốm"],
                    ["Khu chế xuất", "LN-TEST2", "Sai loại", "Xã Bát Tràng", ""],
                    ["Làng nghề", "LN-TEST1", "Trùng mã", "Xã Bát Tràng", ""],
                    ["Cụm công nghiệp", "CCN-TEST3", "Cụm cũ", "Huyện Gia Lâm", ""],
                ]
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = await BodyAsync(r);
        Assert.Contains("Dòng 3:", html, StringComparison.Ordinal);
        Assert.Contains("Mã LN-TEST1 trùng với dòng 2.", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy xã/phường \"Huyện Gia Lâm\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 2:", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.OutreachPlaces.AnyAsync(p => p.Code == "LN-TEST1")));

        r = await UploadAsync(
            officer,
            "/Secretariat/Outreach/Places",
            "/Secretariat/Outreach/Places?handler=Import",
            Workbook(
                headers,
                [
                    ["Làng nghề", "LN-TEST1", "Làng nghề thử một", "Xa Bat Trang", "Gốm"],
                ]
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var place = await app.WithDbAsync(db => db.OutreachPlaces.SingleAsync(p => p.Code == "LN-TEST1"));
        Assert.Equal("Xã Bát Tràng", place.CommuneName);
        Assert.Contains(
            "Làng nghề thử một",
            await officer.GetHtmlAsync("/Secretariat/Outreach/Places?Q=lang nghe thu"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_target_advances_by_itself_when_its_enterprise_registers_and_submits_and_the_funnel_counts_it()
    {
        var year = Core.Common.VietnamTime.Today(app.Clock).Year;
        var tax = FreshTaxCode(31000);
        var id = await app.WithDbAsync(async db =>
        {
            var t = new MobilizationTarget
            {
                Year = year,
                TaxCode = tax,
                Name = "Công ty TNHH Vận Động",
                Source = "thử",
            };
            db.MobilizationTargets.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        async Task<Dictionary<string, int>> FunnelAsync()
        {
            var html = await officer.GetHtmlAsync($"/Secretariat/Outreach/Targets?Year={year}");
            return Enum.GetValues<MobilizationStage>()
                .ToDictionary(
                    s => s.ToString(),
                    s =>
                        int.Parse(
                            System
                                .Text.RegularExpressions.Regex.Match(html, $"data-testid=\"funnel-{s}\">(\\d+)<")
                                .Groups[1]
                                .Value,
                            System.Globalization.CultureInfo.InvariantCulture
                        )
                );
        }
        var before = await FunnelAsync();
        var target = $"/Secretariat/Outreach/Target/{id}";
        string Version(string html) =>
            System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var r = await officer.PostFormAsync(
            target,
            target + "?handler=Contact",
            new()
            {
                ["Version"] = Version(await officer.GetHtmlAsync(target)),
                ["Kind"] = "Call",
                ["On"] = "2026-06-14",
                ["Note"] = "Gọi giới thiệu chương trình",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await officer.PostFormAsync(
            target,
            target + "?handler=Move",
            new() { ["Version"] = Version(await officer.GetHtmlAsync(target)), ["MoveTo"] = "Submitted" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        r = await officer.PostFormAsync(
            target,
            target + "?handler=Move",
            new() { ["Version"] = Version(await officer.GetHtmlAsync(target)), ["MoveTo"] = "Guided" }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(
            MobilizationStage.Guided,
            (await app.WithDbAsync(db => db.MobilizationTargets.SingleAsync(t => t.Id == id))).Stage
        );

        using (var ent = TestClient.Anonymous(app))
            Assert.Equal(
                HttpStatusCode.Redirect,
                (
                    await ent.PostFormAsync(
                        "/Account/Register",
                        "/Account/Register",
                        Enterprises.RegistrationForm.Fields(tax, "vandong@vidu.vn", "Công ty TNHH Vận Động")
                    )
                ).StatusCode
            );
        Assert.Contains("Đã đăng ký tài khoản", await officer.GetHtmlAsync(target), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var enterprise = await db.Enterprises.SingleAsync(e => e.TaxCode == tax);
            var round = await db.Rounds.Where(x => x.Year >= year).OrderByDescending(x => x.Year).FirstAsync();
            var product = new Core.Enterprises.Product { EnterpriseId = enterprise.Id, Name = "Sản phẩm vận động" };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            var track = await db.EligibilityTracks.FirstAsync(t => t.CriteriaSetId == round.CriteriaSetId);
            var d = new Dossier
            {
                RoundId = round.Id,
                EnterpriseId = enterprise.Id,
                ProductId = product.Id,
                TrackId = track.Id,
                CreatedAt = app.Clock.GetUtcNow(),
            };
            d.Apply(DossierState.Submitted, Core.Dossiers.Actor.Enterprise, "test", app.Clock.GetUtcNow());
            d.SubmittedAt = app.Clock.GetUtcNow();
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
        });
        var html = await officer.GetHtmlAsync(target);
        Assert.Contains("Đã nộp hồ sơ", html, StringComparison.Ordinal);
        Assert.Contains("trước khi nộp hồ sơ", html, StringComparison.Ordinal);
        var after = await FunnelAsync();
        Assert.Equal(before["Submitted"] + 1, after["Submitted"]);
        Assert.Equal(before["Identified"] - 1, after["Identified"]);
        var drill = await officer.GetHtmlAsync($"/Secretariat/Outreach/Targets?Year={year}&Stage=Submitted");
        Assert.Contains("Công ty TNHH Vận Động", drill, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Công ty TNHH Vận Động",
            await officer.GetHtmlAsync($"/Secretariat/Outreach/Targets?Year={year}&Stage=Guided"),
            StringComparison.Ordinal
        );
        Assert.Empty(app.Logs.Errors);
    }
}
