#!/bin/sh
# Runs once, when the db container starts on an empty volume (after 01-init.sql). Creates the app's two roles
# (src/HepBuilder.Web/Infrastructure/Startup/DatabaseRoles.cs): hep_owner owns the database and runs the migrations;
# hep_app, which the app serves as, owns nothing and may only add to and read the audit trail.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_pw="$HEP_OWNER_PASSWORD" -v app_pw="$HEP_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE hep_owner LOGIN CREATEDB PASSWORD %L', :'owner_pw') \gexec
SELECT format('CREATE ROLE hep_app LOGIN PASSWORD %L', :'app_pw') \gexec
ALTER DATABASE hepbuilder OWNER TO hep_owner;
ALTER SCHEMA public OWNER TO hep_owner;
SQL
