#!/usr/bin/env bash
# The long API fuzz run: every route of the gateway's OpenAPI document, at least 2,000 cases
# each (FUZZ_RUNS), against every service on real PostgreSQL and NATS (Testcontainers when a
# Docker engine answers, the local services otherwise). Writes test/fuzz/results/fuzz-long.{md,json}.
# FUZZ_SEED repeats a run; FUZZ_ROUTE (operation ids) and FUZZ_PATH (fast-check's path) replay a
# counterexample; FUZZ_CONCURRENCY sets how many routes are fuzzed at once (3).
source "$(dirname "$0")/lib.sh"
ensure_dependencies
cd "$ROOT"
if ! docker info >/dev/null 2>&1; then bash infra/scripts/ensure-infrastructure.sh; fi
export FUZZ_MODE=long
timeout --kill-after=15s "${FUZZ_TIMEOUT:-4h}" "$NODE" node_modules/.bin/jest --ci --forceExit --runInBand \
  --testPathPatterns 'test/fuzz/api-fuzz\.e2e\.spec\.ts$' "$@"
