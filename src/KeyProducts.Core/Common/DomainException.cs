using System.Globalization;

namespace KeyProducts.Core.Common;

/// <summary>A rule of the program was broken. <see cref="Code"/> is stable; the message is Vietnamese and shown to
/// users.
/// <see cref="Template"/> and <see cref="Args"/> let the web layer translate it ("Còn {0} phiếu chấm chưa
/// nộp.").</summary>
public class DomainException : Exception
{
    public string Code { get; } = "";

    /// <summary>The Vietnamese message with {0}-style placeholders: the key of its translation.</summary>
    public string Template { get; } = "";

    public IReadOnlyList<object> Args { get; } = [];

    public DomainException() { }

    public DomainException(string message)
        : base(message) => Template = message;

    public DomainException(string message, Exception inner)
        : base(message, inner) => Template = message;

    public DomainException(string code, string message)
        : base(message) => (Code, Template) = (code, message);

    public DomainException(string code, string template, params object[] args)
        : base(string.Format(CultureInfo.GetCultureInfo("vi-VN"), template, args)) =>
        (Code, Template, Args) = (code, template, args);
}

/// <summary>A word of the program's vocabulary (a state or stage name) inserted into a <see cref="DomainException"/>:
/// the web layer translates it with the message; other arguments (names, numbers) are shown as they are.</summary>
public sealed record Term(string Vi)
{
    public override string ToString() => Vi;
}
