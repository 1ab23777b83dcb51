# Shared helpers for scripts/run and scripts/test. Sourced, not executed.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

as_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
  as_root || die "missing $* and not root: install it (Debian: apt-get install $*)"
  if [ -z "${HEP_APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    HEP_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH"
}

# node_modules holds third-party front-end files and fonts; restored from npm, never committed.
ensure_node_modules() {
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -f "$REPO_ROOT/node_modules/.package-lock.json" ] || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
    say "Restoring front-end packages (npm ci)…"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# Directory holding initdb/pg_ctl; installs Debian's postgresql when missing and we are root.
pg_bindir() {
  local d
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"; return
  fi
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$d" ]; then
    say "Installing PostgreSQL (Debian package postgresql)…"
    apt_install postgresql
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  fi
  [ -x "$d/initdb" ] || die "PostgreSQL server binaries not found"
  echo "$d"
}

# initdb and pg_ctl refuse to run as root: run them as 'postgres' then.
pg_as_owner() {
  if as_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

docker_engine_up() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }
