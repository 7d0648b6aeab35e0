#!/usr/bin/env bash
# Heima with its built-in defaults: builds (without tests) when the sources changed, then starts an
# embedded PostgreSQL (data in .heima-data/), the local login provider with demo users, an in-memory
# FHIR server and the backend serving both apps. Ports: HEIMA_PORT (8080), HEIMA_IDP_PORT (9000),
# HEIMA_FHIR_PORT (8090). Set HEIMA_DB_URL=postgresql://host:port/db to use a real PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
jar=deploy/local/target/heima-local.jar
# build only when the jar is missing or a file of the checkout is newer than it (a fresh clone, an
# edit, a pull); the build's own output and the local run's data do not count
if [ ! -f "$jar" ] || [ -n "$(find . \( -name target -o -name node_modules -o -name dist -o -name .git \
    -o -name .heima-data \) -prune -o -type f ! -name '*.log' -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests install
fi
exec java ${HEIMA_JAVA_OPTS:-} -jar deploy/local/target/heima-local.jar
