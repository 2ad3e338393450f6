using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenLfr.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "Subjects",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppropriatePolicyDocumentReference",
                table: "Deployments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ArrestAlerts",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DpiaReference",
                table: "Deployments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImmediateAlerts",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IntelligenceOnlyAlerts",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StandaloneConfirmed",
                table: "Deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "Alerts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "AppropriatePolicyDocumentReference",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "ArrestAlerts",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "DpiaReference",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "ImmediateAlerts",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "IntelligenceOnlyAlerts",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "StandaloneConfirmed",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "Alerts");
        }
    }
}
