using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Data;

/// <summary>The "Database" section. Checked at start-up: a misspelt provider must stop the app, not quietly run it on a
/// local SQLite file.</summary>
public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations at start-up. Empty means yes in Development, no elsewhere (the migrate command does
    /// it).</summary>
    public bool? MigrateOnStartup { get; set; }
}

public sealed class DatabaseOptionsValidator(IConfiguration cfg, IWebHostEnvironment env)
    : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions o)
    {
        var errors = new List<string>();
        if (
            !string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(o.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        )
            errors.Add($"Database:Provider is \"{o.Provider}\"; it must be \"Sqlite\" or \"Postgres\".");
        if (
            string.Equals(o.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(cfg.GetConnectionString("Default"))
        )
            errors.Add("ConnectionStrings:Default is required when Database:Provider is \"Postgres\".");
        if (!env.IsDevelopment() && cfg.GetValue<bool?>("Seed:Demo") == true)
            errors.Add(
                "Seed:Demo creates demo accounts with a published password; it is refused outside the Development "
                    + "environment."
            );
        if (string.IsNullOrWhiteSpace(cfg["Storage:Root"]))
            errors.Add("Storage:Root must name the folder for uploaded files.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
