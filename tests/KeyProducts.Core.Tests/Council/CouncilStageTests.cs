using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;

namespace KeyProducts.Core.Tests.Council;

public sealed class CouncilStageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static SelectionCouncil At(CouncilStage stage)
    {
        var c = new SelectionCouncil();
        var order = new[] { CouncilStage.Confirmed, CouncilStage.PublishedForComment, CouncilStage.Proposed };
        foreach (var s in order.TakeWhile(s => s <= stage))
            c.Apply(s, Actor.Officer, Now);
        return c;
    }

    // Written by hand from the procedure: score → confirm at the meeting → publish for comment → propose to the city.
    public static TheoryData<CouncilStage, CouncilStage, Actor, bool> Table =>
        new()
        {
            { CouncilStage.Scoring, CouncilStage.Confirmed, Actor.Officer, true },
            { CouncilStage.Confirmed, CouncilStage.PublishedForComment, Actor.Officer, true },
            { CouncilStage.PublishedForComment, CouncilStage.Proposed, Actor.Officer, true },
            { CouncilStage.Scoring, CouncilStage.PublishedForComment, Actor.Officer, false },
            { CouncilStage.Scoring, CouncilStage.Proposed, Actor.Officer, false },
            { CouncilStage.Confirmed, CouncilStage.Proposed, Actor.Officer, false },
            { CouncilStage.Confirmed, CouncilStage.Confirmed, Actor.Officer, false },
            { CouncilStage.Confirmed, CouncilStage.Scoring, Actor.Officer, false },
            { CouncilStage.Proposed, CouncilStage.PublishedForComment, Actor.Officer, false },
            { CouncilStage.Scoring, CouncilStage.Confirmed, Actor.Council, false },
            { CouncilStage.Scoring, CouncilStage.Confirmed, Actor.Enterprise, false },
            { CouncilStage.Confirmed, CouncilStage.PublishedForComment, Actor.Leader, false },
        };

    [Theory]
    [MemberData(nameof(Table))]
    public void Stages_follow_the_procedure(CouncilStage from, CouncilStage to, Actor actor, bool allowed)
    {
        var council = At(from);
        Assert.Equal(from, council.Stage);
        if (allowed)
        {
            council.Apply(to, actor, Now.AddDays(1));
            Assert.Equal(to, council.Stage);
        }
        else
        {
            Assert.Throws<DomainException>(() => council.Apply(to, actor, Now.AddDays(1)));
            Assert.Equal(from, council.Stage);
        }
    }

    [Fact]
    public void Confirmation_freezes_the_meeting()
    {
        At(CouncilStage.Scoring).EnsureScoringOpen();
        foreach (var stage in new[] { CouncilStage.Confirmed, CouncilStage.PublishedForComment, CouncilStage.Proposed })
            Assert.Equal("ResultsConfirmed", Assert.Throws<DomainException>(() => At(stage).EnsureScoringOpen()).Code);
    }

    [Theory]
    // expected scorers, submitted, quorum %, unscored indicators → complete?
    [InlineData(7, 1, 75, 0, false)] // one member's sheet is not a council's result
    [InlineData(7, 5, 75, 0, false)] // needs ⌈5,25⌉ = 6
    [InlineData(7, 6, 75, 0, true)]
    [InlineData(7, 7, 75, 1, false)] // an indicator nobody scored
    [InlineData(6, 6, 75, 0, true)] // a conflicted member is not expected
    [InlineData(0, 0, 75, 0, false)] // nobody may score it: at least one scorer is always needed
    [InlineData(3, 1, 0, 0, true)]
    public void A_product_is_scored_when_the_quorum_of_its_scorers_submitted(
        int expected,
        int submitted,
        int quorum,
        int unscored,
        bool complete
    ) => Assert.Equal(complete, ScoringCompleteness.Evaluate(1, quorum, expected, submitted, unscored).Complete);

    [Theory]
    [InlineData(CouncilStage.Scoring, false)]
    [InlineData(CouncilStage.Confirmed, true)]
    [InlineData(CouncilStage.PublishedForComment, true)]
    [InlineData(CouncilStage.Proposed, true)]
    public void Minutes_and_draft_decision_exist_only_once_the_results_are_confirmed(CouncilStage stage, bool ready) =>
        Assert.Equal(ready, At(stage).DocumentsReady);
}
