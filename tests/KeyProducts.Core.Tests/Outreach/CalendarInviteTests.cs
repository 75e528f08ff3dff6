using KeyProducts.Core.Outreach;

namespace KeyProducts.Core.Tests.Outreach;

public class CalendarInviteTests
{
    [Fact]
    public void The_event_is_written_in_utc_with_escaped_text()
    {
        var start = new DateTimeOffset(2026, 7, 10, 8, 30, 0, TimeSpan.FromHours(7));
        var ics = CalendarInvite.Create(
            "reg-1@spcncl",
            "Hội nghị tập huấn; làng nghề",
            "Làng nghề Bát Tràng, xã Bát Tràng",
            "Dòng 1\nDòng 2",
            start,
            start.AddHours(3),
            new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)
        );
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nBEGIN:VEVENT\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20260710T013000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20260710T043000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Hội nghị tập huấn\\; làng nghề", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Làng nghề Bát Tràng\\, xã Bát Tràng", ics, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Dòng 1\\nDòng 2", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_characters()
    {
        var folded = CalendarInvite.Fold("SUMMARY:" + string.Concat(Enumerable.Repeat("Hội nghị ", 20)));
        foreach (var line in folded.Split("\r\n"))
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        Assert.Equal(
            "SUMMARY:" + string.Concat(Enumerable.Repeat("Hội nghị ", 20)),
            folded.Replace("\r\n ", "", StringComparison.Ordinal)
        );
    }
}
