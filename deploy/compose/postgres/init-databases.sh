#!/usr/bin/env bash
# First start of the compose PostgreSQL only: one database per service, and for Heima two roles, so the
# running application cannot change the schema (heima_owner runs Flyway; heima_app reads and writes rows).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres \
  -v owner_pw="$HEIMA_OWNER_DB_PASSWORD" -v app_pw="$HEIMA_APP_DB_PASSWORD" \
  -v kc_pw="$KEYCLOAK_DB_PASSWORD" -v hapi_pw="$HAPI_DB_PASSWORD" <<'SQL'
CREATE ROLE heima_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE heima_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE heima OWNER heima_owner;
CREATE ROLE keycloak LOGIN PASSWORD :'kc_pw';
CREATE DATABASE keycloak OWNER keycloak;
CREATE ROLE hapi LOGIN PASSWORD :'hapi_pw';
CREATE DATABASE hapi OWNER hapi;
\connect heima
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO heima_app;
ALTER SCHEMA public OWNER TO heima_owner;
-- every table and sequence the migrations create is usable by the app role, and nothing more
ALTER DEFAULT PRIVILEGES FOR ROLE heima_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO heima_app;
ALTER DEFAULT PRIVILEGES FOR ROLE heima_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO heima_app;
SQL
