using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ReferencePattern = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description_ZhCn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description_ZhHk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReferenceLabel_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferenceLabel_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferenceLabel_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
