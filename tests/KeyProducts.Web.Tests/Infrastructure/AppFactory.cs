using System.Collections.Concurrent;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>The app on a fresh database of the provider chosen by TEST_DB (Sqlite, the default, or Postgres),
/// migrated and seeded with the Development demo data. One per test class (IClassFixture).
/// The migrations and the seed run once per test process into a template (a SQLite file, a PostgreSQL template
/// database,
/// plus the seeded file storage); each factory starts from a copy of it.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "kp-files-" + Guid.NewGuid().ToString("N"));
    private string? _connectionString;
    private bool _fromTemplate;

    public static string Provider =>
        string.Equals(Environment.GetEnvironmentVariable("TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? "Postgres"
            : "Sqlite";

    public static bool IsPostgres => Provider == "Postgres";

    /// <summary>Errors the server logged: a test fails when something went wrong behind the user's back.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Time the app sees; tests move it forward to cross deadlines.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));

    public int SmtpPort { get; set; } = FreePort();

    /// <summary>Counts SQL commands while started: <c>using (app.Queries.Start()) { … }</c>.</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>When false, the app runs on the real clock (browser tests that must match the seed's dates).</summary>
    protected virtual bool UseFakeClock => true;

    /// <summary>When true (the default), the database and file storage are copied from the migrated and seeded template
    /// instead of being migrated and seeded at start-up. Seeded dates depend on the clock, so there is one template per
    /// kind of clock: the fake one, and the real one (built when the first real-clock app of the process starts; the
    /// browser apps all start within a minute of it).</summary>
    protected virtual bool UseTemplateDatabase => true;

    /// <summary>Set on the factory that builds the template, so that it keeps its files.</summary>
    private bool _isTemplateBuilder;

    public string ConnectionString => _connectionString ??= NodeOf?.ConnectionString ?? CreateDatabaseFor(this);

    /// <summary>When set, this factory is a second app node on that factory's database and file storage (it neither
    /// migrates
    /// nor deletes the files when disposed).</summary>
    public AppFactory? NodeOf { get; init; }

    /// <summary>Settings applied after the defaults (e.g. <c>Cluster:CacheNotifications</c>).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    private string StorageRoot => NodeOf?.StorageRoot ?? _storageRoot;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        if (_fromTemplate || NodeOf is not null)
            builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Enabled", "false"); // tests send the outbox explicitly
        builder.UseSetting("Outreach:Reminders", "false"); // tests run the event reminders explicitly
        // Periodic jobs on the fake clock would tick once per period of every jump (years in the expiry tests:
        // thousands of
        // sweeps); OrphanFileSweeperTests runs the sweep explicitly.
        builder.UseSetting("Storage:SweepOrphans", "false");
        // tests sign in hundreds of times; RateLimitTests turns them on
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Signing:KeyFile", Path.Combine(StorageRoot, "keys", "signing-key.pem"));
        // One listening connection per app on PostgreSQL; NodesTests turns it on for its two nodes.
        builder.UseSetting("Cluster:CacheNotifications", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries);
            services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ThrowOnRequestFilter()));
            if (UseFakeClock)
                services.AddSingleton<TimeProvider>(Clock);
            // Tests sign in hundreds of times; the production iteration count costs ~100 ms of CPU per sign-in.
            // Hashes record their own iteration count, so the seeded (cheap) hashes verify the same way.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1);
        });
    }

    private static string PgAdmin =>
        Environment.GetEnvironmentVariable("TEST_PG") is { Length: > 0 } s
            ? s
            : "Host=127.0.0.1;Port=55432;Database=app;Username=app;Password=app";

    private static readonly object TemplateLock = new();
    private static readonly Dictionary<bool, Template> Templates = [];

    private sealed record Template(string Database, string StorageRoot);

    private static string CreateDatabaseFor(AppFactory f)
    {
        if (f.UseTemplateDatabase && !f._isTemplateBuilder)
        {
            var t = EnsureTemplate(f.UseFakeClock);
            f._fromTemplate = true;
            CopyDirectory(t.StorageRoot, f._storageRoot);
            return CreateDatabase(t.Database);
        }
        return CreateDatabase(null);
    }

    /// <summary>Migrates and seeds one database per test process, through the app's own start-up.</summary>
    private static Template EnsureTemplate(bool fakeClock)
    {
        lock (TemplateLock)
        {
            if (Templates.TryGetValue(fakeClock, out var existing))
                return existing;
            var builder = fakeClock
                ? new AppFactory { _isTemplateBuilder = true }
                : new RealClockTemplateBuilder { _isTemplateBuilder = true };
            var cs = builder.ConnectionString;
            _ = builder.Services; // starts the host: migrate + seed
            var storage = builder._storageRoot;
            builder.Dispose();
            string db;
            if (IsPostgres)
            {
                NpgsqlConnection.ClearAllPools();
                db = new NpgsqlConnectionStringBuilder(cs).Database!;
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                db = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                DeleteTemporaryFiles(storage, IsPostgres ? null : $"Data Source={db}");
            return Templates[fakeClock] = new Template(db, storage);
        }
    }

    private static string CreateDatabase(string? template)
    {
        if (!IsPostgres)
        {
            var file = Path.Combine(Path.GetTempPath(), $"kp-test-{Guid.NewGuid():N}.db");
            if (template is not null)
                File.Copy(template, file);
            return $"Data Source={file}";
        }
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        using (var conn = new NpgsqlConnection(PgAdmin))
        {
            conn.Open();
            var sql = template is null
                ? $"CREATE DATABASE \"{name}\""
                : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            using var cmd = new NpgsqlCommand(sql, conn);
            lock (TemplateLock)
                cmd.ExecuteNonQuery(); // copies of one template one at a time
        }
        return new NpgsqlConnectionStringBuilder(PgAdmin)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
            return;
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private sealed class RealClockTemplateBuilder : AppFactory
    {
        protected override bool UseFakeClock => false;
    }

    /// <summary>A scope for arranging or checking data directly in the database.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || _isTemplateBuilder || NodeOf is not null)
            return;
        DeleteTemporaryFiles(_storageRoot, _connectionString);
    }

    /// <summary>Removes an app's file storage and, on SQLite, its database file (thousands of them piled up in the
    /// temp folder over a few runs); PostgreSQL's test databases go with the throwaway server's data
    /// folder.</summary>
    private static void DeleteTemporaryFiles(string storageRoot, string? connectionString)
    {
        try
        {
            if (Directory.Exists(storageRoot))
                Directory.Delete(storageRoot, recursive: true);
            if (!IsPostgres && connectionString is not null)
            {
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(file + suffix);
            }
        }
        catch (IOException)
        { /* best effort cleanup of temp files */
        }
    }
}

/// <summary>Makes any page fail like an unexpected bug when the request carries X-Test-Throw, to check what users see
/// on a 500;
/// with the value "refusal" it fails like a rule refusal (DomainException) instead.</summary>
internal sealed class ThrowOnRequestFilter : Microsoft.AspNetCore.Mvc.Filters.IResourceFilter
{
    public const string Header = "X-Test-Throw";

    public void OnResourceExecuting(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutingContext context)
    {
        if (
            !context.HttpContext.Request.Headers.TryGetValue(Header, out var kind)
            || context.HttpContext.Request.Path == "/Error"
        )
            return;
        if (kind == "refusal")
            throw new KeyProducts.Core.Common.DomainException("RecognitionNotFound", "Không tìm thấy công nhận.");
        throw new InvalidOperationException("Simulated failure with secret detail: connection string xyz");
    }

    public void OnResourceExecuted(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutedContext context) { }
}

/// <summary>Collects server log events at Error level or above.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Error)
            return;
        var text = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        // EF probes for the migrations history table on a new PostgreSQL database and logs that as an error; harmless.
        if (text.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            return;
        _errors.Enqueue(text + (logEvent.Exception is null ? "" : " :: " + logEvent.Exception));
    }

    public void Clear() => _errors.Clear();
}
