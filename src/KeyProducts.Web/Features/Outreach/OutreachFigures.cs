using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>The outreach figures of one year (Hanoi calendar) as the records show them.</summary>
public sealed record OutreachYear(
    int Year,
    int EventsHeld,
    int Attendees,
    int Targets,
    int Mobilized,
    int SubmissionsAfterOutreach
);

public sealed record HeldEvent(
    int Id,
    int Year,
    string Title,
    EventKind Kind,
    DateTimeOffset StartsAt,
    string Venue,
    int Attended
);

public sealed record AttendanceLine(
    int EventId,
    int Year,
    string Event,
    string Name,
    string Organisation,
    string? TaxCode,
    DateTimeOffset AttendedAt
);

public sealed record TargetLine(int Id, int Year, string TaxCode, string Name, MobilizationStage Stage);

/// <summary>A submitted dossier whose enterprise was reached before it submitted: the first contact or event
/// attended.</summary>
public sealed record OutreachSubmission(
    int DossierId,
    string? Code,
    int Year,
    string Enterprise,
    string TaxCode,
    DateTimeOffset SubmittedAt,
    DateOnly FirstTouchOn,
    ContactKind FirstTouchKind,
    string FirstTouch
);

/// <summary>Everything the outreach KPIs count, loaded with a constant number of queries (six) whatever the data
/// size.</summary>
public sealed class OutreachSnapshot
{
    public IReadOnlyList<HeldEvent> Events { get; init; } = [];
    public IReadOnlyList<AttendanceLine> Attendances { get; init; } = [];
    public IReadOnlyList<TargetLine> Targets { get; init; } = [];
    public IReadOnlyList<OutreachSubmission> Submissions { get; init; } = [];

    /// <summary>The first year with any outreach record; from it on, a year without records counts as a real
    /// zero.</summary>
    public int? FirstYear { get; init; }

    public OutreachYear Year(int year) =>
        new(
            year,
            Events.Count(e => e.Year == year),
            Attendances.Count(a => a.Year == year),
            Targets.Count(t => t.Year == year),
            Targets.Count(t => t.Year == year && IsMobilized(t.Stage)),
            Submissions.Count(s => s.Year == year)
        );

    /// <summary>Events held per year from the first year with records to <paramref name="lastYear"/> (zeros
    /// included).</summary>
    public Dictionary<int, int> EventsByYear(int lastYear)
    {
        var result = new Dictionary<int, int>();
        if (FirstYear is not { } first)
            return result;
        for (var y = first; y <= lastYear; y++)
            result[y] = Events.Count(e => e.Year == y);
        return result;
    }

    /// <summary>A target is mobilized once its enterprise has submitted a dossier.</summary>
    public static bool IsMobilized(MobilizationStage s) => s >= MobilizationStage.Submitted;
}

/// <summary>Computes the outreach KPIs from records: events held (ended), attendees checked in, target enterprises that
/// reached "submitted", and the submissions preceded by a contact or an event attended (matched by tax code; a branch's
/// 13-digit code matches its parent's 10 digits).</summary>
public sealed class OutreachFigures(AppDbContext db, TimeProvider time)
{
    private sealed record Touch(string Group, DateTimeOffset At, DateOnly On, ContactKind Kind, string What)
    {
        public bool IsEvent => Kind == ContactKind.EventAttended;
    }

    public async Task<OutreachSnapshot> LoadAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var eventRows = await db
            .OutreachEvents.AsNoTracking()
            .Where(e => e.EndsAt <= now)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Kind,
                e.StartsAt,
                e.Venue,
                Attended = e.Registrations.Count(r => r.AttendedAt != null),
            })
            .ToListAsync(ct);
        var events = eventRows
            .Select(e => new HeldEvent(e.Id, YearOf(e.StartsAt), e.Title, e.Kind, e.StartsAt, e.Venue, e.Attended))
            .OrderBy(e => e.StartsAt)
            .ThenBy(e => e.Id)
            .ToList();
        var attendanceRows = await (
            from r in db.EventRegistrations.AsNoTracking()
            join e in db.OutreachEvents on r.EventId equals e.Id
            where r.AttendedAt != null
            select new
            {
                r.EventId,
                e.Title,
                e.StartsAt,
                r.Name,
                r.Organisation,
                r.TaxCode,
                AttendedAt = r.AttendedAt!.Value,
            }
        ).ToListAsync(ct);
        var attendances = attendanceRows
            .Select(a => new AttendanceLine(
                a.EventId,
                YearOf(a.StartsAt),
                a.Title,
                a.Name,
                a.Organisation,
                a.TaxCode,
                a.AttendedAt
            ))
            .OrderBy(a => a.AttendedAt)
            .ToList();

        var targets = await db
            .MobilizationTargets.AsNoTracking()
            .Select(t => new
            {
                t.Id,
                t.Year,
                t.TaxCode,
                t.Name,
                t.Stage,
            })
            .ToListAsync(ct);
        var targetDossiers = await (
            from d in db.Dossiers.AsNoTracking()
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join r in db.Rounds on d.RoundId equals r.Id
            where db.MobilizationTargets.Any(t => t.TaxCode == e.TaxCode)
            select new
            {
                e.TaxCode,
                d.State,
                r.Year,
            }
        ).ToListAsync(ct);
        var accounts = (
            await db
                .Enterprises.AsNoTracking()
                .Where(e => db.MobilizationTargets.Any(t => t.TaxCode == e.TaxCode))
                .Select(e => e.TaxCode)
                .ToListAsync(ct)
        ).ToHashSet(StringComparer.Ordinal);
        var dossiersByTax = targetDossiers.ToLookup(d => d.TaxCode, StringComparer.Ordinal);
        var targetLines = targets
            .Select(t => new TargetLine(
                t.Id,
                t.Year,
                t.TaxCode,
                t.Name,
                MobilizationStages.Effective(
                    t.Stage,
                    accounts.Contains(t.TaxCode)
                        ? new EnterpriseProgress(
                            true,
                            dossiersByTax[t.TaxCode].Where(d => d.Year >= t.Year).Select(d => d.State).ToList()
                        )
                        : EnterpriseProgress.None
                )
            ))
            .OrderBy(t => t.Year)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var contacts = await (
            from c in db.TargetContacts.AsNoTracking()
            join t in db.MobilizationTargets on c.TargetId equals t.Id
            select new
            {
                t.TaxCode,
                c.On,
                c.Kind,
                c.Note,
            }
        ).ToListAsync(ct);
        var touches = contacts
            .Select(c => new Touch(Group(c.TaxCode), VietnamTime.EndOfDayUtc(c.On), c.On, c.Kind, c.Note))
            .Concat(
                attendances
                    .Where(a => a.TaxCode is not null)
                    .Select(a => new Touch(
                        Group(a.TaxCode!),
                        a.AttendedAt,
                        DateOnly.FromDateTime(VietnamTime.ToLocal(a.AttendedAt).DateTime),
                        ContactKind.EventAttended,
                        a.Event
                    ))
            )
            .ToLookup(t => t.Group, StringComparer.Ordinal);
        var submitted = await (
            from d in db.Dossiers.AsNoTracking()
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join r in db.Rounds on d.RoundId equals r.Id
            where d.SubmittedAt != null
            select new
            {
                d.Id,
                d.Code,
                r.Year,
                e.NameVi,
                e.TaxCode,
                SubmittedAt = d.SubmittedAt!.Value,
            }
        ).ToListAsync(ct);
        var submissions = new List<OutreachSubmission>();
        foreach (var d in submitted)
        {
            // A contact dated the day of the submission counts: officers log the date, not the hour.
            var first = touches[Group(d.TaxCode)]
                .Where(t =>
                    t.IsEvent
                        ? t.At <= d.SubmittedAt
                        : t.On <= DateOnly.FromDateTime(VietnamTime.ToLocal(d.SubmittedAt).DateTime)
                )
                .OrderBy(t => t.On)
                .ThenBy(t => t.IsEvent ? t.At : DateTimeOffset.MaxValue)
                .FirstOrDefault();
            if (first is not null)
                submissions.Add(
                    new OutreachSubmission(
                        d.Id,
                        d.Code,
                        d.Year,
                        d.NameVi,
                        d.TaxCode,
                        d.SubmittedAt,
                        first.On,
                        first.Kind,
                        first.What
                    )
                );
        }
        submissions.Sort((a, b) => a.SubmittedAt.CompareTo(b.SubmittedAt));

        var years = events
            .Select(e => e.Year)
            .Concat(attendances.Select(a => a.Year))
            .Concat(targetLines.Select(t => t.Year))
            .ToList();
        return new OutreachSnapshot
        {
            Events = events,
            Attendances = attendances,
            Targets = targetLines,
            Submissions = submissions,
            FirstYear = years.Count == 0 ? null : years.Min(),
        };
    }

    private static int YearOf(DateTimeOffset utc) => VietnamTime.ToLocal(utc).Year;

    /// <summary>The enterprise a tax code belongs to: its first ten digits (a branch's 13-digit code ends in
    /// -NNN).</summary>
    private static string Group(string tax) => tax.Length > 10 ? tax[..10] : tax;
}
