using System.Globalization;
using System.Net;
using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Features.Rounds;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeyProducts.Web.Tests.Council.CouncilTestData;

namespace KeyProducts.Web.Tests.Council;

/// <summary>The rules a full round run by a new user found wrong (issue 15): confirmation on one member's sheet,
/// attendance edited after confirmation, a closed round still taking dossiers, a published comment window shortened,
/// a receipt code verified as a certificate.</summary>
public sealed class RoundLifecycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<int> CurrentRoundAsync() =>
        app.WithDbAsync(db =>
            db.Rounds.Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .Select(r => r.Id)
                .FirstAsync()
        );

    [Fact]
    public async Task Confirmation_needs_the_quorum_of_scorers_then_freezes_the_meeting_and_closes_the_round()
    {
        var roundId = await CurrentRoundAsync();
        var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await officer.PostFormAsync("/Secretariat/Council", "/Secretariat/Council?handler=Start", [])).StatusCode
        );
        var scoring = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.State == DossierState.Scoring).Select(d => d.Id).ToListAsync()
        );
        Assert.NotEmpty(scoring);
        foreach (var d in scoring)
            await app.ScoreAsync(ViceChair, d, 90); // one member's sheets only
        await app.WithDbAsync(async db => // the other members never opened theirs (the seed has a draft of one)
        {
            db.ScoreSheets.RemoveRange(
                await db.ScoreSheets.Where(s => s.Status != SheetStatus.Submitted).ToListAsync()
            );
            await db.SaveChangesAsync();
        });
        var council = await app.WithDbAsync(db =>
            db.Councils.Include(c => c.Members).FirstAsync(c => c.RoundId == roundId)
        );
        var everyone = council.Members.Select(m => m.Id).ToHashSet();
        await RunAsync(async sp =>
        {
            await sp.GetRequiredService<RecordAttendance>().ExecuteAsync(council.Id, everyone, default);
            return 0;
        });

        // One member's sheet is not a council's result: refused beside the button, with a 4xx, naming the dossiers.
        var refused = await officer.PostFormAsync(
            "/Secretariat/Council/Results",
            "/Secretariat/Council/Results?handler=Confirm",
            []
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.True(
            text.Contains("chưa được đủ số thành viên chấm", StringComparison.Ordinal),
            System
                .Text.RegularExpressions.Regex.Match(
                    text,
                    "error-summary-title.{0,600}",
                    System.Text.RegularExpressions.RegexOptions.Singleline
                )
                .Value
        );
        Assert.Equal(
            scoring.Count,
            await app.WithDbAsync(db => db.Dossiers.CountAsync(d => d.State == DossierState.Scoring))
        );

        await app.ScoreEverythingAsync(_ => 80);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await officer.PostFormAsync(
                    "/Secretariat/Council/Results",
                    "/Secretariat/Council/Results?handler=Confirm",
                    []
                )
            ).StatusCode
        );

        // What the meeting used is frozen.
        var frozen = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(async sp =>
            {
                await sp.GetRequiredService<RecordAttendance>()
                    .ExecuteAsync(council.Id, everyone.Take(2).ToHashSet(), default);
                return 0;
            })
        );
        Assert.Equal("ResultsConfirmed", frozen.Code);
        Assert.Equal(
            everyone.Count,
            await app.WithDbAsync(db => db.Attendance.CountAsync(a => a.CouncilId == council.Id && a.Present))
        );
        var page = await officer.GetHtmlAsync("/Secretariat/Council/Results");
        using (
            var content = new FormUrlEncodedContent([
                new("Present", everyone.First().ToString(CultureInfo.InvariantCulture)),
                new("__RequestVerificationToken", TestClient.AntiforgeryToken(page)!),
            ])
        )
        {
            var attendance = await officer.Http.PostAsync(
                new Uri("/Secretariat/Council/Results?handler=Attendance", UriKind.Relative),
                content
            );
            Assert.Equal(HttpStatusCode.BadRequest, attendance.StatusCode);
        }

        // The round is closed to new dossiers although its submission deadline has not passed.
        var round = await app.WithDbAsync(db => db.Rounds.FirstAsync(r => r.Id == roundId));
        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.True(app.Clock.GetUtcNow() <= VietnamTime.EndOfDayUtc(round.SubmissionDeadline));
        Assert.False(round.IsOpenForSubmission(app.Clock.GetUtcNow()));
        var enterprise = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var portal = await enterprise.GetHtmlAsync("/Portal/Dossiers");
        Assert.DoesNotContain(
            "Lập hồ sơ mới cho đợt xét chọn năm",
            System.Net.WebUtility.HtmlDecode(portal),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_receipt_code_is_never_verified_as_a_certificate_and_old_serials_still_verify()
    {
        var receipt = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Code != null).Select(d => d.Code!).FirstAsync()
        );
        using var citizen = TestClient.Anonymous(app);
        var html = await citizen.GetHtmlAsync("/Public/Verify?serial=" + Uri.EscapeDataString(receipt));
        Assert.Contains("data-outcome=\"receipt\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"valid\"", html, StringComparison.Ordinal);

        var serials = await app.WithDbAsync(db => db.Certificates.Select(c => c.Serial).ToListAsync());
        Assert.All(serials, s => Assert.False(DocumentCodes.LooksLikeReceipt(s)));

        // A certificate issued before the formats were separated keeps its serial and still verifies.
        var legacy = await app.WithDbAsync(async db =>
        {
            var c = await db
                .Certificates.Where(c => c.SupersededById == null && c.Kind == CertificateKind.Standard)
                .OrderByDescending(c => c.Id)
                .FirstAsync();
            c.Serial = "SPCNCL-2025-0999";
            await db.SaveChangesAsync();
            return c.Serial;
        });
        var old = await citizen.GetHtmlAsync("/Public/Verify?serial=" + legacy);
        Assert.Contains("data-testid=\"serial\">SPCNCL-2025-0999<", old, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"receipt\"", old, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"unknown\"", old, StringComparison.Ordinal);
    }
}

/// <summary>Its own app: it moves the council past confirmation, which the other tests must not see.</summary>
public sealed class CommentWindowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<int> CurrentRoundAsync() =>
        app.WithDbAsync(db =>
            db.Rounds.Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .Select(r => r.Id)
                .FirstAsync()
        );

    [Fact]
    public async Task A_published_comment_window_can_be_extended_but_never_shortened()
    {
        var roundId = await CurrentRoundAsync();
        await app.WithDbAsync(async db =>
        {
            var council = await db.Councils.FirstAsync(c => c.RoundId == roundId);
            if (council.Stage == CouncilStage.Scoring)
                council.Apply(CouncilStage.Confirmed, Actor.Officer, app.Clock.GetUtcNow());
            if (council.Stage == CouncilStage.Confirmed)
                council.Apply(CouncilStage.PublishedForComment, Actor.Officer, app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId));
        RoundFields Fields(DateOnly? closes) =>
            new(
                round.Year,
                round.Title,
                round.PhaseId,
                round.CriteriaSetId,
                round.Description,
                round.RegistrationOpens,
                round.SubmissionDeadline,
                round.ScreeningDeadline,
                round.CouncilMeeting,
                round.CommentOpens,
                closes,
                round.ContactName,
                round.ContactEmail,
                round.ContactPhone
            );

        var shortened = await Assert.ThrowsAsync<DomainException>(() =>
            RunAsync(sp =>
                sp.GetRequiredService<SaveRound>()
                    .ExecuteAsync(roundId, round.Version, Fields(round.CommentCloses!.Value.AddDays(-3)))
            )
        );
        Assert.Equal("CommentWindowPublished", shortened.Code);
        Assert.Equal(
            round.CommentCloses,
            await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).Select(r => r.CommentCloses).FirstAsync())
        );

        var extended = await RunAsync(sp =>
            sp.GetRequiredService<SaveRound>()
                .ExecuteAsync(roundId, round.Version, Fields(round.CommentCloses!.Value.AddDays(5)))
        );
        Assert.Equal(round.CommentCloses!.Value.AddDays(5), extended.CommentCloses);
    }
}
