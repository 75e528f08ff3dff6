using System.Net;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Dates are shown and typed as dd/mm/yyyy whatever the browser's language, and ISO dates still
/// work.</summary>
public sealed class DateInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Date_fields_show_and_accept_day_month_year()
    {
        var roundId = await app.WithDbAsync(db =>
            db.Rounds.Where(r => r.Status != RoundStatus.Draft)
                .OrderByDescending(r => r.Year)
                .Select(r => r.Id)
                .FirstAsync()
        );
        var page = $"/Secretariat/Council?roundId={roundId}";
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var html = await c.GetHtmlAsync(page);
        Assert.DoesNotContain("type=\"date\"", html);
        Assert.Matches(
            @"id=""CouncilForm_DecisionDate""[^>]*value=""\d{2}/\d{2}/\d{4}""|value=""\d{2}/\d{2}/\d{4}""[^>]*id=""CouncilForm_DecisionDate""",
            html
        );

        var action = $"/Secretariat/Council?roundId={roundId}&handler=Council";
        var r = await c.PostFormAsync(
            page,
            action,
            new()
            {
                ["CouncilForm.DecisionNumber"] = "4078/QĐ-UBND",
                ["CouncilForm.DecisionDate"] = "08/11/2026",
                ["CouncilForm.ScoringDeadline"] = "2026-12-05",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var council = await app.WithDbAsync(db => db.Councils.Where(x => x.RoundId == roundId).FirstAsync());
        Assert.Equal(new DateOnly(2026, 11, 8), council.DecisionDate);
        Assert.Equal(new DateOnly(2026, 12, 5), council.ScoringDeadline);

        var bad = await c.PostFormAsync(
            page,
            action,
            new() { ["CouncilForm.DecisionNumber"] = "4078/QĐ-UBND", ["CouncilForm.DecisionDate"] = "31/02/2026" }
        );
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(
            new DateOnly(2026, 11, 8),
            await app.WithDbAsync(db =>
                db.Councils.Where(x => x.RoundId == roundId).Select(x => x.DecisionDate).FirstAsync()
            )
        );
    }
}
