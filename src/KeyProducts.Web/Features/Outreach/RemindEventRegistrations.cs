using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>The day before an event (Hanoi calendar), mails each confirmed registrant once. Returns the mails
/// queued.</summary>
public sealed class RemindEventRegistrations(AppDbContext db, EventMail mail, TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken ct = default)
    {
        var tomorrow = VietnamTime.Today(time).AddDays(1);
        var from = VietnamTime.StartOfDayUtc(tomorrow);
        var to = VietnamTime.StartOfDayUtc(tomorrow.AddDays(1));
        var events = await db
            .OutreachEvents.Include(e => e.Registrations)
            .Where(e => e.StartsAt >= from && e.StartsAt < to)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var e in events)
        foreach (
            var r in e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentAt is null)
        )
        {
            mail.Reminder(e, r);
            r.ReminderSentAt = now;
            count++;
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}

/// <summary>Runs the reminders every half hour; idempotent, so a restart or a second node sends nothing twice
/// (ReminderSentAt is saved with the queued mail).</summary>
public sealed partial class EventReminderJob(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IConfiguration cfg,
    ILogger<EventReminderJob> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(cfg["Outreach:Reminders"], "false", StringComparison.OrdinalIgnoreCase))
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RemindEventRegistrations>().ExecuteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event reminders failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
