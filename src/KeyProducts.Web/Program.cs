using KeyProducts.Web;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// preserveStaticLogger: each host logs through its own logger instead of replacing the process-wide Log.Logger,
// so integration tests running several hosts at once each capture only their own errors.
builder.Services.AddSerilog(
    (sp, lc) => lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp).WriteTo.Console(),
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

app.UseKeyProducts();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    await DataStartup.MigrateAndSeedAsync(app.Services, app.Environment, app.Configuration);

await app.RunAsync();
return 0;
