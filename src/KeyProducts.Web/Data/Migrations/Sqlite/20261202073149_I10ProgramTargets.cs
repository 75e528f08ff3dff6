using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I10ProgramTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LegalBasisDate",
                table: "Phases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasisTitle",
                table: "Phases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReferenceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IsEstimate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Cumulative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Min = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    MinExclusive = table.Column<bool>(type: "INTEGER", nullable: false),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramTargets_Phases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "Phases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Phases_StartYear_EndYear",
                table: "Phases",
                columns: new[] { "StartYear", "EndYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_Indicator_Year_Basis",
                table: "Measurements",
                columns: new[] { "Indicator", "Year", "Basis" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_PhaseId_Indicator_Basis_Year_Cumulative",
                table: "ProgramTargets",
                columns: new[] { "PhaseId", "Indicator", "Basis", "Year", "Cumulative" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "ProgramTargets");

            migrationBuilder.DropIndex(
                name: "IX_Phases_StartYear_EndYear",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "LegalBasisDate",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "LegalBasisTitle",
                table: "Phases");
        }
    }
}
