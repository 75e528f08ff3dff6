using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The secretariat's desk shows figures that match the records behind them and link to those
/// records.</summary>
public sealed class DeskTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_desk_counts_what_waits_and_the_current_rounds_dossiers_by_state()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var html = WebUtility.HtmlDecode(await c.GetHtmlAsync("/Secretariat"));

        var pending = await app.WithDbAsync(db => db.Enterprises.CountAsync(e => e.Status == EnterpriseStatus.Pending));
        var waiting = DossierStates.AwaitingScreening.ToList();
        var screening = await app.WithDbAsync(db => db.Dossiers.CountAsync(d => waiting.Contains(d.State)));
        Assert.Equal(pending, Value(html, "desk-pending-enterprises"));
        Assert.Equal(screening, Value(html, "desk-awaiting-screening"));

        var round = await app.WithDbAsync(db =>
            db.Rounds.Where(r => r.Status != RoundStatus.Draft).OrderByDescending(r => r.Year).FirstAsync()
        );
        Assert.Contains($"Đợt xét chọn năm {round.Year}", html);
        var total = await app.WithDbAsync(db => db.Dossiers.CountAsync(d => d.RoundId == round.Id));
        Assert.Matches($@"<th scope=""row"">Tổng</th><td class=""table-num fw-semibold"">{total}</td>", html);
        Assert.Contains($"/Secretariat/Dossiers?RoundId={round.Id}&State=", html);

        using var enterprise = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await enterprise.GetAsync("/Secretariat")).StatusCode);
    }

    private static int Value(string html, string testId)
    {
        var m = Regex.Match(html, $@"data-testid=""{testId}""><div class=""value"">([\d.]+)</div>");
        Assert.True(m.Success, testId);
        return int.Parse(
            m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture
        );
    }
}
