using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class L15RoundStagesAndDisagreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompletedAt",
                table: "Rounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rules_Disagreement",
                table: "CriteriaSets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "MemberTotal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Rules_Disagreement",
                table: "CriteriaSets");
        }
    }
}
