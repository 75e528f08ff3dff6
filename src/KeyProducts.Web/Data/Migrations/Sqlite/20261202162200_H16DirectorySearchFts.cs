using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H16DirectorySearchFts : Migration
    {
        // The SQL is written out here, not read from DirectorySearchIndex: a migration must stay what it was when it ran.
        private static readonly string[] CreateSql =
        [
            """CREATE VIRTUAL TABLE "ProductsSearch" USING fts5("DirectorySearchText", tokenize = 'trigram', content = 'Products', content_rowid = 'Id');""",
            """INSERT INTO "ProductsSearch"("ProductsSearch") VALUES ('rebuild');""",
            """
            CREATE TRIGGER "Products_search_ai" AFTER INSERT ON "Products" BEGIN
                INSERT INTO "ProductsSearch"(rowid, "DirectorySearchText") VALUES (new."Id", new."DirectorySearchText");
            END;
            """,
            """
            CREATE TRIGGER "Products_search_ad" AFTER DELETE ON "Products" BEGIN
                INSERT INTO "ProductsSearch"("ProductsSearch", rowid, "DirectorySearchText") VALUES ('delete', old."Id", old."DirectorySearchText");
            END;
            """,
            """
            CREATE TRIGGER "Products_search_au" AFTER UPDATE OF "Id", "DirectorySearchText" ON "Products" BEGIN
                INSERT INTO "ProductsSearch"("ProductsSearch", rowid, "DirectorySearchText") VALUES ('delete', old."Id", old."DirectorySearchText");
                INSERT INTO "ProductsSearch"(rowid, "DirectorySearchText") VALUES (new."Id", new."DirectorySearchText");
            END;
            """,
        ];

        private static readonly string[] DropSql =
        [
            """DROP TRIGGER IF EXISTS "Products_search_ai";""",
            """DROP TRIGGER IF EXISTS "Products_search_au";""",
            """DROP TRIGGER IF EXISTS "Products_search_ad";""",
            """DROP TABLE IF EXISTS "ProductsSearch";""",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS5 trigram index of the directory and the triggers that keep it in step (decision 0012).
            foreach (var sql in CreateSql) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DropSql) migrationBuilder.Sql(sql);
        }
    }
}
