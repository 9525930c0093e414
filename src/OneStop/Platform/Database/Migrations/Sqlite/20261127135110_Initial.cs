using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Facet = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description_ZhCn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description_ZhHk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    PledgedWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExternalUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Usage = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body_En = table.Column<string>(type: "TEXT", nullable: false),
                    Body_ZhCn = table.Column<string>(type: "TEXT", nullable: false),
                    Body_ZhHk = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml_En = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml_ZhCn = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml_ZhHk = table.Column<string>(type: "TEXT", nullable: false),
                    Eligibility_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Eligibility_ZhCn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Eligibility_ZhHk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fees_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fees_ZhCn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fees_ZhHk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Summary_ZhCn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Summary_ZhHk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Services_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceCategories",
                columns: table => new
                {
                    CategoriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServicesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCategories", x => new { x.CategoriesId, x.ServicesId });
                    table.ForeignKey(
                        name: "FK_ServiceCategories_Categories_CategoriesId",
                        column: x => x.CategoriesId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceCategories_Services_ServicesId",
                        column: x => x.ServicesId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CatalogueRevisions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Slug",
                table: "Categories",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_ServicesId",
                table: "ServiceCategories",
                column: "ServicesId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_DepartmentId_Status",
                table: "Services",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Services_Slug",
                table: "Services",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueRevisions");

            migrationBuilder.DropTable(
                name: "ServiceCategories");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "Services");

            migrationBuilder.DropTable(
                name: "Departments");
        }
    }
}
