#!/usr/bin/env bash
# PostgreSQL and NATS with JetStream on this machine: use them if they run, start them if they
# are installed, install them from Debian packages if they are not. With --no-shared-nats
# (the local start, which runs a nats-server of its own) NATS is only installed, not started.
source "$(dirname "$0")/lib.sh"

ensure_postgres() {
  if port_open "$PGHOST_ADDR" "$PGPORT_NUM"; then return 0; fi
  local fresh=0
  if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fresh=1; fi
  local version
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  [ -n "$version" ] || die "PostgreSQL is installed but has no cluster in /etc/postgresql"
  if [ "$fresh" = 1 ]; then
    # A development machine: local TCP connections as postgres without a password.
    echo "host all all 127.0.0.1/32 trust" | as_root tee -a "/etc/postgresql/$version/main/pg_hba.conf" >/dev/null
  fi
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for_port "$PGHOST_ADDR" "$PGPORT_NUM" PostgreSQL
}

ensure_nats_installed() {
  command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || apt_install nats-server
}

ensure_nats() {
  if port_open 127.0.0.1 "$NATS_PORT"; then return 0; fi
  ensure_nats_installed
  local bin
  bin="$(nats_server_bin)"
  as_root mkdir -p /var/lib/nats-server
  log "starting NATS with JetStream"
  as_root start-stop-daemon --start --oknodo --background --exec "$bin" -- \
    -a 127.0.0.1 -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  wait_for_port 127.0.0.1 "$NATS_PORT" NATS
}

ensure_database() {
  local name=$1
  command -v psql >/dev/null || return 0
  if ! psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" postgres | grep -q 1; then
    log "creating database $name"
    psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres -qc "CREATE DATABASE $name" postgres
  fi
}

ensure_postgres
if [ "${1:-}" = "--no-shared-nats" ]; then ensure_nats_installed; else ensure_nats; fi
ensure_database "${TNP_DATABASE:-telephony}"
