# scripts/run backup FILE and scripts/run restore FILE [--force]: pg_dump / pg_restore of the app's database, wherever
# scripts/run finds it (HEP_DB, Docker's db service, or the local cluster). Sourced by scripts/run.
# shellcheck shell=bash

# The PG* environment of libpq tools from an Npgsql connection string ("Host=…;Port=…;Database=…;Username=…").
pg_env_from() {
  local cs="$1" pair key value pairs
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
  IFS=';' read -ra pairs <<<"$cs"
  for pair in "${pairs[@]}"; do
    key="${pair%%=*}"; key="${key// /}"; value="${pair#*=}"
    case "${key,,}" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|initialcatalog) export PGDATABASE="$value" ;;
      username|userid|user|userName) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
    esac
  done
}

# Sets BACKUP_TARGET: "docker" (the compose db service) or "libpq" (PG* set from HEP_DB_OWNER, else HEP_DB).
backup_target() {
  if [ -z "${HEP_DB:-}" ] && docker_engine_up; then
    (cd "$REPO_ROOT" && docker compose up -d --wait db >/dev/null)
    BACKUP_TARGET=docker; return
  fi
  [ -n "${HEP_DB:-}" ] || start_local_db
  pg_env_from "${HEP_DB_OWNER:-$HEP_DB}"
  BACKUP_TARGET=libpq
}

compose_db() { (cd "$REPO_ROOT" && docker compose exec -T db "$@"); }

backup_db() {
  local file="${1:-}"
  [ -n "$file" ] || die "usage: scripts/run backup FILE"
  backup_target
  if [ "$BACKUP_TARGET" = docker ]; then
    compose_db pg_dump -U hep_owner -d hepbuilder -Fc --no-comments > "$file" || die "pg_dump failed"
  else
    "$(pg_bindir)/pg_dump" -Fc --no-comments -f "$file" || die "pg_dump of $PGDATABASE on $PGHOST:${PGPORT:-5432} failed"
  fi
  say "Backed up the database to $file ($(du -h "$file" | cut -f1)). Keep it with a copy of the key-ring certificate, stored apart."
}

restore_db() {
  local file="" force="" arg tables bindir
  for arg in "$@"; do
    case "$arg" in --force) force=1 ;; *) file="$arg" ;; esac
  done
  [ -n "$file" ] || die "usage: scripts/run restore FILE [--force]"
  [ -f "$file" ] || die "$file does not exist"
  backup_target
  if [ "$BACKUP_TARGET" = docker ]; then
    tables=$(compose_db psql -U hep_owner -d hepbuilder -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  else
    bindir=$(pg_bindir)
    local db="$PGDATABASE"
    if [ -z "$(PGDATABASE=postgres "$bindir/psql" -X -tAc "SELECT 1 FROM pg_database WHERE datname = '${db//\'/\'\'}'")" ]; then
      PGDATABASE=postgres "$bindir/createdb" "$db" || die "could not create database $db"
    fi
    tables=$("$bindir/psql" -X -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") || die "cannot reach database $db"
  fi
  if [ "${tables:-0}" -gt 0 ] && [ -z "$force" ]; then
    die "the database is not empty ($tables tables): restoring would overwrite it. Stop the app, then run again with --force to replace it."
  fi
  local options=(--no-owner --no-privileges --exit-on-error)
  [ "${tables:-0}" -gt 0 ] && options+=(--clean --if-exists)
  if [ "$BACKUP_TARGET" = docker ]; then
    compose_db pg_restore -U hep_owner -d hepbuilder "${options[@]}" < "$file" || die "pg_restore failed"
  else
    "$bindir/pg_restore" "${options[@]}" -d "$PGDATABASE" "$file" || die "pg_restore into $PGDATABASE failed"
  fi
  say "Restored $file. Start the app (scripts/run) with the same key-ring certificate; scripts/run verify-audit checks the audit trail."
}
