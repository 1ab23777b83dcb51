# A local PostgreSQL cluster under .data/pg for machines without Docker. Sourced by scripts/run.
# shellcheck shell=bash

HEP_PG_PORT="${HEP_PG_PORT:-5433}"
# scripts/load keeps a cluster of its own (HEP_PG_DIR=.data/pg-load) so its fault test stops no one else's database.
HEP_PG_DIR="${HEP_PG_DIR:-$REPO_ROOT/.data/pg}"
HEP_PG_PASSFILE="$HEP_PG_DIR-password"

start_local_db() {
  local bindir
  bindir=$(pg_bindir)
  mkdir -p "$REPO_ROOT/.data"
  if [ ! -f "$HEP_PG_DIR/PG_VERSION" ]; then
    say "Creating a local PostgreSQL cluster in ${HEP_PG_DIR#"$REPO_ROOT"/} (port $HEP_PG_PORT)…"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$HEP_PG_PASSFILE"; mkdir -p "$HEP_PG_DIR")
    if as_root; then chown postgres:postgres "$HEP_PG_DIR"; cp "$HEP_PG_PASSFILE" "$HEP_PG_DIR.pw"; chown postgres "$HEP_PG_DIR.pw"; fi
    pg_as_owner "$bindir/initdb" -D "$HEP_PG_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$( as_root && echo "$HEP_PG_DIR.pw" || echo "$HEP_PG_PASSFILE")" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$HEP_PG_DIR.pw"
  fi
  if ! pg_as_owner "$bindir/pg_ctl" -D "$HEP_PG_DIR" status >/dev/null 2>&1; then
    pg_as_owner "$bindir/pg_ctl" -D "$HEP_PG_DIR" -l "$HEP_PG_DIR/server.log" -w -t 30 \
      -o "-p $HEP_PG_PORT -c listen_addresses=127.0.0.1 -k $HEP_PG_DIR" start >/dev/null \
      || die "PostgreSQL did not start; see $HEP_PG_DIR/server.log"
  fi
  ensure_local_roles "$bindir"
  HEP_DB="Host=127.0.0.1;Port=$HEP_PG_PORT;Database=hepbuilder;Username=hepbuilder_app;Password=$(cat "$HEP_PG_DIR-app-password")"
  HEP_DB_OWNER="Host=127.0.0.1;Port=$HEP_PG_PORT;Database=hepbuilder;Username=hepbuilder_owner;Password=$(cat "$HEP_PG_DIR-owner-password")"
  # The cluster's superuser, for the benchmark tools that recreate and bulk-load a database (scripts/generate-dataset).
  HEP_DB_SUPERUSER="Host=127.0.0.1;Port=$HEP_PG_PORT;Database=hepbuilder;Username=postgres;Password=$(cat "$HEP_PG_PASSFILE")"
  export HEP_DB HEP_DB_OWNER HEP_DB_SUPERUSER
}

# The app's two roles (see src/HepBuilder.Web/Infrastructure/Startup/DatabaseRoles.cs): hepbuilder_owner owns the
# database and runs the migrations; hepbuilder_app, which the app serves as, owns nothing and may only add to and read
# the audit trail. A database left by an older version (owned by postgres) is handed to the owner role.
ensure_local_roles() {
  local bindir="$1" role pw
  for role in owner app; do
    [ -f "$HEP_PG_DIR-$role-password" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$HEP_PG_DIR-$role-password")
  done
  local_psql "$bindir" postgres -v owner_pw="$(cat "$HEP_PG_DIR-owner-password")" -v app_pw="$(cat "$HEP_PG_DIR-app-password")" <<'SQL' >/dev/null
SELECT format('CREATE ROLE hepbuilder_owner LOGIN CREATEDB PASSWORD %L', :'owner_pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hepbuilder_owner') \gexec
SELECT format('CREATE ROLE hepbuilder_app LOGIN PASSWORD %L', :'app_pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hepbuilder_app') \gexec
SELECT 'CREATE DATABASE hepbuilder OWNER hepbuilder_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'hepbuilder') \gexec
ALTER DATABASE hepbuilder OWNER TO hepbuilder_owner;
SQL
  local_psql "$bindir" hepbuilder <<'SQL' >/dev/null
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT format('ALTER TABLE public.%I OWNER TO hepbuilder_owner', tablename) AS s FROM pg_tables
           WHERE schemaname = 'public' AND tableowner <> 'hepbuilder_owner' LOOP EXECUTE r.s; END LOOP;
  FOR r IN SELECT format('ALTER FUNCTION %s OWNER TO hepbuilder_owner', p.oid::regprocedure) AS s FROM pg_proc p
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'hepbuilder_owner'
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP EXECUTE r.s; END LOOP;
END $$;
SQL
}

# psql as the cluster's superuser over its socket (trust), quietly, stopping at the first error.
local_psql() {
  local bindir="$1" db="$2"; shift 2
  pg_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$HEP_PG_DIR" -p "$HEP_PG_PORT" -U postgres -d "$db" "$@"
}

stop_local_db() {
  local bindir
  bindir=$(pg_bindir)
  [ -f "$HEP_PG_DIR/PG_VERSION" ] && pg_as_owner "$bindir/pg_ctl" -D "$HEP_PG_DIR" -m fast stop
}
