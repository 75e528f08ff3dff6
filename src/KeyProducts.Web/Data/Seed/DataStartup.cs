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
    public static async Task MigrateAndSeedAsync(
        IServiceProvider root,
        IHostEnvironment env,
        IConfiguration cfg,
        CancellationToken ct = default
    )
    {
        using var scope = root.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
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
            return;
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
    }

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
