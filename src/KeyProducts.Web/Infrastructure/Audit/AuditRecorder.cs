using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KeyProducts.Web.Infrastructure.Audit;

/// <summary>Turns tracked changes into audit rows. Registered scoped, so it knows the current user.</summary>
public sealed class AuditRecorder(ICurrentUser user, TimeProvider time)
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(ApplicationUser.PasswordHash),
        nameof(ApplicationUser.SecurityStamp),
        nameof(ApplicationUser.ConcurrencyStamp),
        "TokenHash",
    };

    public sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    public List<Pending> Capture(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var e in tracker.Entries())
        {
            if (!IsAudited(e.Entity) || e.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in e.Properties)
            {
                var name = p.Metadata.Name;
                if (name == nameof(Entity.Version))
                    continue;
                var before = e.State == EntityState.Added ? null : p.OriginalValue;
                var after = e.State == EntityState.Deleted ? null : p.CurrentValue;
                if (e.State == EntityState.Modified && !p.IsModified)
                    continue;
                if (e.State == EntityState.Modified && Equals(before, after))
                    continue;
                if (Secret.Contains(name))
                {
                    before = before is null ? null : "***";
                    after = after is null ? null : "***";
                }
                changes[name] = [before, after];
            }
            foreach (
                var owned in e.References.Where(r => r.TargetEntry is not null && r.TargetEntry.Metadata.IsOwned())
            )
            {
                foreach (
                    var p in owned.TargetEntry!.Properties.Where(p => e.State != EntityState.Modified || p.IsModified)
                )
                    changes[$"{owned.Metadata.Name}.{p.Metadata.Name}"] =
                    [
                        e.State == EntityState.Added ? null : p.OriginalValue,
                        e.State == EntityState.Deleted ? null : p.CurrentValue,
                    ];
            }
            if (e.State == EntityState.Modified && changes.Count == 0)
                continue;
            list.Add(new Pending(e, e.State.ToString(), changes));
        }
        return list;
    }

    public IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending)
    {
        var now = time.GetUtcNow();
        foreach (var p in pending)
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? ""
                : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
            yield return new AuditEntry
            {
                At = now,
                UserId = user.Id,
                UserName = user.Name,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = id,
                Action = p.Action,
                Changes = JsonSerializer.Serialize(
                    p.Changes.ToDictionary(kv => kv.Key, kv => new { before = kv.Value[0], after = kv.Value[1] })
                ),
                TraceId = user.TraceId,
            };
        }
    }

    private static bool IsAudited(object entity) => IsAudited(entity.GetType());

    /// <summary>Whether records of this type get audit rows (public so a test can walk the model the same
    /// way).</summary>
    public static bool IsAudited(Type type) =>
        type.IsAssignableTo(typeof(Entity))
        || type.IsAssignableTo(typeof(ApplicationUser))
        || type.IsAssignableTo(typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>));
}

/// <summary>Who is acting now: the signed-in user, or "system" for background work and seeding.</summary>
public interface ICurrentUser
{
    string? Id { get; }
    string Name { get; }
    string? TraceId { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? Id => accessor.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "system";
    public string? TraceId => accessor.HttpContext?.TraceIdentifier;
}
