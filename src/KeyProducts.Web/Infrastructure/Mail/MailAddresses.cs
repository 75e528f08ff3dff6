using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace KeyProducts.Web.Infrastructure.Mail;

/// <summary>One definition of a deliverable address: what MimeKit can put in a To header, as a bare address. The
/// framework's [EmailAddress] accepts "a b@c.vn", which MimeKit refuses at send time.</summary>
public static class MailAddresses
{
    public static bool IsDeliverable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;
        var trimmed = value.Trim();
        if (trimmed.Length > 254 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return false;
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var parsed))
            return false;
        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at < parsed.Address.Length - 1
            && string.Equals(parsed.Address, trimmed, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Form validation with the same rule the outbox applies; renders as an e-mail input.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute() : DataTypeAttribute(DataType.EmailAddress)
{
    public override bool IsValid(object? value) =>
        value is null || value is string { Length: 0 } || (value is string s && MailAddresses.IsDeliverable(s));
}
