using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The EF model has a migration for each provider (was two `dotnet ef migrations has-pending-model-changes`
/// processes in test.sh). Needs no database.</summary>
public sealed class ModelMigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignFactory().CreateDbContext([]);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes without a migration for SqliteAppDbContext"
        );
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignFactory().CreateDbContext([]);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changes without a migration for PostgresAppDbContext"
        );
    }
}
