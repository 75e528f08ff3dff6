using System.Globalization;
using System.Text;

namespace KeyProducts.Core.Outreach;

/// <summary>An iCalendar (RFC 5545) file with one VEVENT, times in UTC so every calendar shows Hanoi time
/// correctly.</summary>
public static class CalendarInvite
{
    public static string Create(
        string uid,
        string title,
        string location,
        string description,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset stamp
    )
    {
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(Fold(s)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//SPCNCL Ha Noi//KeyProducts//VI");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(uid));
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(start));
        Line("DTEND:" + Utc(end));
        Line("SUMMARY:" + Escape(title));
        Line("LOCATION:" + Escape(location));
        Line("DESCRIPTION:" + Escape(description));
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line at 75 octets without splitting a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var sb = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var len = rune.Utf8SequenceLength;
            if (octets + len > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += len;
        }
        return sb.ToString();
    }
}
