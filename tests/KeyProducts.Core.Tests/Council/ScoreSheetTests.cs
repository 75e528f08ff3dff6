using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Council;

public sealed class ScoreSheetTests
{
    private static readonly Indicator Free = new()
    {
        Id = 1,
        Code = "G1.1",
        MaxPointsHundredths = 1000,
    };
    private static readonly Indicator Banded = new()
    {
        Id = 2,
        Code = "G1.2",
        MaxPointsHundredths = 500,
        Mode = ScoringMode.Bands,
        Bands = [new() { Label = "Thấp", PointsHundredths = 100 }, new() { Label = "Cao", PointsHundredths = 500 }],
    };

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_score_outside_the_indicator_bounds_is_refused(long points)
    {
        var sheet = new ScoreSheet();
        Assert.Equal("ScoreOutOfBounds", Assert.Throws<DomainException>(() => sheet.Record(Free, points, null)).Code);
    }

    [Fact]
    public void A_banded_indicator_accepts_only_its_band_values()
    {
        var sheet = new ScoreSheet();
        sheet.Record(Banded, 500, "Cao");
        Assert.Throws<DomainException>(() => sheet.Record(Banded, 300, null));
        Assert.Equal(500, sheet.Scores.Single().PointsHundredths);
    }

    [Fact]
    public void Submitting_needs_every_assigned_indicator_and_then_locks_the_sheet()
    {
        var sheet = new ScoreSheet();
        sheet.Record(Free, 800, "Tốt");
        Assert.Equal(
            "SheetIncomplete",
            Assert.Throws<DomainException>(() => sheet.Submit(DateTimeOffset.UnixEpoch, [1, 2])).Code
        );
        sheet.Record(Banded, 100, null);
        sheet.Submit(DateTimeOffset.UnixEpoch, [1, 2]);
        Assert.True(sheet.IsLocked);
        Assert.Equal("SheetLocked", Assert.Throws<DomainException>(() => sheet.Record(Free, 900, null)).Code);
    }

    [Fact]
    public void Reopening_needs_a_reason_and_unlocks_the_sheet()
    {
        var sheet = new ScoreSheet();
        sheet.Record(Free, 800, null);
        sheet.Submit(DateTimeOffset.UnixEpoch, [1]);
        Assert.Throws<DomainException>(() => sheet.Reopen(" "));
        sheet.Reopen("Nhập nhầm điểm chỉ tiêu G1.1");
        Assert.False(sheet.IsLocked);
        sheet.Record(Free, 700, null);
        Assert.Equal(700, sheet.Scores.Single().PointsHundredths);
    }
}

/// <summary>Independence of the members (section 3.4): the others' scores only after one's own sheet is
/// submitted.</summary>
public sealed class ScoreSheetIndependenceTests
{
    private static ScoreSheet Sheet(int member, SheetStatus status, int pass = 1, int dossier = 7) =>
        new()
        {
            MemberId = member,
            DossierId = dossier,
            Pass = pass,
            Status = status,
        };

    [Fact]
    public void A_member_sees_nothing_of_the_others_while_their_own_sheet_is_a_draft() =>
        Assert.False(Sheet(1, SheetStatus.Draft).MaySee(Sheet(2, SheetStatus.Submitted)));

    [Fact]
    public void After_submitting_a_member_sees_the_others_submitted_sheets_of_the_same_dossier_and_pass()
    {
        var own = Sheet(1, SheetStatus.Submitted);
        Assert.True(own.MaySee(Sheet(2, SheetStatus.Submitted)));
        Assert.False(own.MaySee(Sheet(2, SheetStatus.Draft)));
        Assert.False(own.MaySee(Sheet(2, SheetStatus.Submitted, pass: 2)));
        Assert.False(own.MaySee(Sheet(2, SheetStatus.Submitted, dossier: 8)));
        Assert.False(own.MaySee(Sheet(1, SheetStatus.Submitted)));
    }
}
