namespace KeyProducts.Core.Common;

/// <summary>A rule of the program was broken. <see cref="Code"/> is stable; the message is Vietnamese and shown to users.</summary>
public class DomainException : Exception
{
    public string Code { get; } = "";

    public DomainException() { }
    public DomainException(string message) : base(message) { }
    public DomainException(string message, Exception inner) : base(message, inner) { }
    public DomainException(string code, string message) : base(message) => Code = code;
}
