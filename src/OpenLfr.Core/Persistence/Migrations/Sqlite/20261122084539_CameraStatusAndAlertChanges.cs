using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenLfr.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Alerts stored before this migration last changed when they were raised, as far as the feed is concerned.
            migrationBuilder.Sql("UPDATE \"Alerts\" SET \"ChangedAtUtc\" = \"RaisedAtUtc\";");

            migrationBuilder.CreateTable(
                name: "CameraStatuses",
                columns: table => new
                {
                    CameraId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Healthy = table.Column<bool>(type: "INTEGER", nullable: false),
                    FpsIn = table.Column<double>(type: "REAL", nullable: false),
                    FpsProcessed = table.Column<double>(type: "REAL", nullable: false),
                    Dropped = table.Column<long>(type: "INTEGER", nullable: false),
                    Restarts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFrameUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
