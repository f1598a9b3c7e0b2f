using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallFlow.Web.Data.Migrations
{
    /// <summary>
    /// Businesses.Revision and the triggers that keep it (see <see cref="CallFlow.Web.Businesses.RevisionTriggers"/>):
    /// any update of a business row that leaves the revision alone, and any service added, changed or removed, bumps it.
    /// </summary>
    public partial class AddBusinessRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Businesses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("""
                CREATE TRIGGER "Businesses_Revision" AFTER UPDATE ON "Businesses" WHEN NEW."Revision" = OLD."Revision"
                BEGIN UPDATE "Businesses" SET "Revision" = OLD."Revision" + 1 WHERE "Id" = NEW."Id"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Services_Revision_Insert" AFTER INSERT ON "Services"
                BEGIN UPDATE "Businesses" SET "Revision" = "Revision" + 1 WHERE "Id" = NEW."BusinessId"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Services_Revision_Update" AFTER UPDATE ON "Services"
                BEGIN UPDATE "Businesses" SET "Revision" = "Revision" + 1 WHERE "Id" IN (OLD."BusinessId", NEW."BusinessId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Services_Revision_Delete" AFTER DELETE ON "Services"
                BEGIN UPDATE "Businesses" SET "Revision" = "Revision" + 1 WHERE "Id" = OLD."BusinessId"; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Services_Revision_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Services_Revision_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Services_Revision_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "Businesses_Revision";""");
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Businesses");
        }
    }
}
