using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AmendsSubmissionId",
                table: "FormDraft",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SubmissionRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    AnswersHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedFields = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
