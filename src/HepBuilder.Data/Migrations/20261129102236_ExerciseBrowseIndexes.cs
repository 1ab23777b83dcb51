using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HepBuilder.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExerciseBrowseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_exercises_name_id",
                table: "exercises",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_status_clinic_id",
                table: "exercises",
                columns: new[] { "status", "clinic_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "body_region", "category", "position", "difficulty" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_exercises_name_id",
                table: "exercises");

            migrationBuilder.DropIndex(
                name: "ix_exercises_status_clinic_id",
                table: "exercises");
        }
    }
}
