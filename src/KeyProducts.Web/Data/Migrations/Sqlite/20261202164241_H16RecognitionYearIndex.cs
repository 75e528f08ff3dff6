using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H16RecognitionYearIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recognitions_Year",
                table: "Recognitions");

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_Year_EnterpriseId_Top10",
                table: "Recognitions",
                columns: new[] { "Year", "EnterpriseId", "Top10" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recognitions_Year_EnterpriseId_Top10",
                table: "Recognitions");

            migrationBuilder.CreateIndex(
                name: "IX_Recognitions_Year",
                table: "Recognitions",
                column: "Year");
        }
    }
}
