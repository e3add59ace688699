#!/usr/bin/env bash
# Compiles every library, service and tool with SWC into dist/ (type checking is part of the tests).
source "$(dirname "$0")/lib.sh"
ensure_dependencies
cd "$ROOT"
rm -rf dist
"$NODE" node_modules/.bin/swc libs services tools bench faults examples -d dist --config-file .swcrc -q \
  --ignore "**/*.spec.ts" --ignore "**/test/**"
log "built into dist/"
