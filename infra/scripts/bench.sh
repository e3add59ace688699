#!/usr/bin/env bash
# The benchmark suite: every scenario against its baselines in one run, on this machine.
# Writes bench/results/bench-full.{json,md}; --quick runs small sizes (the test suite runs those).
source "$(dirname "$0")/lib.sh"
ensure_dependencies
bash "$ROOT/infra/scripts/ensure-infrastructure.sh"
bash "$ROOT/infra/scripts/build.sh"
cd "$ROOT"
TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" TEST_NATS_URL="${TEST_NATS_URL:-nats://127.0.0.1:4222}" \
  "$NODE" --max-old-space-size=4096 dist/bench/src/run-bench.js "$@"
