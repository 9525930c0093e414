using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseApplicants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AmendmentMessage",
                table: "FormDraft",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AmendsSubmissionId",
                table: "FormDraft",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SubmissionRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    AnswersHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionRevisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormDraft_AmendsSubmissionId",
                table: "FormDraft",
                column: "AmendsSubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionRevisions_SubmissionId_Revision",
                table: "SubmissionRevisions",
                columns: new[] { "SubmissionId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmissionRevisions");

            migrationBuilder.DropIndex(
                name: "IX_FormDraft_AmendsSubmissionId",
                table: "FormDraft");

            migrationBuilder.DropColumn(
                name: "AmendmentMessage",
                table: "FormDraft");

            migrationBuilder.DropColumn(
                name: "AmendsSubmissionId",
                table: "FormDraft");
        }
    }
}
