using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Council;

/// <summary>Whether the meeting may confirm results: enough members present, and the chair if the rulebook says
/// so.</summary>
public sealed record QuorumCheck(int Members, int Present, int Required, bool ChairRequired, bool ChairPresent)
{
    public bool Met => Members > 0 && Present >= Required && (!ChairRequired || ChairPresent);

    public static QuorumCheck Evaluate(DecisionRules rules, int members, int present, bool chairPresent) =>
        new(
            members,
            present,
            (int)Math.Ceiling(members * rules.QuorumPercent / 100m),
            rules.ChairMustAttend,
            chairPresent
        );
}
