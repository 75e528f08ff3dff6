using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H10ProgramKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgramTargets_PhaseId_Indicator_Basis_Year_Cumulative",
                table: "ProgramTargets");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "ProgramTargets",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProductRevenueVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductProductionValueVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductExportUsdCents = table.Column<long>(type: "INTEGER", nullable: true),
                    EnterpriseRevenueVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    EnterpriseProductionValueVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    EnterpriseExportUsdCents = table.Column<long>(type: "INTEGER", nullable: true),
                    Employees = table.Column<int>(type: "INTEGER", nullable: true),
                    RdSpendingVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnteredByOfficer = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReportWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReportWindows", x => x.Id);
                });

            // Targets saved before codes existed get a stable code from their id, so the unique index holds.
            migrationBuilder.Sql("UPDATE \"ProgramTargets\" SET \"Code\" = 'T' || CAST(\"Id\" AS TEXT) WHERE \"Code\" = '';");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_Code",
                table: "ProgramTargets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_PhaseId_Indicator_Basis_Year_Cumulative",
                table: "ProgramTargets",
                columns: new[] { "PhaseId", "Indicator", "Basis", "Year", "Cumulative" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_EnterpriseId_Year",
                table: "AnnualReports",
                columns: new[] { "EnterpriseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_State",
                table: "AnnualReports",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReportWindows_Year",
                table: "AnnualReportWindows",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "AnnualReportWindows");

            migrationBuilder.DropIndex(
                name: "IX_ProgramTargets_Code",
                table: "ProgramTargets");

            migrationBuilder.DropIndex(
                name: "IX_ProgramTargets_PhaseId_Indicator_Basis_Year_Cumulative",
                table: "ProgramTargets");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "ProgramTargets");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_PhaseId_Indicator_Basis_Year_Cumulative",
                table: "ProgramTargets",
                columns: new[] { "PhaseId", "Indicator", "Basis", "Year", "Cumulative" },
                unique: true);
        }
    }
}
