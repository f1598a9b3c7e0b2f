using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CallFlow.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCallMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "DurationMs",
                table: "StepEvents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FlowVersionId",
                table: "Calls",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_BusinessId_FlowVersionId_StartedAt",
                table: "Calls",
                columns: new[] { "BusinessId", "FlowVersionId", "StartedAt" });

            // Calls saved before the column existed carry their flow version in the context only.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("UPDATE \"Calls\" SET \"FlowVersionId\" = json_extract(\"Context\", '$.conversation.flowVersionId') WHERE json_valid(\"Context\");");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Calls_BusinessId_FlowVersionId_StartedAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "DurationMs",
                table: "StepEvents");

            migrationBuilder.DropColumn(
                name: "FlowVersionId",
                table: "Calls");
        }
    }
}
