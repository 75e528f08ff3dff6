using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeyProducts.Web.Data;

/// <summary>SQLite flavour: holds the SQLite migrations. DateTimeOffset is stored as UTC ticks so that it sorts and
/// compares in SQL.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, AuditRecorder? audit = null)
    : AppDbContext(options, audit)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL flavour: holds the PostgreSQL migrations.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, AuditRecorder? audit = null)
    : AppDbContext(options, audit);

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}

public static class DatabaseSetup
{
    public static bool IsPostgres(IConfiguration cfg) =>
        string.Equals(cfg["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddAppDatabase(
        this IServiceCollection services,
        IConfiguration cfg,
        IWebHostEnvironment env
    )
    {
        var cs = cfg.GetConnectionString("Default");
        if (IsPostgres(cfg))
        {
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("ConnectionStrings:Default is required for PostgreSQL.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(
                (sp, o) => Quiet(o.UseNpgsql(cs)).AddInterceptors(sp.GetServices<IInterceptor>())
            );
        }
        else
        {
            if (string.IsNullOrWhiteSpace(cs))
            {
                var dir = Path.Combine(env.ContentRootPath, "..", "..", "data");
                Directory.CreateDirectory(dir);
                cs = $"Data Source={Path.GetFullPath(Path.Combine(dir, "keyproducts.db"))}";
            }
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(
                (sp, o) => Quiet(o.UseSqlite(cs)).AddInterceptors(sp.GetServices<IInterceptor>())
            );
        }
        return services;
    }

    /// <summary>A save that loses a race (a stale version, a unique index hit by a double click) is answered by the
    /// code that
    /// made it; EF's own report of the failed command is a warning, not an error. Failures nobody handles still reach
    /// the
    /// error log through the exception handler.</summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder o) =>
        o.ConfigureWarnings(w =>
            w.Log(
                (RelationalEventId.CommandError, LogLevel.Warning),
                (CoreEventId.SaveChangesFailed, LogLevel.Warning),
                (CoreEventId.OptimisticConcurrencyException, LogLevel.Warning)
            )
        );
}
