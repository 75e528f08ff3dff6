using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>A field bound with asp-for whose value was refused says so to assistive technology: aria-invalid="true" and
/// aria-describedby pointing at its message (the span of asp-validation-for, given the id "{sanitized name}-error").
/// Runs after the built-in tag helpers, so the id and name they generate are known.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
            return;
        if (output.Attributes["type"]?.Value?.ToString() == "hidden")
            return;
        // The message's id comes from the field's name, like the id asp-for gives the field.
        var id = TagBuilder.CreateSanitizedId(name, "_");
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute(
            "aria-describedby",
            string.IsNullOrEmpty(described) ? id + "-error" : described + " " + id + "-error"
        );
        var css = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (!css.Contains("is-invalid", StringComparison.Ordinal))
            output.Attributes.SetAttribute("class", (css + " is-invalid").Trim());
    }
}

/// <summary>Gives the message of asp-validation-for the id "{field id}-error" that <see cref="AriaInvalidTagHelper"/>
/// refers to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
[HtmlTargetElement("div", Attributes = "asp-validation-for")]
public sealed class ValidationMessageIdTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("id"))
            return;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + "-error");
    }
}

/// <summary>Required fields are marked: the label of a property with [Required] gets a visible "(bắt buộc)" (hidden
/// from
/// screen readers, which hear aria-required on the field instead, so the field's accessible name stays its
/// label).</summary>
[HtmlTargetElement("label", Attributes = "asp-for")]
public sealed class RequiredLabelTagHelper(
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> l
) : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!RequiredField.Is(For))
            return;
        output.PostContent.AppendHtml(" <span class=\"required-mark\" aria-hidden=\"true\">");
        output.PostContent.Append(l["(bắt buộc)"]);
        output.PostContent.AppendHtml("</span>");
    }
}

/// <summary>A field of a property with [Required] says so to assistive technology (aria-required), text fields and
/// lists only.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaRequiredTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!RequiredField.Is(For) || output.Attributes.ContainsName("aria-required"))
            return;
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type is "hidden" or "checkbox" or "radio" or "submit" or "button")
            return;
        output.Attributes.SetAttribute("aria-required", "true");
    }
}

internal static class RequiredField
{
    public static bool Is(ModelExpression e) =>
        e.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>().Any();
}
