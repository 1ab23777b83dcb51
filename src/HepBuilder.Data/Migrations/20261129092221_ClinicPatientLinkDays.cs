using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HepBuilder.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicPatientLinkDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "patient_link_days",
                table: "clinics",
                type: "integer",
                nullable: false,
                defaultValue: 180);

            migrationBuilder.AddCheckConstraint(
                name: "ck_clinics_patient_link_days",
                table: "clinics",
                sql: "patient_link_days BETWEEN 14 AND 730");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_clinics_patient_link_days",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "patient_link_days",
                table: "clinics");
        }
    }
}
