using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Dossiers.DossierArrange;

namespace KeyProducts.Web.Tests.Dossiers;

/// <summary>The dossier form as the enterprise meets it: a task list of sections with their status, one section per
/// page,
/// self-assessment points read by the system's one points parser and refused beside the field when out of range, and
/// "check your answers" grouped by section with a change link per answer.</summary>
public sealed partial class DossierFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Inv(int v) => v.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int IndicatorId, string Code, long Max)> FirstIndicatorAsync(int dossierId) =>
        await app.WithDbAsync(async db =>
        {
            var setId = await db
                .Dossiers.Where(d => d.Id == dossierId)
                .Select(d => db.Rounds.First(r => r.Id == d.RoundId).CriteriaSetId)
                .FirstAsync();
            var ind = await db
                .Indicators.Where(i =>
                    db.CriteriaGroups.Any(g => g.Id == i.CriteriaGroupId && g.CriteriaSetId == setId)
                )
                .OrderBy(i => i.Id)
                .FirstAsync();
            return (dossierId, ind.Id, ind.Code, ind.MaxPointsHundredths);
        });

    private async Task<HttpResponseMessage> PostPointsAsync(TestClient c, int id, int indicatorId, string points) =>
        await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/assessment",
            $"/Portal/Dossiers/Edit/{id}/assessment?handler=Assessment",
            new()
            {
                ["Claims[0].IndicatorId"] = Inv(indicatorId),
                ["Claims[0].Points"] = points,
                ["Claims[0].Evidence"] = "ISO 9001:2015",
            }
        );

    [Theory]
    [InlineData("999")] // beyond the indicator's maximum: was silently stored as the maximum
    [InlineData("99999999999999999999")] // 20 digits: overflowed into a 500
    [InlineData("0,125")] // three decimals: was rounded half-to-even
    [InlineData("0.125")]
    [InlineData("-1")]
    [InlineData("7,5abc")]
    public async Task Out_of_range_or_malformed_points_are_refused_beside_the_field_and_kept(string points)
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var (_, indicatorId, code, _) = await FirstIndicatorAsync(id);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        app.Logs.Clear();

        var r = await PostPointsAsync(c, id, indicatorId, points);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        var input = InputPattern().Match(html);
        Assert.True(input.Success, "the points field is not on the page");
        Assert.Equal(points, WebUtility.HtmlDecode(input.Groups["value"].Value));
        Assert.Contains("aria-invalid=\"true\"", input.Value, StringComparison.Ordinal);
        Assert.Contains("Claims_0__Points-error", input.Value, StringComparison.Ordinal);
        Assert.Contains("id=\"Claims_0__Points-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Claims_0__Points\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi: ", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.False(
            await app.WithDbAsync(db => db.SelfAssessments.AnyAsync(s => s.DossierId == id)),
            $"{points} for {code} was stored"
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Points_within_range_are_stored_exactly_and_the_section_shows_as_in_progress()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var (_, indicatorId, _, max) = await FirstIndicatorAsync(id);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);

        var r = await PostPointsAsync(c, id, indicatorId, "2,25");

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(
            $"/Portal/Dossiers/Edit/{id}?saved=assessment#task-assessment",
            r.Headers.Location!.OriginalString
        );
        Assert.Equal(
            225,
            await app.WithDbAsync(db =>
                db.SelfAssessments.Where(s => s.DossierId == id).Select(s => s.ClaimedHundredths).FirstAsync()
            )
        );
        Assert.True(max >= 225);
        var list = await c.GetHtmlAsync($"/Portal/Dossiers/Edit/{id}?saved=assessment");
        Assert.Contains("data-testid=\"saved\"", list, StringComparison.Ordinal);
        Assert.Equal("Đang làm", Status(list, "assessment"));
        Assert.Equal("Chưa bắt đầu", Status(list, "figures"));
    }

    [Fact]
    public async Task The_task_list_shows_each_section_with_its_status_and_links_to_one_page_per_section()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var list = await c.GetHtmlAsync($"/Portal/Dossiers/Edit/{id}");
        Assert.Equal("Đã xong", Status(list, "figures"));
        Assert.Equal("Đã xong", Status(list, "conditions"));
        Assert.Equal("Chưa bắt đầu", Status(list, "assessment"));
        Assert.Equal("Đã xong", Status(list, "documents"));
        foreach (var section in new[] { "figures", "conditions", "assessment", "documents" })
        {
            Assert.Contains($"href=\"/Portal/Dossiers/Edit/{id}/{section}\"", list, StringComparison.Ordinal);
            var page = await c.GetHtmlAsync($"/Portal/Dossiers/Edit/{id}/{section}");
            Assert.Contains($"href=\"/Portal/Dossiers/Edit/{id}\"", page, StringComparison.Ordinal);
        }
        // One section per page: the figures page has no conditions or upload form.
        var figures = await c.GetHtmlAsync($"/Portal/Dossiers/Edit/{id}/figures");
        Assert.Contains("data-testid=\"figures-form\"", figures, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Conditions", figures, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Upload", figures, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/Portal/Dossiers/Edit/{id}/nothing")).StatusCode);
    }

    [Fact]
    public async Task Check_your_answers_groups_by_section_in_form_order_with_change_links_missing_first_and_no_hashes()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var html = await c.GetHtmlAsync($"/Portal/Dossiers/Check/{id}");
        var missing = html.IndexOf("data-testid=\"check-missing\"", StringComparison.Ordinal);
        var order = new[] { "check-figures", "check-conditions", "check-assessment", "check-documents" }
            .Select(s => html.IndexOf($"data-testid=\"{s}\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing > 0, "no missing box");
        Assert.All(order, at => Assert.True(at > missing, "a section comes before the missing items"));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains(
            $"href=\"/Portal/Dossiers/Edit/{id}/figures#Figures_2__ProductRevenue\"",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"href=\"/Portal/Dossiers/Edit/{id}/assessment#Claims_0__Points\"",
            html,
            StringComparison.Ordinal
        );
        Assert.True(ChangeLink().Matches(html).Count > 20, "not a change link per answer");
        // The figures are a table with the years as columns, not "Số liệu 2025: …" rows.
        var year = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id).Select(d => db.Rounds.First(r => r.Id == d.RoundId).Year).FirstAsync()
        );
        foreach (var y in new[] { year - 3, year - 2, year - 1 })
            Assert.Contains($"<th scope=\"col\" class=\"text-end\">Năm {y}</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Số liệu " + (year - 1) + ":", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaaaa", html, StringComparison.Ordinal);

        // English mode: the labels are translated.
        await c.UseEnglishAsync();
        var en = await c.GetHtmlAsync($"/Portal/Dossiers/Check/{id}");
        Assert.Contains("Product revenue", en, StringComparison.Ordinal);
        Assert.Contains(">Change<", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Doanh thu sản phẩm (đồng)", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossier_export_has_a_filter_a_frozen_header_and_dates_as_dates()
    {
        using var o = await TestClient.LoggedInAsync(app, Officer);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Year == 2026).Select(r => r.Id).FirstAsync());
        var r = await o.GetAsync($"/Secretariat/Dossiers?handler=Export&roundId={roundId}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var wb = new ClosedXML.Excel.XLWorkbook(await r.Content.ReadAsStreamAsync());
        var ws = wb.Worksheet(1);
        Assert.True(ws.AutoFilter.IsEnabled);
        Assert.Equal(1, ws.SheetView.SplitRow);
        var dates = ws.Column(8).CellsUsed().Skip(1).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, c => Assert.Equal(ClosedXML.Excel.XLDataType.DateTime, c.DataType));
    }

    private static string Status(string html, string section) =>
        Regex.Match(html, $"data-testid=\"status-{section}\">([^<]*)<").Groups[1].Value;

    [GeneratedRegex(
        "<input[^>]*name=\"Claims\\[0\\]\\.Points\"[^>]*value=\"(?<value>[^\"]*)\"[^>]*>"
            + "|<input[^>]*id=\"Claims_0__Points\"[^>]*>"
    )]
    private static partial Regex InputPattern();

    [GeneratedRegex(">Thay đổi<span class=\"visually-hidden\">")]
    private static partial Regex ChangeLink();
}
