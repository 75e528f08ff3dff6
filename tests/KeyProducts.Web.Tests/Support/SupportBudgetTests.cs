using System.Net;
using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeyProducts.Web.Tests.Support.SupportArrange;

namespace KeyProducts.Web.Tests.Support;

/// <summary>The budget of a program and year can never be over-committed, even by approvals at the same moment
/// (run on SQLite and on PostgreSQL through TEST_DB).</summary>
public sealed class SupportBudgetTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Two_officers_approving_at_the_same_moment_cannot_overspend_and_one_gets_a_message()
    {
        var (programId, callId, year) = await ProgramAsync(app, budgetVnd: 300_000_000);
        var enterprises = await VerifiedEnterprisesAsync(app, 2);
        var first = await SubmittedAsync(app, callId, enterprises[0], 200_000_000);
        var second = await SubmittedAsync(app, callId, enterprises[1], 200_000_000);
        using var officer = await TestClient.LoggedInAsync(app, Officer);
        using var admin = await TestClient.LoggedInAsync(app, Admin);
        async Task<(TestClient C, string Url, Dictionary<string, string> Form, string Token)> Prepare(
            TestClient c,
            int id
        )
        {
            var html = await c.GetHtmlAsync($"/Secretariat/Support/Application/{id}");
            var version = System
                .Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"")
                .Groups[1]
                .Value;
            var token = TestClient.AntiforgeryToken(
                await (await c.GetAsync($"/Secretariat/Support/Application/{id}")).Content.ReadAsStringAsync()
            )!;
            return (
                c,
                $"/Secretariat/Support/Application/{id}?handler=Approve",
                new() { ["Version"] = version, ["Amount"] = "200.000.000" },
                token
            );
        }
        var a = await Prepare(officer, first);
        var b = await Prepare(admin, second);

        var responses = await Task.WhenAll(
            Task.Run(() => a.C.PostWithTokenAsync(a.Url, a.Token, a.Form)),
            Task.Run(() => b.C.PostWithTokenAsync(b.Url, b.Token, b.Form))
        );

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
        var refused = WebUtility.HtmlDecode(
            await responses.Single(r => r.StatusCode == HttpStatusCode.BadRequest).Content.ReadAsStringAsync()
        );
        Assert.Contains("Vượt ngân sách: ngân sách năm", refused, StringComparison.Ordinal);
        Assert.Contains("còn 100.000.000 đ", refused, StringComparison.Ordinal);
        var budget = await BudgetAsync(app, programId, year);
        Assert.Equal(200_000_000, budget.CommittedVnd);
        var states = await app.WithDbAsync(db =>
            db.SupportApplications.Where(x => x.Id == first || x.Id == second).Select(x => x.State).ToListAsync()
        );
        Assert.Equal(1, states.Count(s => s == SupportState.Approved));
        Assert.Equal(1, states.Count(s => s == SupportState.Submitted));
    }

    [Fact]
    public async Task Many_parallel_approvals_commit_exactly_what_the_budget_allows()
    {
        var (programId, callId, year) = await ProgramAsync(app, budgetVnd: 500_000_000);
        var enterprises = await VerifiedEnterprisesAsync(app, 6);
        var ids = new List<int>();
        foreach (var e in enterprises)
            ids.Add(await SubmittedAsync(app, callId, e, 200_000_000));
        var officerId = await app.WithDbAsync(db =>
            db.Users.Where(u => u.Email == Officer).Select(u => u.Id).FirstAsync()
        );
        var start = new TaskCompletionSource();

        var tasks = ids.Select(id =>
                Task.Run(async () =>
                {
                    using var scope = app.Services.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<KeyProducts.Web.Data.AppDbContext>();
                    var approve = scope.ServiceProvider.GetRequiredService<ApproveSupportApplication>();
                    var a = await db
                        .SupportApplications.Include(x => x.Items)
                        .Include(x => x.History)
                        .FirstAsync(x => x.Id == id);
                    await start.Task;
                    try
                    {
                        await approve.ExecuteAsync(a, a.Version, officerId, 200_000_000);
                        return "approved";
                    }
                    catch (DomainException ex)
                    {
                        return ex.Template;
                    }
                })
            )
            .ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(2, results.Count(r => r == "approved"));
        Assert.All(results.Where(r => r != "approved"), r =>
            Assert.StartsWith("Vượt ngân sách", r, StringComparison.Ordinal)
        );
        var budget = await BudgetAsync(app, programId, year);
        Assert.Equal(400_000_000, budget.CommittedVnd);
        var approved = await app.WithDbAsync(db =>
            db.SupportApplications.Where(x => ids.Contains(x.Id) && x.State == SupportState.Approved)
                .SumAsync(x => x.ApprovedVnd ?? 0)
        );
        Assert.Equal(budget.CommittedVnd, approved);
    }

    [Fact]
    public async Task The_refusal_is_translated_for_an_english_officer()
    {
        var (_, callId, _) = await ProgramAsync(app, budgetVnd: 100_000_000);
        var id = await SubmittedAsync(app, callId, (await VerifiedEnterprisesAsync(app, 1))[0], 150_000_000);
        using var c = await TestClient.LoggedInAsync(app, Officer);
        var html = await c.GetHtmlAsync($"/Secretariat/Support/Application/{id}?lang=en");
        var version = System
            .Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"")
            .Groups[1]
            .Value;
        var r = await c.PostFormAsync(
            $"/Secretariat/Support/Application/{id}",
            $"/Secretariat/Support/Application/{id}?handler=Approve&lang=en",
            new() { ["Version"] = version, ["Amount"] = "150.000.000" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Over budget: the program's", body, StringComparison.Ordinal);
        Assert.Contains("100.000.000 VND left", body, StringComparison.Ordinal);
    }
}
