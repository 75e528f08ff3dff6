using System.Globalization;

namespace KeyProducts.Core.Common;

/// <summary>A Vietnamese message with {0}-style placeholders and its arguments: the template is the translation key,
/// the arguments (names, numbers, cell values) are shown as they are, a <see cref="Term"/> is translated.</summary>
public sealed record Phrase(string Template, params object[] Args)
{
    public override string ToString() => string.Format(CultureInfo.GetCultureInfo("vi-VN"), Template, Args);
}
