using System.Globalization;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Infrastructure.Localization;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>A refusal names the states it refuses to move between in the user's language, not only its
/// sentence.</summary>
public sealed class RefusalTextTests
{
    private static readonly JsonStringLocalizer L = new(new TranslationTable());

    private static Core.Common.DomainException RefusalOfPublishingTwice()
    {
        var round = new Round();
        round.ForceStatusForSeed(RoundStatus.Completed);
        return Assert.Throws<Core.Common.DomainException>(() =>
            round.Apply(RoundStatus.Published, Actor.Officer, DateTimeOffset.UnixEpoch)
        );
    }

    [Fact]
    public void State_names_in_a_refusal_are_translated_with_the_sentence()
    {
        var e = RefusalOfPublishingTwice();
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("The round cannot move from completed to published.", e.Localized(L));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            Assert.Equal("Không thể chuyển đợt xét chọn từ trạng thái đã hoàn thành sang đã công bố.", e.Localized(L));
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
        Assert.Equal("Không thể chuyển đợt xét chọn từ trạng thái đã hoàn thành sang đã công bố.", e.Message);
    }
}
