#!/usr/bin/env bash
# Stops the services that start.sh started (graceful: SIGTERM drains NATS first), then its nats-server.
source "$(dirname "$0")/lib.sh"
for pidfile in "$ROOT"/.run/*.pid "$ROOT"/.run/nats/nats.pid; do
  [ -e "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    [ "${1:-}" = "--quiet" ] || log "stopped $(basename "$pidfile" .pid)"
  fi
  rm -f "$pidfile"
done
