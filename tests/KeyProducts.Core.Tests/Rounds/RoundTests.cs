using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;

namespace KeyProducts.Core.Tests.Rounds;

public sealed class RoundTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static Round RoundIn(RoundStatus status)
    {
        var r = new Round { Year = 2026, Checklist = [new ChecklistItem { Code = "PDK", Name = "Phiếu đăng ký" }] };
        if (status != RoundStatus.Draft)
            r.ForceStatusForSeed(status, Now);
        return r;
    }

    // Written by hand from the procedure (program.md 3.2), not generated from RoundTransitions.Rules.
    public static TheoryData<RoundStatus, RoundStatus, Actor, bool> Table =>
        new()
        {
            { RoundStatus.Draft, RoundStatus.Published, Actor.Officer, true },
            { RoundStatus.Published, RoundStatus.Closed, Actor.Officer, true },
            { RoundStatus.Closed, RoundStatus.Completed, Actor.Officer, true },
            { RoundStatus.Draft, RoundStatus.Closed, Actor.Officer, false },
            { RoundStatus.Draft, RoundStatus.Completed, Actor.Officer, false },
            { RoundStatus.Published, RoundStatus.Completed, Actor.Officer, false },
            { RoundStatus.Published, RoundStatus.Draft, Actor.Officer, false },
            { RoundStatus.Closed, RoundStatus.Published, Actor.Officer, false },
            { RoundStatus.Completed, RoundStatus.Published, Actor.Officer, false },
            { RoundStatus.Completed, RoundStatus.Closed, Actor.Officer, false },
            { RoundStatus.Published, RoundStatus.Published, Actor.Officer, false },
            { RoundStatus.Draft, RoundStatus.Published, Actor.Enterprise, false },
            { RoundStatus.Draft, RoundStatus.Published, Actor.Council, false },
            { RoundStatus.Published, RoundStatus.Closed, Actor.Enterprise, false },
            { RoundStatus.Closed, RoundStatus.Completed, Actor.Leader, false },
        };

    [Theory]
    [MemberData(nameof(Table))]
    public void Transitions_follow_the_procedure(RoundStatus from, RoundStatus to, Actor actor, bool allowed)
    {
        var round = RoundIn(from);
        if (allowed)
        {
            round.Apply(to, actor, Now.AddDays(1));
            Assert.Equal(to, round.Status);
        }
        else
        {
            Assert.Throws<DomainException>(() => round.Apply(to, actor, Now.AddDays(1)));
            Assert.Equal(from, round.Status);
        }
    }

    [Fact]
    public void Each_transition_is_dated()
    {
        var round = RoundIn(RoundStatus.Draft);
        round.Apply(RoundStatus.Published, Actor.Officer, Now);
        round.Apply(RoundStatus.Closed, Actor.Officer, Now.AddDays(90));
        round.Apply(RoundStatus.Completed, Actor.Officer, Now.AddDays(120));
        Assert.Equal((Now, Now.AddDays(90), Now.AddDays(120)), (round.PublishedAt, round.ClosedAt, round.CompletedAt));
    }

    [Fact]
    public void A_round_without_a_checklist_cannot_be_published()
    {
        var round = new Round { Year = 2026 };
        Assert.Equal(
            "Checklist",
            Assert.Throws<DomainException>(() => round.Apply(RoundStatus.Published, Actor.Officer, Now)).Code
        );
    }

    [Theory]
    [InlineData(RoundStatus.Published, true)]
    [InlineData(RoundStatus.Draft, false)]
    [InlineData(RoundStatus.Closed, false)] // results confirmed: within the dates, yet no new dossier
    [InlineData(RoundStatus.Completed, false)] // decided
    public void Only_a_published_round_accepts_dossiers_within_its_dates(RoundStatus status, bool open)
    {
        var round = RoundIn(status);
        round.RegistrationOpens = new DateOnly(2026, 11, 1);
        round.SubmissionDeadline = new DateOnly(2026, 12, 31);
        Assert.Equal(open, round.IsOpenForSubmission(Now));
    }

    [Fact]
    public void Receipt_codes_are_numbered_in_sequence()
    {
        var round = RoundIn(RoundStatus.Published);
        Assert.Equal("SPCNCL-2026-0001", round.NextDossierCode());
        Assert.Equal("SPCNCL-2026-0002", round.NextDossierCode());
    }

    private static RoundSchedule Dates(int commentOpensDay = 10, int commentClosesDay = 24) =>
        new(
            new DateOnly(2026, 4, 1),
            new DateOnly(2026, 8, 31),
            new DateOnly(2026, 9, 30),
            new DateOnly(2026, 10, 20),
            new DateOnly(2026, 11, commentOpensDay),
            new DateOnly(2026, 11, commentClosesDay)
        );

    [Fact]
    public void Dates_must_be_in_order()
    {
        Assert.Throws<DomainException>(() =>
            RoundRules.CheckSchedule(Dates() with { SubmissionDeadline = new(2026, 3, 1) }, null, false)
        );
        Assert.Throws<DomainException>(() =>
            RoundRules.CheckSchedule(Dates() with { ScreeningDeadline = new(2026, 8, 1) }, null, false)
        );
        Assert.Throws<DomainException>(() => RoundRules.CheckSchedule(Dates(20, 10), null, false));
        Assert.Throws<DomainException>(() =>
            RoundRules.CheckSchedule(Dates() with { CommentCloses = null }, null, false)
        );
        RoundRules.CheckSchedule(Dates(), null, false);
    }

    [Fact]
    public void A_published_comment_window_can_be_extended_but_not_shortened()
    {
        var published = Dates();
        RoundRules.CheckSchedule(Dates(10, 30), published, commentWindowPublished: true);
        RoundRules.CheckSchedule(Dates(5, 24), published, commentWindowPublished: true);
        Assert.Equal(
            "CommentWindowPublished",
            Assert.Throws<DomainException>(() => RoundRules.CheckSchedule(Dates(10, 20), published, true)).Code
        );
        Assert.Throws<DomainException>(() => RoundRules.CheckSchedule(Dates(12, 24), published, true));
        Assert.Throws<DomainException>(() =>
            RoundRules.CheckSchedule(Dates() with { CommentOpens = null, CommentCloses = null }, published, true)
        );
        RoundRules.CheckSchedule(Dates(10, 20), published, commentWindowPublished: false); // not yet announced
    }

    [Fact]
    public void A_round_uses_only_an_active_rulebook_and_keeps_it_once_dossiers_arrive()
    {
        RoundRules.CheckCriteriaSet(null, 2, newSetActive: true, dossiersSubmitted: false);
        Assert.Equal(
            "CriteriaSetNotActive",
            Assert.Throws<DomainException>(() => RoundRules.CheckCriteriaSet(null, 2, false, false)).Code
        );
        Assert.Equal(
            "Frozen",
            Assert.Throws<DomainException>(() => RoundRules.CheckCriteriaSet(1, 2, true, true)).Code
        );
        RoundRules.CheckCriteriaSet(1, 1, newSetActive: false, dossiersSubmitted: true); // unchanged: allowed
    }
}
