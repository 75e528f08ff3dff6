using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;

namespace KeyProducts.Core.Tests.Support;

public sealed class SupportRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    // SME support 2026–2030: 100% of consulting contracts, max 300 million per enterprise per year.
    private static readonly SupportRules Consulting = new(10000, 300_000_000, null, "hợp đồng tư vấn");

    // Overseas training: 70%, max 100 million per learner per year.
    private static readonly SupportRules Training = new(7000, null, 100_000_000, "học viên");

    [Fact]
    public void Full_rate_pays_the_cost_until_the_enterprise_year_cap_cuts_it_across_items()
    {
        var c = Consulting.Compute([("Tư vấn chuyển đổi số", 200_000_000), ("Tư vấn quản trị", 150_000_000)], 0);
        Assert.Equal(350_000_000, c.ItemsTotalVnd);
        Assert.Equal(300_000_000, c.MaximumVnd);
        var reason = Assert.Single(c.Reasons);
        Assert.Contains("doanh nghiệp/năm", reason.Template, StringComparison.Ordinal);
        Assert.Equal("300.000.000", reason.Args[0]);
    }

    [Fact]
    public void The_year_cap_counts_what_the_enterprise_already_has_in_the_same_program_and_year()
    {
        var c = Consulting.Compute([("Tư vấn", 100_000_000)], 250_000_000);
        Assert.Equal(50_000_000, c.MaximumVnd);
        Assert.Equal(0, Consulting.Compute([("Tư vấn", 100_000_000)], 300_000_000).MaximumVnd);
        Assert.Equal(0, Consulting.Compute([("Tư vấn", 100_000_000)], 400_000_000).MaximumVnd);
    }

    [Fact]
    public void Rate_is_applied_per_item_then_the_per_learner_cap_with_its_reason()
    {
        var c = Training.Compute([("Học viên A", 120_000_000), ("Học viên B", 200_000_000)], 0);
        Assert.Equal(84_000_000, c.Lines[0].GrantedVnd);
        Assert.Null(c.Lines[0].CapReason);
        Assert.Equal(140_000_000, c.Lines[1].ByRateVnd);
        Assert.Equal(100_000_000, c.Lines[1].GrantedVnd);
        Assert.Equal("học viên", c.Lines[1].CapArgs[1]);
        Assert.Equal(184_000_000, c.MaximumVnd);
        Assert.Null(c.EnterpriseCapReason);
    }

    [Theory]
    [InlineData(7000, 1, 0)] // 0,7 đ → 0 đ
    [InlineData(7000, 3, 2)] // 2,1 đ → 2 đ
    [InlineData(7000, 99_999_999, 69_999_999)] // 69.999.999,3 → 69.999.999
    [InlineData(3333, 100, 33)] // 33,33 → 33
    [InlineData(10000, 123_456_789, 123_456_789)]
    public void Rounding_is_down_to_the_dong(int rate, long cost, long expected) =>
        Assert.Equal(expected, new SupportRules(rate, null, null, "x").ByRate(cost));

    [Fact]
    public void Huge_amounts_do_not_overflow() =>
        Assert.Equal(
            long.MaxValue / 10000 * 7000 + (long.MaxValue % 10000) * 7000 / 10000,
            new SupportRules(7000, null, null, "x").ByRate(long.MaxValue)
        );

    [Fact]
    public void Negative_amounts_are_refused()
    {
        Assert.Throws<DomainException>(() => Training.ByRate(-1));
        Assert.Throws<DomainException>(() => Training.Compute([("x", 10)], -5));
    }

    [Fact]
    public void Quantity_splits_an_item_so_the_per_learner_cap_applies_to_each_learner()
    {
        var a = new SupportApplication();
        a.SetItems([("Đào tạo tại Nhật Bản", 300_000_000, 2)]);
        var c = Training.Compute(a.RuleItems(), 0);
        Assert.Equal(2, c.Lines.Count);
        Assert.Equal(200_000_000, c.MaximumVnd); // 70% of 150m = 105m each, capped to 100m each
    }

    [Fact]
    public void Ranking_puts_spcncl_priority_first_then_earliest_submission()
    {
        var list = new[]
        {
            (Id: 1, P: false, At: Now),
            (Id: 2, P: true, At: Now.AddDays(2)),
            (Id: 3, P: true, At: Now.AddDays(1)),
        };
        Assert.Equal([3, 2, 1], SupportRanking.Rank(list, x => x.P, x => x.At).Select(x => x.Id));
    }

    private static SupportApplication Submitted()
    {
        var a = new SupportApplication();
        a.SetItems([("Tư vấn", 200_000_000, 1)]);
        a.Apply(SupportState.Submitted, Actor.Enterprise, "e", Now);
        return a;
    }

    [Fact]
    public void State_machine_runs_changes_requested_and_back_then_approval_and_tranches_to_completion()
    {
        var a = Submitted();
        Assert.Throws<DomainException>(() => a.Apply(SupportState.ChangesRequested, Actor.Officer, "o", Now));
        a.Apply(SupportState.ChangesRequested, Actor.Officer, "o", Now, "Thiếu hợp đồng");
        Assert.True(a.IsEditableByEnterprise);
        a.Apply(SupportState.Resubmitted, Actor.Enterprise, "e", Now);
        var comp = Consulting.Compute(a.RuleItems(), 0);
        var ex = Assert.Throws<DomainException>(() => a.Approve(250_000_000, comp, "o", Now));
        Assert.Equal("Amount", ex.Code);
        Assert.Equal(SupportState.Resubmitted, a.State);
        a.Approve(200_000_000, comp, "o", Now);
        Assert.Equal(SupportState.Approved, a.State);

        a.Disburse(120_000_000, new DateOnly(2026, 7, 1), "UNC-1", "o", Now);
        Assert.Equal(SupportState.Disbursing, a.State);
        var over = Assert.Throws<DomainException>(() =>
            a.Disburse(80_000_001, new DateOnly(2026, 8, 1), "UNC-2", "o", Now)
        );
        Assert.Contains("80.000.000", over.Message, StringComparison.Ordinal);
        Assert.Equal(120_000_000, a.DisbursedVnd);
        Assert.Single(a.Tranches);
        a.Disburse(80_000_000, new DateOnly(2026, 8, 1), "UNC-2", "o", Now);
        Assert.Equal(SupportState.Completed, a.State);
        Assert.Throws<DomainException>(() => a.Disburse(1, new DateOnly(2026, 8, 2), "UNC-3", "o", Now));
        Assert.Equal(
            [
                SupportState.Submitted,
                SupportState.ChangesRequested,
                SupportState.Resubmitted,
                SupportState.Approved,
                SupportState.Disbursing,
                SupportState.Completed,
            ],
            a.History.Select(h => h.To)
        );
    }

    [Fact]
    public void Illegal_moves_are_refused_by_the_table()
    {
        var a = new SupportApplication();
        Assert.Throws<DomainException>(() => a.Apply(SupportState.Submitted, Actor.Enterprise, "e", Now)); // no items
        a = Submitted();
        Assert.Throws<IllegalSupportTransitionException>(() =>
            a.Apply(SupportState.Approved, Actor.Enterprise, "e", Now)
        );
        Assert.Throws<IllegalSupportTransitionException>(() =>
            a.Apply(SupportState.Completed, Actor.Officer, "o", Now)
        );
        a.Apply(SupportState.Rejected, Actor.Officer, "o", Now, "Không thuộc đối tượng");
        Assert.Empty(SupportTransitions.AllowedFrom(SupportState.Rejected, Actor.Officer));
        Assert.Throws<DomainException>(() => a.SetItems([("x", 1, 1)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void Items_with_non_positive_cost_are_refused(long cost) =>
        Assert.Throws<DomainException>(() => new SupportApplication().SetItems([("x", cost, 1)]));

    [Fact]
    public void Call_is_open_only_when_published_and_within_dates()
    {
        var call = new SupportCall
        {
            OpensOn = new(2026, 6, 1),
            ClosesOn = new(2026, 6, 30),
            Published = true,
        };
        call.EnsureOpen(new(2026, 6, 15));
        Assert.Equal("CallClosed", Assert.Throws<DomainException>(() => call.EnsureOpen(new(2026, 7, 1))).Code);
        call.Published = false;
        Assert.Throws<DomainException>(() => call.EnsureOpen(new(2026, 6, 15)));
    }

    [Fact]
    public void Program_validation_refuses_bad_rates_and_periods()
    {
        var p = new SupportProgram
        {
            Code = "X",
            Name = "X",
            StartYear = 2026,
            EndYear = 2030,
            CoFundingRateBasisPoints = 12000,
        };
        Assert.Equal(nameof(SupportProgram.CoFundingRateBasisPoints), Assert.Throws<DomainException>(p.Validate).Code);
        p.CoFundingRateBasisPoints = 7000;
        p.EndYear = 2025;
        Assert.Equal(nameof(SupportProgram.EndYear), Assert.Throws<DomainException>(p.Validate).Code);
    }
}
