#!/usr/bin/env bash
# Search page latency over HTTP with wrk, signed in, against a running app (scripts/run in Release).
#   bench/HepBuilder.SearchBench/page-bench.sh http://127.0.0.1:5094 admin@example.org 'password' [connections] [seconds]
set -euo pipefail
base=$1 email=$2 password=$3 connections=${4:-2} seconds=${5:-30}
here=$(cd "$(dirname "$0")" && pwd)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/Identity/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n1)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login")
[ "$status" = 302 ] || { echo "sign-in failed ($status)" >&2; exit 1; }
# curl marks HttpOnly cookies (the auth cookie is one) with a "#HttpOnly_" prefix in its jar.
cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
# Warm-up (JIT, pools, plan caches), then the measured run.
wrk -t1 -c1 -d5s -s "$here/library-page.lua" -H "Cookie: $cookie" "$base" >/dev/null
wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" -s "$here/library-page.lua" -H "Cookie: $cookie" "$base"
