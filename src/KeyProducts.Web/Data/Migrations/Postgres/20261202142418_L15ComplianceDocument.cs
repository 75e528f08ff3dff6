using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class L15ComplianceDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ProvesCompliance",
                table: "ChecklistItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The compliance document was recognised by its code before it became data of the checklist.
            migrationBuilder.Sql("UPDATE \"ChecklistItems\" SET \"ProvesCompliance\" = TRUE WHERE \"Code\" = 'TUANTHU';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProvesCompliance",
                table: "ChecklistItems");
        }
    }
}
