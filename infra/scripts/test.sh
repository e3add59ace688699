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
"$NODE" node_modules/.bin/prettier --check "libs/**/*.ts" "services/**/*.ts" "test/**/*.ts" "tools/**/*.ts" "faults/**/*.ts" "examples/**/*.ts" >/dev/null \
  || die "formatting differs from Prettier: run node_modules/.bin/prettier --write on the files above"
# The scheduler end-to-end spec runs real scheduler processes (to SIGKILL them), from dist/.
bash infra/scripts/build.sh
log "running the specs"
mkdir -p .run
status=0
# Unit and integration specs in parallel; the end-to-end specs, which each run every service,
# one at a time so they stay within PostgreSQL's connection limit.
# Each run is bounded: a stuck spec ends the run with a non-zero exit instead of hanging CI.
bounded() { timeout --kill-after=15s "$1" "${@:2}"; }
bounded 900s "$NODE" node_modules/.bin/jest --ci --forceExit --json --outputFile=.run/jest-specs.json --testPathIgnorePatterns '\.e2e\.spec\.ts$' "$@" || status=$?
bounded 900s "$NODE" node_modules/.bin/jest --ci --forceExit --json --outputFile=.run/jest-e2e.json --runInBand --testPathPatterns '\.e2e\.spec\.ts$' "$@" || status=$?
[ "$status" -eq 124 ] && log "a jest run exceeded its time limit and was stopped"
"$NODE" -e '
  const runs = ["./.run/jest-specs.json", "./.run/jest-e2e.json"].map((f) => { try { return require(f); } catch { return { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 }; } });
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
' || true
exit "$status"
