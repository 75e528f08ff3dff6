using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Rulebook;

public sealed class CriteriaSetStatusTests
{
    private static CriteriaSet Complete(CriteriaSetStatus status = CriteriaSetStatus.Draft)
    {
        var set = new CriteriaSet
        {
            Rules = new DecisionRules { PassMarkHundredths = 7000 },
            Groups = [new CriteriaGroup { Indicators = [new Indicator { Code = "1.1", MaxPointsHundredths = 10000 }] }],
            Tracks = [new EligibilityTrack { Code = "A" }],
        };
        set.ForceStatusForSeed(status);
        return set;
    }

    // Written by hand: write → apply → retire; a draft may be discarded; a retired set is copied, never revived.
    public static TheoryData<CriteriaSetStatus, CriteriaSetStatus, Actor, bool> Table =>
        new()
        {
            { CriteriaSetStatus.Draft, CriteriaSetStatus.Active, Actor.Officer, true },
            { CriteriaSetStatus.Active, CriteriaSetStatus.Retired, Actor.Officer, true },
            { CriteriaSetStatus.Draft, CriteriaSetStatus.Retired, Actor.Officer, true },
            { CriteriaSetStatus.Retired, CriteriaSetStatus.Active, Actor.Officer, false },
            { CriteriaSetStatus.Retired, CriteriaSetStatus.Draft, Actor.Officer, false },
            { CriteriaSetStatus.Active, CriteriaSetStatus.Draft, Actor.Officer, false },
            { CriteriaSetStatus.Active, CriteriaSetStatus.Active, Actor.Officer, false },
            { CriteriaSetStatus.Draft, CriteriaSetStatus.Active, Actor.Council, false },
            { CriteriaSetStatus.Draft, CriteriaSetStatus.Active, Actor.Enterprise, false },
            { CriteriaSetStatus.Active, CriteriaSetStatus.Retired, Actor.Leader, false },
        };

    [Theory]
    [MemberData(nameof(Table))]
    public void Transitions_follow_the_table(CriteriaSetStatus from, CriteriaSetStatus to, Actor actor, bool allowed)
    {
        var set = Complete(from);
        if (allowed)
        {
            set.Apply(to, actor);
            Assert.Equal(to, set.Status);
        }
        else
        {
            Assert.Throws<DomainException>(() => set.Apply(to, actor));
            Assert.Equal(from, set.Status);
        }
    }

    [Fact]
    public void An_incomplete_set_cannot_be_activated()
    {
        var noIndicators = Complete();
        noIndicators.Groups.Clear();
        Assert.Equal(
            "NoIndicators",
            Assert.Throws<DomainException>(() => noIndicators.Apply(CriteriaSetStatus.Active, Actor.Officer)).Code
        );
        var passAboveMax = Complete();
        passAboveMax.Rules.PassMarkHundredths = 10001;
        Assert.Equal(
            "PassMarkAboveMax",
            Assert.Throws<DomainException>(() => passAboveMax.Apply(CriteriaSetStatus.Active, Actor.Officer)).Code
        );
        var noTracks = Complete();
        noTracks.Tracks.Clear();
        Assert.Equal(
            "NoTracks",
            Assert.Throws<DomainException>(() => noTracks.Apply(CriteriaSetStatus.Active, Actor.Officer)).Code
        );
        Assert.Equal(CriteriaSetStatus.Draft, noTracks.Status);
    }

    [Fact]
    public void A_copy_starts_as_a_draft() =>
        Assert.Equal(CriteriaSetStatus.Draft, Complete(CriteriaSetStatus.Retired).CopyAsDraft(2).Status);
}
