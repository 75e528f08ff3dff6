using KeyProducts.Core.Council;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Council;

public sealed class QuorumTests
{
    private static readonly DecisionRules Rules = new() { QuorumPercent = 75, ChairMustAttend = true };

    [Theory]
    [InlineData(8, 6, true, true)] // 6 of 8 = 75%
    [InlineData(8, 5, true, false)]
    [InlineData(9, 7, true, true)] // ⌈6.75⌉ = 7
    [InlineData(9, 6, true, false)]
    [InlineData(8, 8, false, false)] // the chair must attend
    [InlineData(0, 0, false, false)]
    public void Results_need_three_quarters_of_the_members_and_the_chair(
        int members,
        int present,
        bool chair,
        bool met
    ) => Assert.Equal(met, QuorumCheck.Evaluate(Rules, members, present, chair).Met);

    [Fact]
    public void Without_the_chair_rule_the_count_alone_decides()
    {
        var rules = new DecisionRules { QuorumPercent = 50, ChairMustAttend = false };
        Assert.True(QuorumCheck.Evaluate(rules, 4, 2, false).Met);
    }
}
