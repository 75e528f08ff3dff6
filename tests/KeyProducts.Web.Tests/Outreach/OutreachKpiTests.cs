using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeyProducts.Web.Tests.Outreach.OutreachArrange;

namespace KeyProducts.Web.Tests.Outreach;

/// <summary>The outreach records feed the program's KPIs (leaders' dashboard, drill-down, reports); import errors,
/// exports and the awardees' list read right in both languages.</summary>
public sealed partial class OutreachKpiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Leader = "lanhdao@spcncl.demo.vn";

    private sealed record Row(int Events, int Attendees, int Targets, int Mobilized, int Submissions);

    private async Task<Row> OutreachRowAsync(TestClient c, int year)
    {
        var phase = await app.WithDbAsync(db =>
            db.Phases.Where(p => p.StartYear <= year && p.EndYear >= year).Select(p => p.Id).SingleAsync()
        );
        var html = await c.GetHtmlAsync($"/Leaders?phase={phase}");
        var row = Regex.Match(html, $"data-testid=\"outreach-{year}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.False(row.Length == 0, "no outreach row for " + year);
        var n = CellPattern()
            .Matches(row)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return new Row(n[0], n[1], n[2], n[3], n[4]);
    }

    [GeneratedRegex(">(\\d+)</a>")]
    private static partial Regex CellPattern();

    private Task SubmitDossierAsync(string tax, int year) =>
        app.WithDbAsync(async db =>
        {
            var enterprise = await db.Enterprises.SingleAsync(e => e.TaxCode == tax);
            var round = await db.Rounds.FirstAsync(x => x.Year == year);
            var product = new Core.Enterprises.Product { EnterpriseId = enterprise.Id, Name = "Sản phẩm sau tập huấn" };
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
            d.Apply(DossierState.Submitted, Actor.Enterprise, "test", app.Clock.GetUtcNow());
            d.SubmittedAt = app.Clock.GetUtcNow();
            db.Dossiers.Add(d);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Events_attendees_mobilized_targets_and_submissions_after_outreach_feed_the_KPIs_with_records()
    {
        var year = VietnamTime.Today(app.Clock).Year;
        using var leader = await TestClient.LoggedInAsync(app, Leader);
        var before = await OutreachRowAsync(leader, year);
        var tax = FreshTaxCode(52000);
        var now = app.Clock.GetUtcNow();
        var title = "Hội nghị phổ biến đã tổ chức " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var e = new OutreachEvent
            {
                Kind = EventKind.TrainingConference,
                Title = title,
                PlaceKind = PlaceKind.OtherVenue,
                Venue = "Hội trường Sở Công Thương",
                StartsAt = now.AddDays(-5),
                EndsAt = now.AddDays(-5).AddHours(3),
                Published = true,
                OrganisingUnit = "Sở Công Thương Hà Nội",
            };
            foreach (
                var (name, email, t) in new[]
                {
                    ("Phạm Văn Đức", "duc@vidu.vn", tax),
                    ("Khách mời", "khach@vidu.vn", (string?)null),
                }
            )
                e.Registrations.Add(
                    new EventRegistration
                    {
                        Name = name,
                        Organisation = "Công ty Đức Phát",
                        Email = email,
                        TaxCode = t,
                        Token = Guid.NewGuid().ToString("N"),
                        Status = RegistrationStatus.Confirmed,
                        RegisteredAt = now.AddDays(-9),
                        AttendedAt = now.AddDays(-5).AddMinutes(10),
                    }
                );
            // An event still to come is not "held".
            db.OutreachEvents.AddRange(
                e,
                new OutreachEvent
                {
                    Kind = EventKind.PressConference,
                    Title = "Sắp tới",
                    PlaceKind = PlaceKind.OtherVenue,
                    Venue = "Hội trường",
                    StartsAt = now.AddDays(3),
                    EndsAt = now.AddDays(3).AddHours(2),
                    OrganisingUnit = "Sở Công Thương Hà Nội",
                }
            );
            db.MobilizationTargets.Add(
                new MobilizationTarget
                {
                    Year = year,
                    TaxCode = tax,
                    Name = "Công ty Đức Phát",
                    Source = "thử",
                }
            );
            await db.SaveChangesAsync();
        });
        using (var ent = TestClient.Anonymous(app))
            Assert.Equal(
                HttpStatusCode.Redirect,
                (
                    await ent.PostFormAsync(
                        "/Account/Register",
                        "/Account/Register",
                        Enterprises.RegistrationForm.Fields(tax, "ducphat@vidu.vn", "Công ty Đức Phát")
                    )
                ).StatusCode
            );
        await SubmitDossierAsync(tax, year);

        var after = await OutreachRowAsync(leader, year);
        Assert.Equal(
            before with
            {
                Events = before.Events + 1,
                Attendees = before.Attendees + 2,
                Targets = before.Targets + 1,
                Mobilized = before.Mobilized + 1,
                Submissions = before.Submissions + 1,
            },
            after
        );

        // Each number leads to the records behind it.
        var events = await leader.GetHtmlAsync($"/Leaders/Records?kind=events&from={year}&to={year}");
        Assert.Contains(title, events, StringComparison.Ordinal);
        Assert.DoesNotContain("Sắp tới", events, StringComparison.Ordinal);
        Assert.Contains(
            "Phạm Văn Đức",
            await leader.GetHtmlAsync($"/Leaders/Records?kind=attendees&from={year}&to={year}"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Công ty Đức Phát",
            await leader.GetHtmlAsync($"/Leaders/Records?kind=targets&from={year}&to={year}&stage=mobilized"),
            StringComparison.Ordinal
        );
        var submissions = await leader.GetHtmlAsync(
            $"/Leaders/Records?kind=outreach-submissions&from={year}&to={year}"
        );
        Assert.Contains("Công ty Đức Phát", submissions, StringComparison.Ordinal);
        Assert.Contains("Dự sự kiện: " + title, submissions, StringComparison.Ordinal);
        Assert.Contains($"<strong>{after.Submissions}</strong>", submissions, StringComparison.Ordinal);

        // The program indicator "outreach events" is computed from the records, and the reports say so.
        using (var scope = app.Services.CreateScope())
        {
            var d = await scope
                .ServiceProvider.GetRequiredService<KpiQueries>()
                .LoadAsync(new KpiFilter(Year: year), CancellationToken.None);
            var figure = d.Progress.Count(KpiIndicator.OutreachEvents, year);
            Assert.Equal(FigureOrigin.Computed, figure.Origin);
            Assert.Equal(after.Events, (int)figure.Value!.Value);
        }
        var doc = await leader.GetAsync($"/Leaders/Reports?handler=Year&year={year}");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        using (var ms = new MemoryStream(await doc.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(ms, false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(
                $"Đã tổ chức {after.Events} hội nghị, sự kiện tuyên truyền với {after.Attendees} lượt tham dự",
                text,
                StringComparison.Ordinal
            );
            Assert.DoesNotContain("Hệ thống chưa có số liệu về hoạt động tuyên truyền", text, StringComparison.Ordinal);
        }
        var phaseId = await app.WithDbAsync(db =>
            db.Phases.Where(p => p.StartYear <= year && p.EndYear >= year).Select(p => p.Id).SingleAsync()
        );
        var excel = await leader.GetAsync($"/Leaders?handler=Excel&phase={phaseId}");
        using (var wb = new XLWorkbook(await excel.Content.ReadAsStreamAsync()))
        {
            var ws = wb.Worksheet("TuyenTruyen");
            var r = ws.RowsUsed()
                .Single(x => x.Cell(1).GetString() == year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(XLDataType.Number, r.Cell(2).DataType);
            Assert.Equal(after.Events, r.Cell(2).GetValue<int>());
            Assert.Equal(after.Submissions, r.Cell(6).GetValue<int>());
        }
        Assert.Empty(app.Logs.Errors);
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

    private static byte[] Workbook(string[] headers, IEnumerable<string[]> rows, Action<IXLWorksheet>? tweak = null)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Danh sách");
        for (var c = 0; c < headers.Length; c++)
            ws.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                ws.Cell(r, c + 1).SetValue(row[c]);
            r++;
        }
        tweak?.Invoke(ws);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private async Task<TestClient> EnglishOfficerAsync()
    {
        var c = TestClient.Anonymous(app);
        await c.UseEnglishAsync();
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await c.LoginAsync(Officer, Web.Data.Seed.AccountsSeeder.DemoPassword)).StatusCode
        );
        return c;
    }

    [Fact]
    public async Task Import_errors_of_targets_and_places_are_reported_per_row_in_the_users_language()
    {
        using var officer = await EnglishOfficerAsync();
        const int year = 2032;
        var page = $"/Secretariat/Outreach/Targets?Year={year}";
        var action = $"/Secretariat/Outreach/Targets?handler=Import&Year={year}";
        string[] headers = ["Mã số thuế", "Tên doanh nghiệp", "Nguồn số liệu", "Doanh thu (đồng)", "Email"];
        var good = FreshTaxCode(53000);
        var r = await UploadAsync(
            officer,
            page,
            action,
            Workbook(
                headers,
                [
                    [good, "Công ty Một", "Niên giám", "150000000000", ""],
                    ["0100233480", "Công ty Hai", "Niên giám", "12,5 tỷ", "khong-phai-email"],
                    [good, "", "Niên giám", "", ""],
                    [FreshTaxCode(53100), "Công ty Bốn", "Niên giám", "", ""],
                ],
                ws => ws.Cell(5, 4).FormulaA1 = "=1+1"
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = await BodyAsync(r);
        Assert.Contains(
            "Row 3: Tax code \"0100233480\" is not valid (10 or 13 digits with a correct check digit). Revenue "
                + "\"12,5 tỷ\" must be a whole number of đồng. E-mail \"khong-phai-email\" is not valid.",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"Row 4: Tax code {good} repeats row 2. The enterprise name is required, at most 300 characters.",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Row 5: Column \"Doanh thu (đồng)\" holds a formula; type the value instead.",
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("không hợp lệ", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.MobilizationTargets.CountAsync(t => t.Year == year)));

        r = await UploadAsync(
            officer,
            page,
            action,
            Workbook(
                ["Tax", "Name"],
                [
                    ["1", "2"],
                ]
            )
        );
        Assert.Contains(
            "Missing columns: Mã số thuế, Tên doanh nghiệp, Nguồn số liệu.",
            await BodyAsync(r),
            StringComparison.Ordinal
        );
        r = await UploadAsync(officer, page, action, "not a workbook"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(
            "The file is not a valid Excel (.xlsx) workbook.",
            await BodyAsync(r),
            StringComparison.Ordinal
        );

        r = await UploadAsync(
            officer,
            "/Secretariat/Outreach/Places",
            "/Secretariat/Outreach/Places?handler=Import",
            Workbook(
                ["Loại", "Mã", "Tên", "Xã/phường"],
                [
                    ["Khu chế xuất", "KCX-1", "Sai loại", "Xã Bát Tràng"],
                    ["Làng nghề", "LN-EN1", "Làng nghề", "Huyện Gia Lâm"],
                ]
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        html = await BodyAsync(r);
        Assert.Contains(
            "Row 2: The type must be \"Cụm công nghiệp\" (industrial cluster) or \"Làng nghề\" (craft village).",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Row 3: Commune/ward \"Huyện Gia Lâm\" is not in the administrative units in force (after 01/07/2025).",
            html,
            StringComparison.Ordinal
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_target_export_has_a_filter_a_frozen_header_numbers_as_numbers_and_translated_stages()
    {
        var year = VietnamTime.Today(app.Clock).Year;
        using var officer = await EnglishOfficerAsync();
        var r = await officer.GetAsync($"/Secretariat/Outreach/Targets?handler=Export&Year={year}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        var dir = Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } a
            ? a
            : Path.Combine(Path.GetTempPath(), "kp-artifacts");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, "doanh-nghiep-muc-tieu.xlsx"), bytes);
        using var wb = new XLWorkbook(new MemoryStream(bytes));
        var ws = wb.Worksheet(1);
        Assert.Equal("Target enterprises", ws.Name);
        Assert.True(ws.AutoFilter.IsEnabled);
        Assert.Equal(1, ws.SheetView.SplitRow);
        Assert.Equal("Tax code", ws.Cell(1, 2).GetString());
        var rows = ws.RowsUsed().Skip(1).ToList();
        var seeded = await app.WithDbAsync(db => db.MobilizationTargets.CountAsync(t => t.Year == year));
        Assert.Equal(seeded, rows.Count);
        var withRevenue = rows.First(x => !x.Cell(6).IsEmpty());
        Assert.Equal(XLDataType.Number, withRevenue.Cell(6).DataType);
        Assert.Equal(XLDataType.Text, withRevenue.Cell(2).DataType);
        Assert.Equal(10, withRevenue.Cell(2).GetString().Length);
        Assert.All(rows, x => Assert.DoesNotContain("Đã", x.Cell(10).GetString(), StringComparison.Ordinal));
        Assert.Contains(rows, x =>
            x.Cell(10).GetString()
                is "Guided"
                    or "Account registered"
                    or "Dossier started"
                    or "Dossier submitted"
                    or "Eligible"
                    or "Recognized"
                    or "Identified"
                    or "Contacted"
        );
        var funnel = wb.Worksheet(2);
        Assert.Equal(XLDataType.Number, funnel.Cell(2, 2).DataType);
        Assert.Equal(seeded, funnel.Cell(2, 2).GetValue<int>());
        Assert.Equal(1, funnel.SheetView.SplitRow);
        Assert.Empty(app.Logs.Errors);
    }
}
