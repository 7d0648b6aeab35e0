#!/usr/bin/env bash
# Heima with its built-in defaults: builds (without tests) if needed, then starts an embedded
# PostgreSQL (data in .heima-data/), the local login provider with demo users, an in-memory FHIR
# server and the backend serving both apps. Ports: HEIMA_PORT (8080), HEIMA_IDP_PORT (9000),
# HEIMA_FHIR_PORT (8090). Set HEIMA_DB_URL=postgresql://host:port/db to use a real PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
exec java ${HEIMA_JAVA_OPTS:-} -jar deploy/local/target/heima-local.jar
