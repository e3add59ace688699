# Shared helpers for the project's scripts. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE="$ROOT/node_modules/.bin/node"
PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT_NUM="${PGPORT_NUM:-5432}"
NATS_PORT="${NATS_PORT:-4222}"
# The local start's own nats-server (with authentication; ADR 0015), beside the shared one on NATS_PORT.
TNP_NATS_PORT="${TNP_NATS_PORT:-4223}"

log() { printf '\033[1;34m[tnp]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tnp]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() {
  local host=$1 port=$2 name=$3
  for _ in $(seq 1 60); do port_open "$host" "$port" && return 0; sleep 0.5; done
  die "$name did not come up on $host:$port"
}

nats_server_bin() { command -v nats-server || echo /usr/sbin/nats-server; }

apt_install() {
  log "installing $* from Debian packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Node 24 comes from the npm package `node`, so no system change is needed; npm ci brings it.
ensure_dependencies() {
  cd "$ROOT"
  if [ ! -x "$NODE" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    command -v npm >/dev/null || apt_install npm
    # Not `npm ci`: the registry mirror lacks some other-platform optional binaries, which npm
    # then leaves out of the lock file, and `npm ci` refuses such a lock. `npm install` keeps it.
    log "installing dependencies (npm install from package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
  fi
  "$NODE" --version | grep -q '^v24\.' || die "expected Node 24 in node_modules/.bin/node, got $("$NODE" --version)"
}
