using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H16DirectorySearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS5 trigram index of the directory and the triggers that keep it in step (decision 0012).
            foreach (var sql in DirectorySearchIndex.CreateSql) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DirectorySearchIndex.DropSql) migrationBuilder.Sql(sql);
        }
    }
}
