using KeyProducts.Web;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// preserveStaticLogger: each host logs through its own logger instead of replacing the process-wide Log.Logger,
// so integration tests running several hosts at once each capture only their own errors.
builder.Services.AddSerilog((sp, lc) => lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp).WriteTo.Console(), preserveStaticLogger: true);
builder.Services.AddKeyProducts(builder.Configuration, builder.Environment);

var app = builder.Build();

// Options are validated before anything touches the database (ValidateOnStart alone would run after the migration).
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
app.UseKeyProducts();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    await DataStartup.MigrateAndSeedAsync(app.Services, app.Environment, app.Configuration);

await app.RunAsync();
