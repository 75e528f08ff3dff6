using KeyProducts.Web;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// preserveStaticLogger: each host logs through its own logger instead of replacing the process-wide Log.Logger,
// so integration tests running several hosts at once each capture only their own errors.
// Logging:Json=true writes one JSON object per event (Serilog's compact format, with trace and span ids) for log
// collectors.
builder.Services.AddSerilog(
    (sp, lc) =>
    {
        lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp);
        if (builder.Configuration.GetValue("Logging:Json", false))
            lc.WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter());
        else
            lc.WriteTo.Console();
    },
    preserveStaticLogger: true
);
builder.Services.AddKeyProducts(builder.Configuration, builder.Environment);

var app = builder.Build();

// Options are validated before anything touches the database (ValidateOnStart alone would run after the migration).
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

// dotnet run --project src/KeyProducts.Web -- audit-verify : checks the audit hash chain; exit code 1 names the first
// broken entry.
if (args is ["audit-verify", ..])
{
    using var scope = app.Services.CreateScope();
    var report = await KeyProducts.Web.Infrastructure.Audit.AuditChain.VerifyAsync(
        scope.ServiceProvider.GetRequiredService<AppDbContext>()
    );
    Console.WriteLine(
        report.Intact
            ? $"Audit chain intact: {report.Checked} entries checked ({report.Unchained} written before the chain "
                + $"are not checked)."
            : $"Audit chain broken at entry {report.FirstBrokenId}: {report.Reason}"
    );
    return report.Intact ? 0 : 1;
}

// -- backup FILE / -- restore FILE : the database and every uploaded file in one zip (README, "Operation").
if (args is [var verb and ("backup" or "restore"), var file])
{
    using var scope = app.Services.CreateScope();
    var archive = scope.ServiceProvider.GetRequiredService<KeyProducts.Web.Infrastructure.Operations.BackupArchive>();
    if (verb == "backup")
        await archive.BackupAsync(file);
    else
        await archive.RestoreAsync(file);
    Console.WriteLine($"{verb} {file}: done.");
    return 0;
}

// dotnet KeyProducts.Web.dll migrate : applies the migrations (and creates the roles and the configured administrator;
// in Development also the demo data), then exits. Run once per deployment, before the nodes start.
if (args is ["migrate", ..])
{
    var applied = await DataStartup.MigrateAndSeedAsync(app.Services, app.Environment, app.Configuration);
    Console.WriteLine(
        applied.Count == 0
            ? "migrate: the database is up to date."
            : $"migrate: applied {applied.Count}: {string.Join(", ", applied)}."
    );
    return 0;
}

app.UseKeyProducts();

// Development migrates at start-up; elsewhere the nodes wait for the migrate command (two nodes starting at once must
// not both
// migrate), unless Database:MigrateOnStartup says otherwise.
if (app.Configuration.GetValue<bool?>("Database:MigrateOnStartup") ?? app.Environment.IsDevelopment())
    await DataStartup.MigrateAndSeedAsync(app.Services, app.Environment, app.Configuration);
else
    await DataStartup.WarnIfMigrationsPendingAsync(app.Services);

await app.RunAsync();
return 0;
