using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HepBuilder.Data.Migrations
{
    /// <summary>
    /// Issue 19. The model change: clinics.require_two_factor_for_everyone (a clinic may require two-factor sign-in of
    /// all its users; admins already need it by default, and existing clinics are switched to that default here).
    /// The rest is tamper evidence for the audit trail, in SQL: TRUNCATE is refused like UPDATE and DELETE, and each
    /// clinic's rows form a hash chain. A BEFORE INSERT trigger gives every row its position in the clinic's chain
    /// (chain_seq), the previous row's hash (prev_hash) and its own hash (row_hash = SHA-256 of prev_hash and the row's
    /// fields); a per-clinic advisory lock, held to commit, keeps concurrent inserts from forking the chain.
    /// HepBuilder.Web's AuditChain recomputes the hashes independently. Existing rows are chained in id order here.
    /// Roles and grants are not here: they depend on the deployment (Infrastructure/Startup/DatabaseRoles.cs).
    /// </summary>
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "require_two_factor_for_everyone",
                table: "clinics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""
                ALTER TABLE audit_events ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN row_hash bytea;

                CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value) || ':' || value END
                $$;

                -- The fields in a fixed order, each length-prefixed so no two rows can render alike.
                CREATE FUNCTION audit_event_payload(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
                    SELECT concat_ws('|', audit_field(e.chain_seq::text), audit_field(e.clinic_id::text), audit_field(e.id::text),
                        audit_field(e.user_id), audit_field(e.user_name), audit_field(e.action), audit_field(e.entity_type),
                        audit_field(e.entity_id), audit_field(e.patient_id::text), audit_field(e.details::text),
                        audit_field(e.ip_address),
                        audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
                $$;

                CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE last record;
                BEGIN
                    PERFORM pg_advisory_xact_lock(7243, hashtext(NEW.clinic_id::text));
                    SELECT chain_seq, row_hash INTO last FROM audit_events
                        WHERE clinic_id = NEW.clinic_id AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
                    NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
                    NEW.prev_hash := coalesce(last.row_hash, decode(repeat('00', 32), 'hex'));
                    NEW.row_hash := sha256(NEW.prev_hash || convert_to(audit_event_payload(NEW), 'UTF8'));
                    RETURN NEW;
                END $$;

                ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
                DO $$
                DECLARE r audit_events; prev bytea; clinic uuid; seq bigint;
                BEGIN
                    FOR r IN SELECT * FROM audit_events ORDER BY clinic_id, id LOOP
                        IF clinic IS DISTINCT FROM r.clinic_id THEN
                            clinic := r.clinic_id; seq := 0; prev := decode(repeat('00', 32), 'hex');
                        END IF;
                        seq := seq + 1;
                        r.chain_seq := seq;
                        UPDATE audit_events SET chain_seq = seq, prev_hash = prev,
                               row_hash = sha256(prev || convert_to(audit_event_payload(r), 'UTF8'))
                         WHERE id = r.id RETURNING row_hash INTO prev;
                    END LOOP;
                END $$;
                ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;

                CREATE UNIQUE INDEX ix_audit_events_clinic_id_chain_seq ON audit_events (clinic_id, chain_seq);
                CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
                    FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
                CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                REVOKE TRUNCATE ON audit_events FROM PUBLIC;

                UPDATE clinics SET require_admin_two_factor = true;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
                DROP TRIGGER IF EXISTS audit_events_chain ON audit_events;
                DROP FUNCTION IF EXISTS audit_events_chain();
                DROP FUNCTION IF EXISTS audit_event_payload(audit_events);
                DROP FUNCTION IF EXISTS audit_field(text);
                DROP INDEX IF EXISTS ix_audit_events_clinic_id_chain_seq;
                ALTER TABLE audit_events DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN row_hash;
                """);
            migrationBuilder.DropColumn(
                name: "require_two_factor_for_everyone",
                table: "clinics");
        }
    }
}
