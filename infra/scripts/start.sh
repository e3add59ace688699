#!/usr/bin/env bash
# Starts the whole system locally: infrastructure, a build, every service; prints where to call.
source "$(dirname "$0")/lib.sh"
ensure_dependencies
bash "$ROOT/infra/scripts/ensure-infrastructure.sh"
bash "$ROOT/infra/scripts/stop.sh" --quiet
bash "$ROOT/infra/scripts/build.sh"

RUN="$ROOT/.run"
mkdir -p "$RUN"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/telephony}"
GATEWAY_PORT="${HTTP_PORT:-3000}"

start_service() {
  local name=$1 port=$2
  log "starting $name (logs: .run/$name.log)"
  HTTP_PORT="$port" nohup "$NODE" "$ROOT/dist/services/$name/src/main.js" >"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

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
  Token:    $TOKEN
            (role platform, 12 h; others: npm run token -- --role operator --sites lon-1)

  Try:      curl -H "authorization: Bearer \$TOKEN" http://127.0.0.1:$GATEWAY_PORT/v1/sites/lon-1/numbers
  Stop:     npm stop

MSG
