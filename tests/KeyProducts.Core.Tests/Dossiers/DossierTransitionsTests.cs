using KeyProducts.Core.Dossiers;

namespace KeyProducts.Core.Tests.Dossiers;

public sealed class DossierTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    private const DossierState Draft = DossierState.Draft,
        Submitted = DossierState.Submitted,
        Screening = DossierState.Screening,
        Supplement = DossierState.NeedsSupplement,
        Resubmitted = DossierState.Resubmitted,
        Eligible = DossierState.Eligible,
        Ineligible = DossierState.Ineligible,
        Scoring = DossierState.Scoring,
        Scored = DossierState.Scored,
        Published = DossierState.PublishedForComment,
        Proposed = DossierState.Proposed,
        Recognized = DossierState.Recognized,
        NotRecognized = DossierState.NotRecognized,
        Withdrawn = DossierState.Withdrawn;
    private const Actor E = Actor.Enterprise,
        O = Actor.Officer;

    /// <summary>The procedure written out by hand (program.md 3.2, 11.2), independently of <see
    /// cref="DossierTransitions"/>:
    /// a wrong or missing rule in the table makes these tests fail.</summary>
    private static readonly (DossierState From, DossierState To, Actor Actor)[] Procedure =
    [
        (Draft, Submitted, E),
        (Draft, Withdrawn, E), // the enterprise submits or withdraws
        (Submitted, Screening, O),
        (Resubmitted, Screening, O), // the secretariat receives
        (Submitted, Supplement, O),
        (Screening, Supplement, O),
        (Resubmitted, Supplement, O), // asks for more
        (Supplement, Resubmitted, E), // the enterprise answers
        (Submitted, Eligible, O),
        (Screening, Eligible, O),
        (Resubmitted, Eligible, O), // screening decides
        (Submitted, Ineligible, O),
        (Screening, Ineligible, O),
        (Resubmitted, Ineligible, O),
        (Eligible, Scoring, O),
        (Scoring, Scored, O),
        (Scored, Scoring, O), // the council scores (and re-scores)
        (Scored, Published, O),
        (Published, Proposed, O), // public comment, then proposal
        (Scored, NotRecognized, O),
        (Published, NotRecognized, O),
        (Proposed, Recognized, O),
        (Proposed, NotRecognized, O), // the city decides
    ];

    public static TheoryData<DossierState, DossierState, Actor> Legal()
    {
        var data = new TheoryData<DossierState, DossierState, Actor>();
        foreach (var (from, to, actor) in Procedure)
            data.Add(from, to, actor);
        return data;
    }

    public static TheoryData<DossierState, DossierState, Actor> Illegal()
    {
        var data = new TheoryData<DossierState, DossierState, Actor>();
        foreach (var from in Enum.GetValues<DossierState>())
        foreach (var to in Enum.GetValues<DossierState>())
        foreach (var actor in Enum.GetValues<Actor>())
            if (!Procedure.Contains((from, to, actor)))
                data.Add(from, to, actor);
        return data;
    }

    [Fact]
    public void The_rule_table_is_exactly_the_procedure() =>
        Assert.Equal(
            Procedure.OrderBy(p => p.ToString()),
            DossierTransitions.Rules.Select(r => (r.From, r.To, r.Actor)).OrderBy(p => p.ToString())
        );

    [Theory]
    [MemberData(nameof(Legal))]
    public void Every_legal_transition_changes_state_and_records_history(
        DossierState from,
        DossierState to,
        Actor actor
    )
    {
        var d = new Dossier();
        d.ForceStateForSeed(from);
        var entry = d.Apply(to, actor, "u1", Now, "Lý do");
        Assert.Equal(to, d.State);
        Assert.Equal(from, entry.From);
        Assert.Single(d.History);
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Every_illegal_transition_throws_and_changes_nothing(DossierState from, DossierState to, Actor actor)
    {
        var d = new Dossier();
        d.ForceStateForSeed(from);
        Assert.Throws<IllegalTransitionException>(() => d.Apply(to, actor, "u1", Now, "Lý do"));
        Assert.Equal(from, d.State);
        Assert.Empty(d.History);
    }

    [Fact]
    public void Ineligible_without_a_reason_is_refused()
    {
        var d = new Dossier();
        d.ForceStateForSeed(DossierState.Submitted);
        Assert.Throws<KeyProducts.Core.Common.DomainException>(() =>
            d.Apply(DossierState.Ineligible, Actor.Officer, "u1", Now)
        );
        Assert.Equal(DossierState.Submitted, d.State);
    }

    [Fact]
    public void Submission_and_resubmission_increment_the_revision()
    {
        var d = new Dossier();
        d.Apply(DossierState.Submitted, Actor.Enterprise, "e", Now);
        d.Apply(DossierState.NeedsSupplement, Actor.Officer, "o", Now, "Thiếu báo cáo tài chính");
        d.Apply(DossierState.Resubmitted, Actor.Enterprise, "e", Now);
        Assert.Equal(2, d.Revision);
        Assert.Equal("Thiếu báo cáo tài chính", d.DecisionReason);
    }

    [Fact]
    public void A_supplement_request_unlocks_only_the_named_parts()
    {
        var request = new SupplementRequest
        {
            Items = [new SupplementItem { Target = SupplementTarget.ChecklistItem, ChecklistItemId = 7 }],
        };
        var scope = DossierEditScope.For(DossierState.NeedsSupplement, request);
        Assert.True(scope.CanEditDocument(7));
        Assert.False(scope.CanEditDocument(8));
        Assert.False(scope.CanEdit(SupplementTarget.Figures));
        Assert.False(DossierEditScope.For(DossierState.Submitted, null).Any);
        Assert.True(DossierEditScope.For(DossierState.Draft, null).CanEdit(SupplementTarget.Figures));
    }

    [Fact]
    public void Snapshot_diff_lists_changed_fields_only()
    {
        var changes = DossierSnapshotDiff.Compare("""{"a":"1","b":"2"}""", """{"a":"1","b":"3","c":"4"}""");
        Assert.Equal(["b", "c"], changes.Select(c => c.Field));
    }
}
