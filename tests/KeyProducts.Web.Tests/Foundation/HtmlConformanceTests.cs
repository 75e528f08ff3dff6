using KeyProducts.Web.Tests.Infrastructure;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The offline HTML check finds each kind of error it is meant to find (the link crawl runs it on every
/// page).</summary>
public sealed class HtmlConformanceTests
{
    private const string Page = "<!DOCTYPE html><html lang=\"vi\"><head><title>t</title></head><body>{0}</body></html>";

    [Theory]
    [InlineData("<p id=\"a\"></p><p id=\"a\"></p>", "duplicate id")]
    [InlineData("<fieldset><div><legend>Nhóm</legend></div></fieldset>", "legend not the first child")]
    [InlineData("<fieldset><p>x</p><legend>Nhóm</legend></fieldset>", "legend not the first child")]
    [InlineData("<form><form></form></form>", "parse error")]
    [InlineData("<img src=\"/x.png\">", "img without alt")]
    [InlineData("<label for=\"khong-co\">Tên</label>", "label for a missing id")]
    [InlineData("<input id=\"x\" aria-describedby=\"x-error\">", "aria-describedby names a missing id")]
    [InlineData("<a href=\"#khong-co\">Lỗi</a>", "in-page link to a missing id")]
    [InlineData("<span><div>x</div></span>", "<div> inside <span>")]
    [InlineData("<ul><div>x</div></ul>", "as a child of <ul>")]
    [InlineData("<a href=\"/\"><button>x</button></a>", "<button> inside <a>")]
    [InlineData("<p><b>x</p></b>", "parse error")]
    public void Each_kind_of_error_is_found(string body, string expected)
    {
        var problems = HtmlConformance.Problems(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, body)
        );
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_correct_page_has_no_problem()
    {
        var body =
            "<main><fieldset><legend><h2>Nhóm</h2></legend><label for=\"a\">A</label><input id=\"a\" "
            + "aria-describedby=\"a-hint\">"
            + "<div id=\"a-hint\">x</div></fieldset><table><tr><th scope=\"row\"><div>x</div></th></tr></table><a "
            + "href=\"#a\">a</a>"
            + "<img src=\"/x.png\" alt=\"\"></main>";
        Assert.Empty(
            HtmlConformance.Problems(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, body))
        );
    }
}
