using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Consent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PurposeCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Fields = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentReceipts_UserId_RecipientId_PurposeCode",
                table: "ConsentReceipts",
                columns: new[] { "UserId", "RecipientId", "PurposeCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentReceipts");
        }
    }
}
