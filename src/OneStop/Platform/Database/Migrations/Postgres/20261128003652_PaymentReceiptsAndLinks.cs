using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentReceiptsAndLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentLinkItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ReferencePattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Description_En = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Description_ZhCn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Description_ZhHk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReferenceLabel_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferenceLabel_ZhCn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferenceLabel_ZhHk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title_ZhCn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title_ZhHk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentLinkItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinkItems_Code",
                table: "PaymentLinkItems",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentLinkItems_DepartmentCode_Code",
                table: "PaymentLinkItems",
                columns: new[] { "DepartmentCode", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentLinkItems");
        }
    }
}
