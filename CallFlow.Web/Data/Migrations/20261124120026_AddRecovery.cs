using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallFlow.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRecovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "FollowUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "FollowUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "CallbackRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "CallbackRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAttemptAt",
                table: "CallbackRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "CallbackRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutboundCallId",
                table: "CallbackRequests",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CallbackRequests",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotificationNumber",
                table: "Businesses",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recovery",
                table: "Businesses",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "OutgoingTexts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1600, nullable: true),
                    AppointmentId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AppointmentStartUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CarrierSid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingTexts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackRequests_OutboundCallId",
                table: "CallbackRequests",
                column: "OutboundCallId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingTexts_AppointmentId",
                table: "OutgoingTexts",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingTexts_Status_DueAt",
                table: "OutgoingTexts",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutgoingTexts");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_Status_DueAt",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_CallbackRequests_OutboundCallId",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "LastAttemptAt",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "OutboundCallId",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "NotificationNumber",
                table: "Businesses");

            migrationBuilder.DropColumn(
                name: "Recovery",
                table: "Businesses");
        }
    }
}
