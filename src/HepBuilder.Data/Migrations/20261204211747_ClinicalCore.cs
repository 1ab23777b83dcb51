using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HepBuilder.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicalCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "safety_text",
                table: "clinics");

            migrationBuilder.AddColumn<int>(
                name: "dose_duration_minutes",
                table: "template_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dose_goal_minutes",
                table: "template_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dose_weekly_add_minutes",
                table: "template_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "saved_by_id",
                table: "program_versions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "dose_duration_minutes",
                table: "program_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dose_goal_minutes",
                table: "program_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dose_weekly_add_minutes",
                table: "program_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "clinician_notes",
                table: "exercises",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int>(
                name: "default_dose_duration_minutes",
                table: "exercises",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "default_dose_goal_minutes",
                table: "exercises",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "default_dose_weekly_add_minutes",
                table: "exercises",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "has_dose_numbers",
                table: "exercises",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "call_us_text",
                table: "clinics",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "A fever or chills\nA wound that is red, swollen, leaking or opening\nPain or swelling in your calf\nMuch worse pain, or pain not eased by rest\nNew numbness or tingling down a leg\nA fall");

            migrationBuilder.AddColumn<string>(
                name: "emergency_number",
                table: "clinics",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "911");

            migrationBuilder.AddColumn<string>(
                name: "emergency_text",
                table: "clinics",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "New trouble controlling your bladder or bowels\nNumbness in your groin, buttocks or inner thighs\nSudden or quickly worsening weakness in a leg\nChest pain or trouble breathing");

            // Who saved a draft last was read from the audit trail; it is a column now, filled once from that trail.
            migrationBuilder.Sql("""
                UPDATE program_versions v SET saved_by_id = (
                    SELECT a.user_id FROM audit_events a
                    WHERE a.entity_type = 'Program' AND a.entity_id = v.program_id::text AND a.action = 'program.saved'
                    ORDER BY a.id DESC LIMIT 1)
                WHERE v.state = 'Draft';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dose_duration_minutes",
                table: "template_items");

            migrationBuilder.DropColumn(
                name: "dose_goal_minutes",
                table: "template_items");

            migrationBuilder.DropColumn(
                name: "dose_weekly_add_minutes",
                table: "template_items");

            migrationBuilder.DropColumn(
                name: "saved_by_id",
                table: "program_versions");

            migrationBuilder.DropColumn(
                name: "dose_duration_minutes",
                table: "program_items");

            migrationBuilder.DropColumn(
                name: "dose_goal_minutes",
                table: "program_items");

            migrationBuilder.DropColumn(
                name: "dose_weekly_add_minutes",
                table: "program_items");

            migrationBuilder.DropColumn(
                name: "clinician_notes",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "default_dose_duration_minutes",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "default_dose_goal_minutes",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "default_dose_weekly_add_minutes",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "has_dose_numbers",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "call_us_text",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "emergency_number",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "emergency_text",
                table: "clinics");

            migrationBuilder.AddColumn<string>(
                name: "safety_text",
                table: "clinics",
                type: "character varying(600)",
                maxLength: 600,
                nullable: false,
                defaultValue: "");
        }
    }
}
