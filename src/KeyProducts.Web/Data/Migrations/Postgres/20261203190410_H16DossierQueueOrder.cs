using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H16DossierQueueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Uncoded",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                computedColumnSql: "\"Code\" IS NULL",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_RoundId_Uncoded_Code_Id",
                table: "Dossiers",
                columns: new[] { "RoundId", "Uncoded", "Code", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_RoundId_Uncoded_Code_Id",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Uncoded",
                table: "Dossiers");
        }
    }
}
