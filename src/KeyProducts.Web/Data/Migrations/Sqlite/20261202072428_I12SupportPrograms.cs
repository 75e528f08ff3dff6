using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyProducts.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I12SupportPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportPrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ManagingUnit = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    YearlyBudgetVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    CoFundingRateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    CapPerEnterprisePerYearVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    CapPerItemVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemUnit = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecognizedOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpcnclPriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportPrograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportBudgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    CommittedVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    DisbursedVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportBudgets", x => x.Id);
                    table.CheckConstraint("CK_SupportBudgets_Committed", "\"CommittedVnd\" >= 0 AND \"CommittedVnd\" <= \"AllocatedVnd\"");
                    table.ForeignKey(
                        name: "FK_SupportBudgets_SupportPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "SupportPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentsAsked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportCalls_SupportPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "SupportPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedVnd = table.Column<long>(type: "INTEGER", nullable: true),
                    DisbursedVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    CapReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportApplications", x => x.Id);
                    table.CheckConstraint("CK_SupportApplications_Disbursed", "\"DisbursedVnd\" >= 0 AND (\"ApprovedVnd\" IS NULL OR \"DisbursedVnd\" <= \"ApprovedVnd\")");
                    table.ForeignKey(
                        name: "FK_SupportApplications_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportApplications_SupportCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "SupportCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportApplications_SupportPrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "SupportPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportDocuments_SupportApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SupportApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportHistory_SupportApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SupportApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CostVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportItems_SupportApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SupportApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportProductLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportProductLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportProductLinks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupportProductLinks_SupportApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SupportApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportTranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountVnd = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportTranches_SupportApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SupportApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportApplications_CallId",
                table: "SupportApplications",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportApplications_Code",
                table: "SupportApplications",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportApplications_EnterpriseId",
                table: "SupportApplications",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportApplications_ProgramId_Year_State",
                table: "SupportApplications",
                columns: new[] { "ProgramId", "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportBudgets_ProgramId_Year",
                table: "SupportBudgets",
                columns: new[] { "ProgramId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportCalls_ProgramId_Year",
                table: "SupportCalls",
                columns: new[] { "ProgramId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportDocuments_ApplicationId",
                table: "SupportDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportHistory_ApplicationId",
                table: "SupportHistory",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportItems_ApplicationId",
                table: "SupportItems",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportProductLinks_ApplicationId_ProductId",
                table: "SupportProductLinks",
                columns: new[] { "ApplicationId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportProductLinks_ProductId",
                table: "SupportProductLinks",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportPrograms_Code",
                table: "SupportPrograms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportTranches_ApplicationId_Number",
                table: "SupportTranches",
                columns: new[] { "ApplicationId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportBudgets");

            migrationBuilder.DropTable(
                name: "SupportDocuments");

            migrationBuilder.DropTable(
                name: "SupportHistory");

            migrationBuilder.DropTable(
                name: "SupportItems");

            migrationBuilder.DropTable(
                name: "SupportProductLinks");

            migrationBuilder.DropTable(
                name: "SupportTranches");

            migrationBuilder.DropTable(
                name: "SupportApplications");

            migrationBuilder.DropTable(
                name: "SupportCalls");

            migrationBuilder.DropTable(
                name: "SupportPrograms");
        }
    }
}
