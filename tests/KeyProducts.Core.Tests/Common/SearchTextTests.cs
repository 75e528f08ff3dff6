using System.Text;
using KeyProducts.Core.Common;

namespace KeyProducts.Core.Tests.Common;

public class SearchTextTests
{
    [Theory]
    [InlineData("Cáp điện", "cap dien")]
    [InlineData("CÁP ĐIỆN", "cap dien")]
    [InlineData("cap dien", "cap dien")]
    [InlineData("  Sơn   Hà  ", "son ha")]
    [InlineData("Đồng Tháp", "dong thap")]
    [InlineData("Ứng dụng ỨNG DỤNG", "ung dung ung dung")]
    public void Folding_removes_marks_case_and_extra_spaces(string input, string expected) =>
        Assert.Equal(expected, SearchText.Fold(input));

    [Fact]
    public void Composed_and_decomposed_forms_fold_to_the_same_text()
    {
        const string word = "Nghiệp";
        Assert.Equal(
            SearchText.Fold(word.Normalize(NormalizationForm.FormC)),
            SearchText.Fold(word.Normalize(NormalizationForm.FormD))
        );
    }

    [Fact]
    public void Queries_are_bounded_and_wildcards_escaped()
    {
        Assert.Equal(SearchText.MaxQueryLength, SearchText.Query(new string('a', 5000)).Length);
        Assert.Equal("%100\\% \\_x\\\\%", SearchText.LikePattern("100% _x\\"));
        Assert.Equal("", SearchText.Query(null));
        Assert.Equal("'; drop table x; --", SearchText.Query("'; DROP TABLE x; --"));
    }
}
