using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MobilizationTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Sector = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RevenueVnd = table.Column<long>(type: "bigint", nullable: true),
                    ExportUsdCents = table.Column<long>(type: "bigint", nullable: true),
                    HighTechProduct = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Email = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Flags = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobilizationTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MobilizationTargets_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OutreachPlaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CommuneName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Trade = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachPlaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetThresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RevenueVnd = table.Column<long>(type: "bigint", nullable: false),
                    ExportUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetThresholds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetContacts_MobilizationTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "MobilizationTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutreachEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlaceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Venue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Audience = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Programme = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OrganisingUnit = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlaceId = table.Column<int>(type: "integer", nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachEvents_OutreachPlaces_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "OutreachPlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventMaterials_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Phone = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Email = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: true),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AttendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwardOrder = table.Column<int>(type: "integer", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaLog",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Outlet = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaLog_OutreachEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "OutreachEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventMaterials_EventId",
                table: "EventMaterials",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Email",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_TaxCode",
                table: "EventRegistrations",
                column: "TaxCode");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_Token",
                table: "EventRegistrations",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaLog_EventId",
                table: "MediaLog",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaLog_PublishedOn",
                table: "MediaLog",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_MobilizationTargets_OwnerUserId",
                table: "MobilizationTargets",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MobilizationTargets_SearchText",
                table: "MobilizationTargets",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_MobilizationTargets_TaxCode",
                table: "MobilizationTargets",
                column: "TaxCode");

            migrationBuilder.CreateIndex(
                name: "IX_MobilizationTargets_Year_TaxCode",
                table: "MobilizationTargets",
                columns: new[] { "Year", "TaxCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_PlaceId",
                table: "OutreachEvents",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachEvents_StartsAt",
                table: "OutreachEvents",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachPlaces_Code",
                table: "OutreachPlaces",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachPlaces_Kind_CommuneCode",
                table: "OutreachPlaces",
                columns: new[] { "Kind", "CommuneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachPlaces_SearchText",
                table: "OutreachPlaces",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_TargetContacts_TargetId",
                table: "TargetContacts",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetThresholds_Year",
                table: "TargetThresholds",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventMaterials");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "MediaLog");

            migrationBuilder.DropTable(
                name: "TargetContacts");

            migrationBuilder.DropTable(
                name: "TargetThresholds");

            migrationBuilder.DropTable(
                name: "OutreachEvents");

            migrationBuilder.DropTable(
                name: "MobilizationTargets");

            migrationBuilder.DropTable(
                name: "OutreachPlaces");
        }
    }
}
