using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Prefill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormDraftPrefills",
                columns: table => new
                {
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConsentReceiptId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FilledFields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LockedFields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LockedValues = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDraftPrefills", x => x.DraftId);
                    table.ForeignKey(
                        name: "FK_FormDraftPrefills_FormDraft_DraftId",
                        column: x => x.DraftId,
                        principalTable: "FormDraft",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormDraftPrefills");
        }
    }
}
