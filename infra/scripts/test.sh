#!/usr/bin/env bash
# The whole test suite: type check, then unit, integration and end-to-end specs on real
# PostgreSQL and NATS (Testcontainers when a Docker engine answers, local services otherwise).
source "$(dirname "$0")/lib.sh"
ensure_dependencies
cd "$ROOT"
if ! docker info >/dev/null 2>&1; then bash infra/scripts/ensure-infrastructure.sh; fi
log "type checking, lint and formatting"
"$NODE" node_modules/.bin/tsc -p tsconfig.json --noEmit
"$NODE" node_modules/.bin/eslint .
"$NODE" node_modules/.bin/prettier --check "libs/**/*.ts" "services/**/*.ts" "test/**/*.ts" "tools/**/*.ts" >/dev/null \
  || die "formatting differs from Prettier: run node_modules/.bin/prettier --write on the files above"
# The scheduler end-to-end spec runs real scheduler processes (to SIGKILL them), from dist/.
bash infra/scripts/build.sh
log "running the specs"
mkdir -p .run
status=0
"$NODE" node_modules/.bin/jest --ci --json --outputFile=.run/jest-results.json "$@" || status=$?
"$NODE" -e '
  const r = require("./.run/jest-results.json");
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' || true
exit "$status"
