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
  HEP_DB="Host=127.0.0.1;Port=$HEP_PG_PORT;Database=hepbuilder;Username=postgres;Password=$(cat "$HEP_PG_PASSFILE")"
  export HEP_DB
}

stop_local_db() {
  local bindir
  bindir=$(pg_bindir)
  [ -f "$HEP_PG_DIR/PG_VERSION" ] && pg_as_owner "$bindir/pg_ctl" -D "$HEP_PG_DIR" -m fast stop
}
