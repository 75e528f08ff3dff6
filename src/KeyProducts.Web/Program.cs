using KeyProducts.Web;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((sp, lc) => lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp).WriteTo.Console());
builder.Services.AddKeyProducts(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseKeyProducts();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    await DataStartup.MigrateAndSeedAsync(app.Services, app.Environment, app.Configuration);

await app.RunAsync();
