using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Dossiers;

public sealed class SubmissionBlockersTests
{
    private static readonly EligibilityCondition[] Conditions =
    [
        new() { Code = "DK1", Text = "Có trụ sở tại Hà Nội" },
        new() { Code = "DK2", Text = "Không vi phạm pháp luật" },
    ];

    private static readonly ChecklistItem[] Checklist =
    [
        new()
        {
            Id = 1,
            Name = "Đơn đăng ký",
            Mandatory = true,
        },
        new()
        {
            Id = 2,
            Name = "Báo cáo tài chính",
            Mandatory = true,
        },
        new()
        {
            Id = 3,
            Name = "Ảnh sản phẩm",
            Mandatory = false,
        },
    ];

    private static readonly DossierFigure Complete = new()
    {
        Year = 2025,
        ProductRevenueVnd = 1,
        EnterpriseRevenueVnd = 2,
    };

    [Fact]
    public void A_complete_dossier_has_no_blocker()
    {
        var answers = new[]
        {
            new ConditionAnswer { ConditionCode = "DK1", Answer = true },
            new ConditionAnswer { ConditionCode = "DK2", Answer = false },
        };
        var docs = new[]
        {
            new DossierDocument { ChecklistItemId = 1 },
            new DossierDocument { ChecklistItemId = 2 },
        };
        Assert.Empty(SubmissionBlockers.Of(2025, Complete, Conditions, answers, Checklist, docs));
    }

    [Fact]
    public void Missing_revenue_unanswered_conditions_and_mandatory_documents_each_block_in_their_section()
    {
        var answers = new[]
        {
            new ConditionAnswer { ConditionCode = "DK1", Answer = null },
        };
        var docs = new[]
        {
            // replaced: no longer counts
            new DossierDocument { ChecklistItemId = 1, ReplacedAt = DateTimeOffset.UnixEpoch },
            new DossierDocument { ChecklistItemId = 3 },
        };
        var blockers = SubmissionBlockers.Of(
            2025,
            new DossierFigure { Year = 2025, ProductRevenueVnd = 5 },
            Conditions,
            answers,
            Checklist,
            docs
        );
        Assert.Equal(
            [
                "figures 2025",
                "conditions Có trụ sở tại Hà Nội",
                "conditions Không vi phạm pháp luật",
                "documents Đơn đăng ký",
                "documents Báo cáo tài chính",
            ],
            blockers.Select(b => $"{b.Section} {b.Argument}")
        );
    }

    [Fact]
    public void No_figures_at_all_blocks_once()
    {
        var blockers = SubmissionBlockers.Of(2025, null, [], [], [], []);
        Assert.Equal("figures", Assert.Single(blockers).Section);
    }
}
