using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenLfr.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CameraStatusAndAlertChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAtUtc",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Alerts stored before this migration last changed when they were raised, as far as the feed is concerned.
            migrationBuilder.Sql("UPDATE \"Alerts\" SET \"ChangedAtUtc\" = \"RaisedAtUtc\";");

            migrationBuilder.CreateTable(
                name: "CameraStatuses",
                columns: table => new
                {
                    CameraId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Healthy = table.Column<bool>(type: "boolean", nullable: false),
                    FpsIn = table.Column<double>(type: "double precision", nullable: false),
                    FpsProcessed = table.Column<double>(type: "double precision", nullable: false),
                    Dropped = table.Column<long>(type: "bigint", nullable: false),
                    Restarts = table.Column<int>(type: "integer", nullable: false),
                    LastFrameUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CameraStatuses", x => x.CameraId);
                    table.ForeignKey(
                        name: "FK_CameraStatuses_Cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "Cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ChangedAtUtc",
                table: "Alerts",
                column: "ChangedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CameraStatuses_NodeId",
                table: "CameraStatuses",
                column: "NodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CameraStatuses");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ChangedAtUtc",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ChangedAtUtc",
                table: "Alerts");
        }
    }
}
