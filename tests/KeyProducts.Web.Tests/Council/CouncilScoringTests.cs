using System.Net;
using System.Net.Http.Json;
using KeyProducts.Core.Council;
using KeyProducts.Web.Api.V1;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Council.CouncilTestData;

namespace KeyProducts.Web.Tests.Council;

public sealed class CouncilScoringTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int Member, int FirstIndicator, string Code)> MemberAndIndicatorAsync(string email) =>
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync();
            var member = await db.CouncilMembers.Where(m => m.UserId == userId).Select(m => m.Id).FirstAsync();
            var ind = await (
                from a in db.IndicatorAssignments
                join i in db.Indicators on a.IndicatorId equals i.Id
                where a.MemberId == member
                orderby i.Code
                select new { i.Id, i.Code }
            ).FirstAsync();
            return (member, ind.Id, ind.Code);
        });

    [Fact]
    public async Task A_score_outside_the_indicator_bounds_is_refused_and_the_form_keeps_what_was_typed()
    {
        var dossier = await app.DossierOfAsync("0108912347");
        using var c = await TestClient.LoggedInAsync(app, Third);
        var html = await c.GetHtmlAsync($"/Council/Sheet/{dossier}");
        var r = await c.PostFormAsync(
            $"/Council/Sheet/{dossier}",
            $"/Council/Sheet/{dossier}?handler=Save",
            new()
            {
                ["Input.Version"] = VersionIn(html).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].IndicatorId"] = (await MemberAndIndicatorAsync(Third)).FirstIndicator.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Input.Items[0].Points"] = "99",
                ["Input.Items[0].Comment"] = "Rất tốt",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("error-summary", body);
        Assert.Contains("không hợp lệ", body);
        Assert.Contains("value=\"99\"", body);
        Assert.Contains("Rất tốt", body);
        var (member, _, _) = await MemberAndIndicatorAsync(Third);
        Assert.Null(await app.WithDbAsync(db => Task.FromResult(StatusOf(db, member, dossier))));
    }

    [Fact]
    public async Task Points_that_are_not_a_number_get_a_message_beside_the_field()
    {
        var dossier = await app.DossierOfAsync("0108912347");
        using var c = await TestClient.LoggedInAsync(app, ViceChair);
        var html = await c.GetHtmlAsync($"/Council/Sheet/{dossier}");
        var (_, ind, _) = await MemberAndIndicatorAsync(ViceChair);
        var r = await c.PostFormAsync(
            $"/Council/Sheet/{dossier}",
            $"/Council/Sheet/{dossier}?handler=Save",
            new()
            {
                ["Input.Version"] = VersionIn(html).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].IndicatorId"] = ind.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].Points"] = "tám",
            }
        );
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Điểm phải là số", body);
    }

    [Fact]
    public async Task Submitting_locks_the_sheet_and_only_then_shows_the_other_members_scores()
    {
        // the vice-chair and hoidong3 have submitted, hoidong2 has not started
        var dossier = await app.DossierOfAsync("0104567890");
        using var c = await TestClient.LoggedInAsync(app, Conflicted);
        var before = await c.GetHtmlAsync($"/Council/Sheet/{dossier}");
        Assert.DoesNotContain("data-testid=\"others-", before);
        var api = await c.Http.GetFromJsonAsync<CouncilSheetEndpoints.SheetDto>($"/api/v1/council/sheets/{dossier}");
        Assert.All(api!.Scores, s => Assert.Null(s.PointsHundredths)); // the API gives only the member's own sheet

        await app.ScoreAsync(Conflicted, dossier, 80);
        var after = await c.GetHtmlAsync($"/Council/Sheet/{dossier}");
        Assert.Contains("data-testid=\"others-G1.1\"", after);
        Assert.Contains("data-testid=\"locked\"", after);

        var r = await c.PostFormAsync(
            $"/Council/Sheet/{dossier}",
            $"/Council/Sheet/{dossier}?handler=Save",
            new()
            {
                ["Input.Version"] = VersionIn(after).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].IndicatorId"] = (await MemberAndIndicatorAsync(Conflicted)).FirstIndicator.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Input.Items[0].Points"] = "1",
            }
        );
        Assert.Contains("đã nộp và bị khóa", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Two_devices_saving_the_same_sheet_cannot_overwrite_each_other()
    {
        var dossier = await app.DossierOfAsync("0109123458");
        var (member, ind, _) = await MemberAndIndicatorAsync(Third);
        using var phone = await TestClient.LoggedInAsync(app, Third);
        using var laptop = await TestClient.LoggedInAsync(app, Third);
        var phoneHtml = await phone.GetHtmlAsync($"/Council/Sheet/{dossier}");
        var laptopHtml = await laptop.GetHtmlAsync($"/Council/Sheet/{dossier}");
        Dictionary<string, string> Form(string html, string points) =>
            new()
            {
                ["Input.Version"] = VersionIn(html).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].IndicatorId"] = ind.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Items[0].Points"] = points,
            };
        var first = await phone.PostWithTokenAsync(
            $"/Council/Sheet/{dossier}?handler=Save",
            TestClient.AntiforgeryToken(phoneHtml)!,
            Form(phoneHtml, "7")
        );
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await laptop.PostWithTokenAsync(
            $"/Council/Sheet/{dossier}?handler=Save",
            TestClient.AntiforgeryToken(laptopHtml)!,
            Form(laptopHtml, "3")
        );
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("thiết bị hoặc cửa sổ khác", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        var stored = await app.WithDbAsync(db =>
            db.Scores.Where(s =>
                    db.ScoreSheets.Any(x => x.Id == s.ScoreSheetId && x.MemberId == member && x.DossierId == dossier)
                    && s.IndicatorId == ind
                )
                .Select(s => s.PointsHundredths)
                .FirstAsync()
        );
        Assert.Equal(700, stored);

        // The API follows the same rule: an old Version gets 409.
        await laptop.UseApiAntiforgeryAsync();
        var stale = await laptop.Http.PutAsJsonAsync(
            $"/api/v1/council/sheets/{dossier}",
            new CouncilSheetEndpoints.SaveSheetDto(0, [new(ind, 300, null)], false)
        );
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task A_conflicted_member_cannot_see_open_download_or_score_the_dossier_by_any_route()
    {
        var dossier = await app.DossierOfAsync(CouncilSeeder.ConflictTaxCode);
        var document = await app.WithDbAsync(db =>
            db.DossierDocuments.Where(d => d.DossierId == dossier).Select(d => d.Id).FirstAsync()
        );
        var (_, ind, _) = await MemberAndIndicatorAsync(Conflicted);
        using var member = await TestClient.LoggedInAsync(app, Conflicted);

        Assert.DoesNotContain($"/Council/Sheet/{dossier}\"", await member.GetHtmlAsync("/Council"));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Council/Sheet/{dossier}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await member.GetAsync($"/Council/Document/{dossier}/{document}")).StatusCode
        );
        var token = TestClient.AntiforgeryToken(await member.GetHtmlAsync("/Council/Conflicts"))!;
        var post = await member.PostWithTokenAsync(
            $"/Council/Sheet/{dossier}?handler=Submit",
            token,
            new() { ["Input.Version"] = "0" }
        );
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var list = await member.Http.GetFromJsonAsync<List<CouncilSheetEndpoints.SheetSummaryDto>>(
            "/api/v1/council/sheets"
        );
        Assert.DoesNotContain(list!, s => s.DossierId == dossier);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/council/sheets/{dossier}")).StatusCode);
        await member.UseApiAntiforgeryAsync();
        var put = await member.Http.PutAsJsonAsync(
            $"/api/v1/council/sheets/{dossier}",
            new CouncilSheetEndpoints.SaveSheetDto(0, [new(ind, 100, null)], false)
        );
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.False(
            await app.WithDbAsync(db =>
                db.ScoreSheets.AnyAsync(s =>
                    s.DossierId == dossier
                    && db.CouncilMembers.Any(m =>
                        m.Id == s.MemberId
                        && m.UserId != null
                        && db.Users.Any(u => u.Id == m.UserId && u.Email == Conflicted)
                    )
                )
            )
        );

        // A member without the conflict opens the same dossier and file.
        using var other = await TestClient.LoggedInAsync(app, ViceChair);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Council/Sheet/{dossier}")).StatusCode);
        var file = await other.GetAsync($"/Council/Document/{dossier}/{document}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("Thuyết minh sản phẩm", await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_conflict_recorded_by_an_officer_removes_the_member_access_at_once()
    {
        var dossier = await app.DossierOfAsync("0105678917");
        var (enterprise, memberId) = await app.WithDbAsync(async db =>
            (
                await db.Dossiers.Where(d => d.Id == dossier).Select(d => d.EnterpriseId).FirstAsync(),
                await db
                    .CouncilMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == Third))
                    .Select(m => m.Id)
                    .FirstAsync()
            )
        );
        using var member = await TestClient.LoggedInAsync(app, Third);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/Council/Sheet/{dossier}")).StatusCode);

        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var r = await officer.PostFormAsync(
            "/Secretariat/Council",
            "/Secretariat/Council?handler=Conflict",
            new()
            {
                ["ConflictForm.MemberId"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ConflictForm.EnterpriseId"] = enterprise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ConflictForm.Relationship"] = "Từng làm cố vấn kỹ thuật cho doanh nghiệp năm trước",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Council/Sheet/{dossier}")).StatusCode);
        Assert.True(
            await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("ConflictOfInterest")))
        );
    }

    [Theory]
    [InlineData(AccountsSeeder.EnterpriseEmail)]
    [InlineData(AccountsSeeder.LeaderEmail)]
    public async Task Only_council_members_reach_the_scoring_pages_and_api(string email)
    {
        var dossier = await app.DossierOfAsync("0104567890");
        using var c = await TestClient.LoggedInAsync(app, email);
        Assert.NotEqual(HttpStatusCode.OK, (await c.GetAsync($"/Council/Sheet/{dossier}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/api/v1/council/sheets/{dossier}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await c.GetAsync("/Secretariat/Council/Progress")).StatusCode);
    }

    [Fact]
    public async Task The_progress_board_runs_the_same_number_of_queries_whatever_its_size()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var dossier = await app.DossierOfAsync("0109123458");
        // The members' "still to score" counts are cached per audit generation (decision 0016): the first request after
        // a change computes them (one more query), the next reads them. Both stay the same with one more sheet.
        async Task<(int Computed, int Cached)> CountAfterAsync(int percent)
        {
            await app.ScoreAsync(ViceChair, dossier, percent, submit: false);
            var counts = new int[2];
            for (var i = 0; i < 2; i++)
                using (app.Queries.Start())
                {
                    Assert.Contains("progress-board", await officer.GetHtmlAsync("/Secretariat/Council/Progress"));
                    counts[i] = app.Queries.Count;
                }
            return (counts[0], counts[1]);
        }
        await officer.GetHtmlAsync("/Secretariat/Council/Progress");
        var before = await CountAfterAsync(60);
        var after = await CountAfterAsync(70);
        Assert.Equal(before, after);
        Assert.Equal(before.Cached + 1, before.Computed);
    }
}
