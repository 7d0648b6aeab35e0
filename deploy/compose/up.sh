#!/usr/bin/env bash
# One command for the compose demo: builds the backend jar (with both web apps) and brings up the stack.
#   bash deploy/compose/up.sh            (demo secrets from demo.env)
#   HEIMA_ENV_FILE=/secure/heima.env bash deploy/compose/up.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests package -pl backend -am
exec docker compose -f deploy/compose/compose.yaml --env-file "${HEIMA_ENV_FILE:-deploy/compose/demo.env}" up -d --build
