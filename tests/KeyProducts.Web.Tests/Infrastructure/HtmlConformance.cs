using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>The errors the W3C validator reported most on these pages, checked offline on the server's HTML: parse
/// errors
/// (stray or misnested tags, nested forms, duplicate attributes), duplicate ids, a legend that is not the fieldset's
/// first
/// child, images without alt, references (label for, aria-labelledby, aria-describedby, in-page links) to ids that do
/// not
/// exist, block content inside phrasing elements, list and definition-list children, and interactive content nested in
/// links or buttons. Not the whole HTML specification, but none of these may appear on any page.</summary>
public static class HtmlConformance
{
    private static readonly string[] Phrasing =
    [
        "span",
        "label",
        "button",
        "strong",
        "em",
        "small",
        "b",
        "i",
        "abbr",
        "code",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "legend",
        "summary",
    ];
    private static readonly HashSet<string> Blocks =
    [
        "div",
        "p",
        "ul",
        "ol",
        "dl",
        "table",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "form",
        "fieldset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "blockquote",
        "figure",
        "main",
    ];
    private static readonly HashSet<string> Interactive =
    [
        "a",
        "button",
        "input",
        "select",
        "textarea",
        "details",
        "label",
    ];

    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsNotConsumingCharacterReferences = false });
        parser.Error += (_, e) =>
        {
            if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent err)
                problems.Add(
                    $"parse error at {err.Position.Line}:{err.Position.Column}: {err.Message} near "
                        + $"«{Around(html, err.Position.Position)}»"
                );
        };
        using var doc = parser.ParseDocument(html);

        var ids = doc.QuerySelectorAll("[id]").GroupBy(e => e.Id!).Where(g => g.Count() > 1);
        foreach (var g in ids)
            problems.Add($"duplicate id \"{g.Key}\" ({g.Count()} times)");
        var known = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

        foreach (var legend in doc.QuerySelectorAll("legend"))
            if (legend.ParentElement is not { LocalName: "fieldset" } fs || fs.FirstElementChild != legend)
                problems.Add($"legend not the first child of a fieldset: {Short(legend.ParentElement ?? legend)}");
        foreach (var img in doc.QuerySelectorAll("img:not([alt])"))
            problems.Add($"img without alt: {Short(img)}");
        foreach (var label in doc.QuerySelectorAll("label[for]"))
            if (!known.Contains(label.GetAttribute("for")!))
                problems.Add($"label for a missing id: {Short(label)}");
        foreach (var attr in new[] { "aria-labelledby", "aria-describedby", "aria-controls" })
        foreach (var e in doc.QuerySelectorAll($"[{attr}]"))
        foreach (var id in e.GetAttribute(attr)!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!known.Contains(id))
                problems.Add($"{attr} names a missing id \"{id}\": {Short(e)}");
        foreach (var a in doc.QuerySelectorAll("a[href^='#']"))
        {
            var target = a.GetAttribute("href")![1..];
            if (target.Length > 0 && !known.Contains(target) && a.GetAttribute("data-bs-toggle") is null)
                problems.Add($"in-page link to a missing id \"{target}\": {Short(a)}");
        }
        foreach (var tag in Phrasing)
        foreach (var e in doc.QuerySelectorAll(tag))
            // A legend and a summary may hold a heading; everything else here holds phrasing content only.
            if (
                e.Children.FirstOrDefault(c =>
                    Blocks.Contains(c.LocalName)
                    && !(tag is "legend" or "summary" && c.LocalName is ['h', >= '1' and <= '6'])
                ) is
                { } block
            )
                problems.Add($"<{block.LocalName}> inside <{tag}>: {Short(e)}");
        foreach (var list in doc.QuerySelectorAll("ul, ol"))
            if (list.Children.FirstOrDefault(c => c.LocalName is not ("li" or "script" or "template")) is { } bad)
                problems.Add($"<{bad.LocalName}> as a child of <{list.LocalName}>: {Short(list)}");
        foreach (var dl in doc.QuerySelectorAll("dl"))
            if (
                dl.Children.FirstOrDefault(c => c.LocalName is not ("dt" or "dd" or "div" or "script" or "template")) is
                { } bad
            )
                problems.Add($"<{bad.LocalName}> as a child of <dl>: {Short(dl)}");
        foreach (var li in doc.QuerySelectorAll("li"))
            if (li.ParentElement?.LocalName is not ("ul" or "ol" or "menu"))
                problems.Add($"<li> outside a list: {Short(li)}");
        foreach (var outer in doc.QuerySelectorAll("a[href], button"))
            if (
                outer
                    .QuerySelectorAll("*")
                    .FirstOrDefault(d =>
                        Interactive.Contains(d.LocalName)
                        && !(d.LocalName == "input" && d.GetAttribute("type") == "hidden")
                    ) is
                { } inner
            )
                problems.Add($"<{inner.LocalName}> inside <{outer.LocalName}>: {Short(outer)}");
        return problems;
    }

    private static string Short(IElement e) => e.OuterHtml.Length > 160 ? e.OuterHtml[..160] + "…" : e.OuterHtml;

    private static string Around(string html, int position)
    {
        var from = Math.Max(0, position - 60);
        return html.Substring(from, Math.Min(120, html.Length - from)).ReplaceLineEndings(" ");
    }
}
