namespace KeyProducts.Web.Pages.Shared;

/// <summary>A list paged as the officers' enterprise list (decision 0015): numbered pages within the counted matches,
/// keyset cursors past them. The partial _KeysetPager draws its page bar.</summary>
public interface IKeysetPages
{
    /// <summary>The number of the page shown.</summary>
    int P { get; }
    bool IsFirstPage { get; }
    bool HasNext { get; }

    /// <summary>Null when the count is capped (the bar then ends with "next").</summary>
    int? LastPage { get; }

    /// <summary>Page <paramref name="p"/> by number.</summary>
    string PageUrl(int p, string? cursor = null, int id = 0);

    /// <summary>The link to page <paramref name="i"/> from this one, or null when there is none.</summary>
    string? PageHref(int i);
}

/// <summary>The page bar's model: the list and the prefix of its test ids ("<c>{prefix}-pages</c>",
/// "<c>{prefix}-next</c>", "<c>{prefix}-prev</c>").</summary>
public sealed record KeysetPager(IKeysetPages Pages, string TestId);
