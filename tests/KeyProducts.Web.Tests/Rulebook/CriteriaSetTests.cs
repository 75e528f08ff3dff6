using System.Net;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Rulebook;

public sealed class CriteriaSetTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<int> SeededSetIdAsync() =>
        app.WithDbAsync(db => db.CriteriaSets.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    private async Task<int> CopyAsync(TestClient officer, int id)
    {
        var page = $"/Secretariat/Rulebook/Details?id={id}";
        var r = await officer.PostFormAsync(page, $"{page}&handler=Copy", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return int.Parse(
            r.Headers.Location!.OriginalString.Split("id=")[1],
            System.Globalization.CultureInfo.InvariantCulture
        );
    }

    [Fact]
    public async Task The_seeded_set_is_marked_as_values_an_officer_must_confirm_and_totals_100()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var html = await officer.GetHtmlAsync($"/Secretariat/Rulebook/Details?id={await SeededSetIdAsync()}");
        Assert.Contains("data-testid=\"needs-confirmation\"", html);
        Assert.Contains("Tổng điểm tối đa: 100", html);
    }

    [Fact]
    public async Task Copying_creates_the_next_draft_version_with_the_same_content()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var source = await SeededSetIdAsync();
        var copy = await CopyAsync(officer, source);
        var (a, b) = await app.WithDbAsync(async db =>
        {
            var s = await db
                .CriteriaSets.Include(x => x.Groups)
                    .ThenInclude(g => g.Indicators)
                .Include(x => x.Tracks)
                .AsSplitQuery()
                .SingleAsync(x => x.Id == source);
            var c = await db
                .CriteriaSets.Include(x => x.Groups)
                    .ThenInclude(g => g.Indicators)
                .Include(x => x.Tracks)
                .AsSplitQuery()
                .SingleAsync(x => x.Id == copy);
            return (s, c);
        });
        Assert.Equal(CriteriaSetStatus.Draft, b.Status);
        Assert.True(b.VersionNumber > a.VersionNumber);
        Assert.Equal(source, b.CopiedFromId);
        Assert.Equal(a.MaxTotalHundredths, b.MaxTotalHundredths);
        Assert.Equal(
            a.Tracks.Select(t => (t.Code, t.MinRevenueVnd, t.MinExportUsdCents)),
            b.Tracks.OrderBy(t => t.SortOrder).Select(t => (t.Code, t.MinRevenueVnd, t.MinExportUsdCents))
        );
    }

    [Fact]
    public async Task A_set_used_by_a_round_that_received_a_dossier_is_frozen_and_can_only_be_copied()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var setId = await CopyAsync(officer, await SeededSetIdAsync());
        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.OrderBy(r => r.Id).FirstAsync();
            round.CriteriaSetId = setId;
            var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
            var track = await db.EligibilityTracks.FirstAsync(t => t.CriteriaSetId == setId);
            db.Dossiers.Add(
                new Dossier
                {
                    RoundId = round.Id,
                    EnterpriseId = product.EnterpriseId,
                    ProductId = product.Id,
                    TrackId = track.Id,
                    CreatedAt = app.Clock.GetUtcNow(),
                }
            );
            await db.SaveChangesAsync();
        });
        var page = $"/Secretariat/Rulebook/Details?id={setId}";
        var html = await officer.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"frozen\"", html);
        Assert.DoesNotContain("data-testid=\"edit-header\"", html);

        var edit = await officer.GetAsync($"/Secretariat/Rulebook/Edit?id={setId}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode); // back to the set, which says why it cannot change
        Assert.Equal(page, edit.Headers.Location?.OriginalString);
        Assert.Contains("không thể sửa", await officer.GetHtmlAsync(page));
        var groupId = await app.WithDbAsync(db =>
            db.CriteriaGroups.Where(g => g.CriteriaSetId == setId).Select(g => g.Id).FirstAsync()
        );
        var token = TestClient.AntiforgeryToken(html)!;
        var delete = await officer.PostWithTokenAsync($"{page}&handler=DeleteGroup&itemId={groupId}", token, []);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.CriteriaGroups.AnyAsync(g => g.Id == groupId)));

        var copy = await CopyAsync(officer, setId);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Secretariat/Rulebook/Edit?id={copy}")).StatusCode);
    }

    [Fact]
    public async Task Editing_a_draft_changes_points_and_thresholds_and_money_accepts_vietnamese_format()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var setId = await CopyAsync(officer, await SeededSetIdAsync());
        var (groupId, indicator, track) = await app.WithDbAsync(async db =>
        {
            var g = await db
                .CriteriaGroups.Include(x => x.Indicators)
                .Where(x => x.CriteriaSetId == setId)
                .OrderBy(x => x.SortOrder)
                .FirstAsync();
            var t = await db.EligibilityTracks.FirstAsync(x => x.CriteriaSetId == setId && x.Code == "B");
            return (g.Id, g.Indicators.OrderBy(i => i.SortOrder).First(), t.Id);
        });

        var indicatorPage = $"/Secretariat/Rulebook/Indicator?setId={setId}&groupId={groupId}&id={indicator.Id}";
        var r = await officer.PostFormAsync(
            indicatorPage,
            indicatorPage,
            new()
            {
                ["Input.Code"] = indicator.Code,
                ["Input.Name"] = indicator.Name,
                ["Input.SortOrder"] = "1",
                ["Input.MaxPoints"] = "12,5",
                ["Input.Mode"] = "Bands",
                ["Input.Bands"] = "Cao | 12,5\nTrung bình | 6\nThấp | 0",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var trackPage = $"/Secretariat/Rulebook/Track?setId={setId}&id={track}";
        var bad = await officer.PostFormAsync(
            trackPage,
            trackPage,
            new()
            {
                ["Input.Code"] = "B",
                ["Input.Name"] = "Thông thường",
                ["Input.Kind"] = "General",
                ["Input.MinRevenue"] = "một trăm tỷ",
            }
        );
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Số tiền không hợp lệ", badHtml);
        Assert.Contains("value=\"một trăm tỷ\"", badHtml);

        var good = await officer.PostFormAsync(
            trackPage,
            trackPage,
            new()
            {
                ["Input.Code"] = "B",
                ["Input.Name"] = "Thông thường",
                ["Input.Kind"] = "General",
                ["Input.MinRevenue"] = "150.000.000.000",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var set = await app.WithDbAsync(db =>
            db.CriteriaSets.Include(s => s.Groups)
                    .ThenInclude(g => g.Indicators)
                        .ThenInclude(i => i.Bands)
                .Include(s => s.Tracks)
                .AsSplitQuery()
                .SingleAsync(s => s.Id == setId)
        );
        Assert.Equal(10250, set.MaxTotalHundredths);
        Assert.Equal(3, set.Groups.SelectMany(g => g.Indicators).Single(i => i.Id == indicator.Id).Bands.Count);
        Assert.Equal(150 * Money.OneBillionVnd, set.Tracks.Single(t => t.Id == track).MinRevenueVnd);
        // The seeded original is untouched.
        var seeded = await SeededSetIdAsync();
        Assert.Equal(
            10000,
            await app.WithDbAsync(db =>
                db.Indicators.Where(i =>
                        db.CriteriaGroups.Any(g => g.Id == i.CriteriaGroupId && g.CriteriaSetId == seeded)
                    )
                    .SumAsync(i => i.MaxPointsHundredths)
            )
        );
    }

    [Fact]
    public async Task A_set_exported_as_json_or_excel_imports_as_a_new_draft_with_the_same_content()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var id = await SeededSetIdAsync();
        foreach (var (handler, file) in new[] { ("Json", "bo.json"), ("Excel", "bo.xlsx") })
        {
            var export = await officer.GetAsync($"/Secretariat/Rulebook/Details?id={id}&handler={handler}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var bytes = await export.Content.ReadAsByteArrayAsync();
            if (handler == "Excel")
            {
                // Units in words (points, USD), not hundredths or cents; each list filters and keeps its header in
                // view.
                using var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
                var indicators = wb.Worksheet("Chỉ tiêu");
                Assert.Equal("Điểm tối đa (điểm)", indicators.Cell(1, 9).GetString());
                Assert.Equal("Xuất khẩu tối thiểu (USD)", wb.Worksheet("Luồng xét chọn").Cell(1, 5).GetString());
                Assert.DoesNotContain(wb.Worksheets.SelectMany(w => w.Row(1).CellsUsed()), c =>
                    c.GetString().Contains("×100", StringComparison.Ordinal)
                    || c.GetString().Contains("cent", StringComparison.Ordinal)
                );
                Assert.True(indicators.AutoFilter.IsEnabled);
                Assert.Equal(1, indicators.SheetView.SplitRow);
            }

            var token = TestClient.AntiforgeryToken(await officer.GetHtmlAsync("/Secretariat/Rulebook"))!;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "Upload", file },
            };
            var r = await officer.Http.PostAsync(
                new Uri("/Secretariat/Rulebook?handler=Import", UriKind.Relative),
                form
            );
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            var newId = int.Parse(
                r.Headers.Location!.OriginalString.Split("id=")[1],
                System.Globalization.CultureInfo.InvariantCulture
            );
            var (orig, imported) = await app.WithDbAsync(async db =>
            {
                var q = db
                    .CriteriaSets.Include(s => s.Groups)
                        .ThenInclude(g => g.Indicators)
                    .Include(s => s.Tracks)
                    .Include(s => s.Conditions)
                    .AsSplitQuery();
                return (await q.SingleAsync(s => s.Id == id), await q.SingleAsync(s => s.Id == newId));
            });
            Assert.Equal(CriteriaSetStatus.Draft, imported.Status);
            Assert.Equal(orig.MaxTotalHundredths, imported.MaxTotalHundredths);
            Assert.Equal(orig.Rules.PassMarkHundredths, imported.Rules.PassMarkHundredths);
            Assert.Equal(
                orig.Indicators.Select(i => (i.Code, i.Name, i.MaxPointsHundredths)),
                imported.Indicators.Select(i => (i.Code, i.Name, i.MaxPointsHundredths))
            );
            Assert.Equal(
                orig.Tracks.OrderBy(t => t.Code)
                    .Select(t => (t.Code, t.MinRevenueVnd, t.MinExportUsdCents, t.OfficerDecides)),
                imported
                    .Tracks.OrderBy(t => t.Code)
                    .Select(t => (t.Code, t.MinRevenueVnd, t.MinExportUsdCents, t.OfficerDecides))
            );
            Assert.Equal(orig.Conditions.Count, imported.Conditions.Count);
        }
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_a_criteria_set_is_refused_with_a_message()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var before = await app.WithDbAsync(db => db.CriteriaSets.CountAsync());
        var token = TestClient.AntiforgeryToken(await officer.GetHtmlAsync("/Secretariat/Rulebook"))!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("{\"khong\": 1"u8.ToArray()), "Upload", "x.json" },
        };
        var r = await officer.Http.PostAsync(new Uri("/Secretariat/Rulebook?handler=Import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("không đúng định dạng", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.CriteriaSets.CountAsync()));
    }

    [Fact]
    public async Task Activating_a_set_whose_pass_mark_exceeds_its_total_is_refused()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var id = await CopyAsync(officer, await SeededSetIdAsync());
        var edit = $"/Secretariat/Rulebook/Edit?id={id}";
        var version = await app.WithDbAsync(db =>
            db.CriteriaSets.Where(s => s.Id == id).Select(s => s.Version).SingleAsync()
        );
        var saved = await officer.PostFormAsync(
            edit,
            edit,
            new()
            {
                ["Input.Name"] = "Bộ tiêu chí Hà Nội 2018–2025",
                ["Input.PassMark"] = "120",
                ["Input.TopN"] = "10",
                ["Input.ValidityMonths"] = "36",
                ["Input.SpreadLimit"] = "10",
                ["Input.QuorumPercent"] = "75",
                ["Input.TieBreak"] = "HigherGroupScoreInOrder",
                ["Input.Averaging"] = "PerIndicatorThenSum",
                ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = $"/Secretariat/Rulebook/Details?id={id}";
        var r = await officer.PostFormAsync(page, $"{page}&handler=Activate", []);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode); // a refused rule: 4xx with the message beside the button
        Assert.Contains("Điểm đạt lớn hơn tổng điểm", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(
            CriteriaSetStatus.Draft,
            await app.WithDbAsync(db => db.CriteriaSets.Where(s => s.Id == id).Select(s => s.Status).SingleAsync())
        );
    }

    [Fact]
    public async Task Hanoi_has_126_communes_and_30_former_districts()
    {
        var (wards, communes, districts) = await app.WithDbAsync(async db =>
            (
                await db.AdministrativeUnits.CountAsync(u =>
                    u.Kind == Core.Reference.UnitKind.Ward && u.ValidTo == null
                ),
                await db.AdministrativeUnits.CountAsync(u =>
                    u.Kind == Core.Reference.UnitKind.Commune && u.ValidTo == null
                ),
                await db.AdministrativeUnits.CountAsync(u => u.Level == Core.Reference.UnitLevel.District)
            )
        );
        Assert.Equal(51, wards);
        Assert.Equal(75, communes);
        Assert.Equal(30, districts);
    }
}
