using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>A part of the Development demo data. Each seeder is idempotent: it checks before it adds.</summary>
public interface IDemoSeeder
{
    /// <summary>Seeders run in ascending order; reference data first.</summary>
    int Order { get; }
    Task SeedAsync(SeedContext ctx, CancellationToken ct);
}

public sealed record SeedContext(
    AppDbContext Db,
    UserManager<ApplicationUser> Users,
    TimeProvider Time,
    IServiceProvider Services
);

public static partial class DataStartup
{
    /// <summary>Applies the pending migrations, then the roles, the configured administrator and (Development or
    /// Seed:Demo)
    /// the demo data. Returns the migrations it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAndSeedAsync(
        IServiceProvider root,
        IHostEnvironment env,
        IConfiguration cfg,
        CancellationToken ct = default
    )
    {
        using var scope = root.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        await EnsureConfiguredAdminAsync(
            users,
            cfg,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Startup")
        );

        var seedDemo = cfg.GetValue<bool?>("Seed:Demo") ?? env.IsDevelopment();
        if (!seedDemo)
            return pending;
        var ctx = new SeedContext(db, users, sp.GetRequiredService<TimeProvider>(), sp);
        var seeders = typeof(DataStartup)
            .Assembly.GetTypes()
            .Where(t => typeof(IDemoSeeder).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IDemoSeeder)ActivatorUtilities.CreateInstance(sp, t))
            .OrderBy(s => s.Order);
        foreach (var s in seeders)
        {
            await s.SeedAsync(ctx, ct);
            db.ChangeTracker.Clear();
        }
        return pending;
    }

    /// <summary>A node that does not migrate says so at start-up when the database is behind (readiness also reports
    /// it).</summary>
    public static async Task WarnIfMigrationsPendingAsync(IServiceProvider root, CancellationToken ct = default)
    {
        using var scope = root.CreateScope();
        var sp = scope.ServiceProvider;
        try
        {
            var pending = (await sp.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync(ct)).Count();
            if (pending > 0)
                LogMigrationsPending(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Startup"), pending);
        }
        catch (Exception ex)
            when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable: the node starts anyway, answers 503 and reports not ready until it returns.
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Count} database migrations are not applied; run `dotnet KeyProducts.Web.dll migrate` (this node "
            + "does not migrate at start-up)"
    )]
    private static partial void LogMigrationsPending(ILogger logger, int count);

    /// <summary>Production starts empty with one administrator from configuration (Admin:Email,
    /// Admin:Password).</summary>
    private static async Task EnsureConfiguredAdminAsync(
        UserManager<ApplicationUser> users,
        IConfiguration cfg,
        TimeProvider time,
        ILogger log
    )
    {
        var email = cfg["Admin:Email"];
        var password = cfg["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
            return;
        if (await users.FindByEmailAsync(email) is not null)
            return;
        var admin = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Quản trị hệ thống",
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            LogAdminFailed(log, string.Join("; ", result.Errors.Select(e => e.Code)));
            return;
        }
        await users.AddToRoleAsync(admin, Roles.Admin);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the configured administrator: {Errors}")]
    private static partial void LogAdminFailed(ILogger logger, string errors);
}
