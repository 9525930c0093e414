using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CounterCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SlotStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CollectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Address_En = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Address_ZhCn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Address_ZhHk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name_ZhHk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "CounterSlots",
                columns: table => new
                {
                    CounterCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounterSlots", x => new { x.CounterCode, x.Start });
                });

            migrationBuilder.CreateTable(
                name: "DocumentDeliveries",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    ChosenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CollectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentDeliveries", x => x.DocumentId);
                });

            migrationBuilder.CreateTable(
                name: "DocumentShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentShares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentSigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Thumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Certificate = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ProtectedKey = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotAfter = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentTemplates",
                columns: table => new
                {
                    ServiceSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTemplates", x => x.ServiceSlug);
                });

            migrationBuilder.CreateTable(
                name: "IssuedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ServiceSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicationReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", nullable: false),
                    MaskedHolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    SigningKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReminderDaysSent = table.Column<int>(type: "INTEGER", nullable: true),
                    IssueKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Title_ZhCn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Title_ZhHk = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Code",
                table: "Appointments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CounterCode_SlotStart",
                table: "Appointments",
                columns: new[] { "CounterCode", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_DocumentId",
                table: "Appointments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_HolderId_SlotStart",
                table: "Appointments",
                columns: new[] { "HolderId", "SlotStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Counters_DepartmentCode",
                table: "Counters",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentShares_DocumentId_CreatedAt",
                table: "DocumentShares",
                columns: new[] { "DocumentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentShares_TokenHash",
                table: "DocumentShares",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSigningKeys_DepartmentCode_CreatedAt",
                table: "DocumentSigningKeys",
                columns: new[] { "DepartmentCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSigningKeys_Thumbprint",
                table: "DocumentSigningKeys",
                column: "Thumbprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTemplates_DepartmentCode",
                table: "DocumentTemplates",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_CaseId",
                table: "IssuedDocuments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_DepartmentCode_IssuedAt",
                table: "IssuedDocuments",
                columns: new[] { "DepartmentCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_HolderId_IssuedAt",
                table: "IssuedDocuments",
                columns: new[] { "HolderId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_IssueKey",
                table: "IssuedDocuments",
                column: "IssueKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Number_Version",
                table: "IssuedDocuments",
                columns: new[] { "Number", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_Sha256",
                table: "IssuedDocuments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_State_ValidUntil",
                table: "IssuedDocuments",
                columns: new[] { "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_VerificationCode",
                table: "IssuedDocuments",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "CounterSlots");

            migrationBuilder.DropTable(
                name: "DocumentDeliveries");

            migrationBuilder.DropTable(
                name: "DocumentShares");

            migrationBuilder.DropTable(
                name: "DocumentSigningKeys");

            migrationBuilder.DropTable(
                name: "DocumentTemplates");

            migrationBuilder.DropTable(
                name: "IssuedDocuments");
        }
    }
}
