#!/usr/bin/env bash
# Starts the whole system locally: infrastructure, a build, a nats-server of its own with the
# platform's users and permissions (ADR 0015), every service on its own NATS user; prints where to call.
source "$(dirname "$0")/lib.sh"
ensure_dependencies
# PostgreSQL; the shared NATS on $NATS_PORT (no authentication, the tests' one) is left alone.
bash "$ROOT/infra/scripts/ensure-infrastructure.sh" --no-shared-nats
bash "$ROOT/infra/scripts/stop.sh" --quiet
bash "$ROOT/infra/scripts/build.sh"

RUN="$ROOT/.run"
mkdir -p "$RUN/nats"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/telephony}"
export NATS_URL="nats://127.0.0.1:$TNP_NATS_PORT"
GATEWAY_PORT="${HTTP_PORT:-3000}"
AUTH_CONF="deploy/k8s/base/nats/auth.conf"

password_variable() { echo "TNP_NATS_PASSWORD_$(echo "$1" | tr 'a-z-' 'A-Z_')"; }

# The same authorization file as Kubernetes, rendered from the permission table; the passwords are
# development-only defaults unless TNP_NATS_PASSWORD_<USER> is set.
start_nats() {
  "$NODE" "$ROOT/dist/tools/nats-auth-config.js" --check "$ROOT/$AUTH_CONF" \
    || die "$AUTH_CONF is stale: node dist/tools/nats-auth-config.js --out $AUTH_CONF"
  local user variable
  while read -r user variable; do
    [ -n "${!variable:-}" ] || export "$variable=development-only-$user-password"
  done < <("$NODE" "$ROOT/dist/tools/nats-auth-config.js" --users)
  port_open 127.0.0.1 "$TNP_NATS_PORT" && die "port $TNP_NATS_PORT is taken; set TNP_NATS_PORT to a free one"
  cat >"$RUN/nats/nats.conf" <<CONF
# Written by infra/scripts/start.sh: the local start's own nats-server.
listen: 127.0.0.1:$TNP_NATS_PORT
jetstream { store_dir: "$RUN/nats/jetstream" }
include "../../$AUTH_CONF"
CONF
  log "starting NATS with JetStream and authentication on $TNP_NATS_PORT (log: .run/nats/nats.log)"
  nohup "$(nats_server_bin)" -c "$RUN/nats/nats.conf" -l "$RUN/nats/nats.log" >/dev/null 2>&1 &
  echo $! >"$RUN/nats/nats.pid"
  wait_for_port 127.0.0.1 "$TNP_NATS_PORT" "NATS (see .run/nats/nats.log)"
}

start_service() {
  local name=$1 port=$2 variable
  variable="$(password_variable "$name")"
  log "starting $name (logs: .run/$name.log)"
  HTTP_PORT="$port" NATS_USER="$name" NATS_PASSWORD="${!variable}" \
    nohup "$NODE" "$ROOT/dist/services/$name/src/main.js" >"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

start_nats

SERVICES="number-inventory:3101 assignment:3102 fax:3103 extension-device:3104 call-flow:3105 scheduler:3106 gateway:$GATEWAY_PORT"
for service in $SERVICES; do start_service "${service%%:*}" "${service##*:}"; done

for service in $SERVICES; do
  name=${service%%:*} port=${service##*:}
  for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || { tail -20 "$RUN/$name.log" >&2; die "$name exited during start"; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || die "$name is not ready; see .run/$name.log"
done

TOKEN="$("$NODE" "$ROOT/dist/tools/mint-token.js" --role platform --expires 12h)"
cat <<MSG

  The telephony number platform is running.

  API:      http://127.0.0.1:$GATEWAY_PORT   (OpenAPI: http://127.0.0.1:$GATEWAY_PORT/openapi.json)
  NATS:     $NATS_URL   (users and permissions: ADR 0015; read events as events-reader,
            password \$$(password_variable events-reader), inbox prefix _INBOX.events-reader)
  Token:    $TOKEN
            (role platform, 12 h; others: npm run token -- --role operator --sites lon-1)

  Try:      curl -H "authorization: Bearer \$TOKEN" http://127.0.0.1:$GATEWAY_PORT/v1/sites/lon-1/numbers
  Stop:     npm stop

MSG
