using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Dossiers;

public sealed class DossierSubmissionTests
{
    // Hanoi is UTC+7: the last day 31/08/2026 ends at 2026-08-31T16:59:59.999Z.
    private static readonly DateTimeOffset LastMinuteInHanoi = new(2026, 8, 31, 16, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextDayInHanoi = new(2026, 8, 31, 17, 0, 1, TimeSpan.Zero);

    private static Round OpenRound(int lastNumber = 41)
    {
        var r = new Round
        {
            Year = 2026,
            RegistrationOpens = new(2026, 6, 1),
            SubmissionDeadline = new(2026, 8, 31),
            LastDossierNumber = lastNumber,
            Checklist = [new ChecklistItem { Code = "PDK", Name = "Phiếu đăng ký" }],
        };
        r.ForceStatusForSeed(RoundStatus.Published, new DateTimeOffset(2026, 5, 30, 0, 0, 0, TimeSpan.Zero));
        return r;
    }

    [Fact]
    public void First_submission_numbers_the_dossier_and_freezes_the_rulebook()
    {
        var (round, rulebook, dossier) = (OpenRound(), new CriteriaSet(), new Dossier());
        DossierSubmission.Submit(dossier, round, rulebook, null, null, 0, "dn", LastMinuteInHanoi);
        Assert.Equal(DossierState.Submitted, dossier.State);
        Assert.Equal("SPCNCL-2026-0042", dossier.Code);
        Assert.Equal(1, dossier.Revision);
        Assert.Equal(LastMinuteInHanoi, rulebook.FrozenAt);
    }

    [Fact]
    public void The_deadline_is_the_end_of_the_day_in_Hanoi_unless_extended()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DossierSubmission.Submit(new Dossier(), OpenRound(), new CriteriaSet(), null, null, 0, "dn", NextDayInHanoi)
        );
        Assert.Equal("Late", ex.Code);
        var dossier = new Dossier();
        DossierSubmission.Submit(
            dossier,
            OpenRound(),
            new CriteriaSet(),
            null,
            new DateOnly(2026, 9, 1),
            0,
            "dn",
            NextDayInHanoi
        );
        Assert.Equal(DossierState.Submitted, dossier.State);
    }

    [Fact]
    public void An_extension_earlier_than_the_round_deadline_does_not_shorten_it()
    {
        var dossier = new Dossier();
        DossierSubmission.Submit(
            dossier,
            OpenRound(),
            new CriteriaSet(),
            null,
            new DateOnly(2026, 8, 1),
            0,
            "dn",
            LastMinuteInHanoi
        );
        Assert.Equal(DossierState.Submitted, dossier.State);
    }

    [Fact]
    public void A_dossier_with_something_missing_is_refused_and_unchanged()
    {
        var (round, rulebook, dossier) = (OpenRound(), new CriteriaSet(), new Dossier());
        var ex = Assert.Throws<DomainException>(() =>
            DossierSubmission.Submit(dossier, round, rulebook, null, null, 2, "dn", LastMinuteInHanoi)
        );
        Assert.Equal("Incomplete", ex.Code);
        Assert.Equal(
            (DossierState.Draft, null, 41, null),
            (dossier.State, dossier.Code, round.LastDossierNumber, rulebook.FrozenAt)
        );
    }

    [Fact]
    public void A_closed_round_accepts_nothing_even_before_its_deadline()
    {
        var round = OpenRound();
        round.Apply(RoundStatus.Closed, Actor.Officer, LastMinuteInHanoi.AddDays(-30));
        Assert.Throws<DomainException>(() =>
            DossierSubmission.Submit(
                new Dossier(),
                round,
                new CriteriaSet(),
                null,
                null,
                0,
                "dn",
                LastMinuteInHanoi.AddDays(-20)
            )
        );
    }

    [Fact]
    public void A_resubmission_keeps_its_code_answers_the_supplement_and_follows_the_supplement_deadline()
    {
        var round = OpenRound();
        var frozen = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var rulebook = new CriteriaSet { FrozenAt = frozen };
        var dossier = new Dossier { Code = "SPCNCL-2026-0007", Revision = 1 };
        dossier.ForceStateForSeed(DossierState.NeedsSupplement);
        var supplement = new SupplementRequest { Deadline = new DateOnly(2026, 9, 15) };
        var afterRoundDeadline = new DateTimeOffset(2026, 9, 15, 16, 0, 0, TimeSpan.Zero); // 23:00 on 15/09 in Hanoi

        DossierSubmission.Submit(dossier, round, rulebook, supplement, null, 0, "dn", afterRoundDeadline);

        Assert.Equal(DossierState.Resubmitted, dossier.State);
        Assert.Equal("SPCNCL-2026-0007", dossier.Code);
        Assert.Equal(41, round.LastDossierNumber);
        Assert.Equal(2, dossier.Revision);
        Assert.Equal(afterRoundDeadline, supplement.AnsweredAt);
        Assert.Equal(frozen, rulebook.FrozenAt);
    }

    [Fact]
    public void A_late_supplement_is_refused()
    {
        var dossier = new Dossier { Code = "SPCNCL-2026-0007", Revision = 1 };
        dossier.ForceStateForSeed(DossierState.NeedsSupplement);
        var supplement = new SupplementRequest { Deadline = new DateOnly(2026, 9, 15) };
        var ex = Assert.Throws<DomainException>(() =>
            DossierSubmission.Submit(
                dossier,
                OpenRound(),
                new CriteriaSet(),
                supplement,
                null,
                0,
                "dn",
                new DateTimeOffset(2026, 9, 15, 17, 0, 1, TimeSpan.Zero)
            )
        );
        Assert.Equal("Late", ex.Code);
        Assert.Null(supplement.AnsweredAt);
    }

    [Theory]
    [InlineData(0, 10, "NoItems")]
    [InlineData(2, -1, "Deadline")]
    [InlineData(1, 0, null)]
    [InlineData(3, 14, null)]
    public void A_supplement_request_needs_an_item_and_a_deadline_from_today(
        int items,
        int daysFromToday,
        string? refusal
    )
    {
        var today = new DateOnly(2026, 9, 2);
        var ex = Record.Exception(() =>
            DossierSubmission.CheckSupplementRequest(items, today.AddDays(daysFromToday), today)
        );
        Assert.Equal(refusal, (ex as DomainException)?.Code);
    }
}
