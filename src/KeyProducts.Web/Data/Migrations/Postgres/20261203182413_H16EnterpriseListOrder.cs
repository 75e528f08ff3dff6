using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H16EnterpriseListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotPending",
                table: "Enterprises",
                type: "boolean",
                nullable: false,
                computedColumnSql: "\"Status\" <> 'Pending'",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_NotPending_NameVi_Id",
                table: "Enterprises",
                columns: new[] { "NotPending", "NameVi", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enterprises_NotPending_NameVi_Id",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "NotPending",
                table: "Enterprises");
        }
    }
}
