#!/usr/bin/env bash
# Assembles the services' image file tree in DIR exactly as the Dockerfile's runtime stage does:
# a production install (no devDependencies) from the lock file into a clean folder, then the
# built output (libs, services, tools) copied in. The image-tree spec starts every service from it.
#   bash infra/scripts/image-tree.sh DIR    (run infra/scripts/build.sh first)
source "$(dirname "$0")/lib.sh"
dir="${1:?usage: image-tree.sh DIR}"
[ -d "$ROOT/dist/services" ] || die "dist/ is missing: run infra/scripts/build.sh first"
mkdir -p "$dir"
[ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$dir/"
(cd "$dir" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
mkdir -p "$dir/dist"
cp -r "$ROOT/dist/libs" "$ROOT/dist/services" "$ROOT/dist/tools" "$dir/dist/"
log "image tree assembled in $dir"
