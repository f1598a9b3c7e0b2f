using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallFlow.Web.Data.Migrations
{
    /// <summary>
    /// CalendarRevisions and the triggers that keep them (see <see cref="CallFlow.Web.Calendar.CalendarRevision"/>): an
    /// appointment or a hold inserted or updated bumps its business's counter, created at 1 on the first.
    /// </summary>
    public partial class AddCalendarRevision : Migration
    {
        private static readonly (string Trigger, string Table, string When)[] Triggers =
        [
            ("Appointments_CalendarRevision_Insert", "Appointments", "INSERT"),
            ("Appointments_CalendarRevision_Update", "Appointments", "UPDATE"),
            ("SlotHolds_CalendarRevision_Insert", "SlotHolds", "INSERT"),
            ("SlotHolds_CalendarRevision_Update", "SlotHolds", "UPDATE"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarRevisions",
                columns: table => new
                {
                    BusinessId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarRevisions", x => x.BusinessId);
                });

            foreach (var (trigger, table, when) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}" AFTER {when} ON "{table}"
                    BEGIN
                        INSERT INTO "CalendarRevisions" ("BusinessId", "Revision") VALUES (NEW."BusinessId", 1)
                        ON CONFLICT ("BusinessId") DO UPDATE SET "Revision" = "Revision" + 1;
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (trigger, _, _) in Triggers)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            }

            migrationBuilder.DropTable(
                name: "CalendarRevisions");
        }
    }
}
