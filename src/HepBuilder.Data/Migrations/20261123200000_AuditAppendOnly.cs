using HepBuilder.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HepBuilder.Data.Migrations
{
    /// <summary>
    /// The audit trail is append-only for every database role the app may use (owner included): a trigger rejects
    /// UPDATE and DELETE. Written by hand: it changes no model, only adds database behaviour.
    /// </summary>
    [DbContext(typeof(HepDbContext))]
    [Migration("20261123200000_AuditAppendOnly")]
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
                REVOKE UPDATE, DELETE ON audit_events FROM PUBLIC;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
                DROP FUNCTION IF EXISTS audit_events_append_only();
                """);
        }
    }
}
