#!/usr/bin/env bash
# The fault suite: every service as its own process on a private PostgreSQL cluster and
# nats-server, under a mixed load, through kill -9, a NATS outage, a PostgreSQL restart, a lost
# leader lock and a poison message. Writes faults/results/faults-{full,quick}.{md,json}.
source "$(dirname "$0")/lib.sh"
ensure_dependencies
command -v nats-server >/dev/null || die "nats-server is needed (the suite starts a private one): run infra/scripts/ensure-infrastructure.sh"
[ -x /usr/lib/postgresql/15/bin/initdb ] || die "PostgreSQL 15 binaries are needed (the suite starts a private cluster): run infra/scripts/ensure-infrastructure.sh"
bash "$ROOT/infra/scripts/build.sh"
cd "$ROOT"
timeout --kill-after=15s 1500s "$NODE" dist/faults/src/run-faults.js "$@"
