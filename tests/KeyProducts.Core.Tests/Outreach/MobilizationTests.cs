using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;

namespace KeyProducts.Core.Tests.Outreach;

public class MobilizationTests
{
    private static EnterpriseProgress With(bool account, params DossierState[] states) => new(account, states);

    [Fact]
    public void Nothing_on_record_keeps_the_recorded_stage()
    {
        Assert.Equal(
            MobilizationStage.Guided,
            MobilizationStages.Effective(MobilizationStage.Guided, EnterpriseProgress.None)
        );
        Assert.Equal(
            MobilizationStage.Identified,
            MobilizationStages.Effective(MobilizationStage.Identified, EnterpriseProgress.None)
        );
    }

    [Theory]
    [InlineData(new DossierState[0], MobilizationStage.AccountRegistered)]
    [InlineData(new[] { DossierState.Draft }, MobilizationStage.DossierStarted)]
    [InlineData(new[] { DossierState.Draft, DossierState.Submitted }, MobilizationStage.Submitted)]
    [InlineData(new[] { DossierState.NeedsSupplement }, MobilizationStage.Submitted)]
    [InlineData(new[] { DossierState.Ineligible }, MobilizationStage.Submitted)]
    [InlineData(new[] { DossierState.Scoring }, MobilizationStage.Eligible)]
    [InlineData(new[] { DossierState.NotRecognized, DossierState.Recognized }, MobilizationStage.Recognized)]
    public void The_stage_follows_the_registration_and_dossiers(DossierState[] states, MobilizationStage expected) =>
        Assert.Equal(expected, MobilizationStages.Effective(MobilizationStage.Guided, With(true, states)));

    [Fact]
    public void The_stage_never_moves_back_by_itself()
    {
        // A withdrawn dossier proves only that one was started; the recorded stage stays higher.
        Assert.Equal(
            MobilizationStage.Guided,
            MobilizationStages.Effective(MobilizationStage.Guided, EnterpriseProgress.None)
        );
        Assert.Equal(MobilizationStage.Guided, MobilizationStages.Effective(MobilizationStage.Guided, With(false)));
        Assert.Equal(
            MobilizationStage.Contacted,
            MobilizationStages.Effective(MobilizationStage.Contacted, With(false))
        );
    }

    [Fact]
    public void Records_advance_a_target_even_before_it_was_guided()
    {
        Assert.Equal(
            MobilizationStage.Submitted,
            MobilizationStages.Effective(MobilizationStage.Identified, With(true, DossierState.Submitted))
        );
    }

    [Fact]
    public void Officers_move_only_forward_and_only_up_to_guided()
    {
        var t = new MobilizationTarget();
        t.MoveTo(MobilizationStage.Guided);
        Assert.Equal(
            "mobilization.back",
            Assert.Throws<DomainException>(() => t.MoveTo(MobilizationStage.Contacted)).Code
        );
        Assert.Equal(
            "mobilization.auto",
            Assert.Throws<DomainException>(() => t.MoveTo(MobilizationStage.Submitted)).Code
        );
        Assert.Equal(MobilizationStage.Guided, t.Stage);
    }

    [Fact]
    public void The_first_contact_moves_an_identified_target_to_contacted_only()
    {
        var t = new MobilizationTarget();
        t.LogContact(ContactKind.Call, new DateOnly(2026, 5, 1), "Gọi điện", "u1", DateTimeOffset.UnixEpoch);
        Assert.Equal(MobilizationStage.Contacted, t.Stage);
        t.MoveTo(MobilizationStage.Guided);
        t.LogContact(ContactKind.Visit, new DateOnly(2026, 5, 2), "Thăm", "u1", DateTimeOffset.UnixEpoch);
        Assert.Equal(MobilizationStage.Guided, t.Stage);
        Assert.Equal(2, t.Contacts.Count);
    }

    [Theory]
    [InlineData(100_000_000_000L, null, false, TargetFlags.LargeRevenue)]
    [InlineData(99_999_999_999L, null, false, TargetFlags.None)]
    [InlineData(null, 100_000_000L, false, TargetFlags.LargeExport)]
    [InlineData(null, 99_999_999L, true, TargetFlags.HighTech)]
    [InlineData(
        200_000_000_000L,
        500_000_000L,
        true,
        TargetFlags.LargeRevenue | TargetFlags.LargeExport | TargetFlags.HighTech
    )]
    public void Targets_are_flagged_against_the_thresholds(
        long? revenue,
        long? exportCents,
        bool highTech,
        TargetFlags expected
    ) => Assert.Equal(expected, MobilizationThresholds.Plan2020.Flag(revenue, exportCents, highTech));

    [Fact]
    public void Thresholds_are_data()
    {
        var lower = new MobilizationThresholds(10_000_000_000L, 100_000L * 100);
        Assert.Equal(
            TargetFlags.LargeRevenue | TargetFlags.LargeExport,
            lower.Flag(10_000_000_000L, 100_000L * 100, false)
        );
    }
}
