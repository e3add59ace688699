# syntax=docker/dockerfile:1
# One image per service, all from this file (the manifests' telephony/<service>):
#   docker build --build-arg SERVICE=number-inventory -t telephony/number-inventory:0.1.0 .
# The runtime stage's tree is the one infra/scripts/image-tree.sh assembles; the image-tree spec
# starts every service from such a tree, so a runtime dependency missing here fails the suite.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --loglevel=error
COPY .swcrc tsconfig.base.json tsconfig.json ./
COPY infra/scripts ./infra/scripts
COPY libs ./libs
COPY services ./services
COPY tools ./tools
COPY bench ./bench
COPY faults ./faults
COPY examples ./examples
RUN bash infra/scripts/build.sh

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error && npm cache clean --force

FROM ${NODE_IMAGE}
ARG SERVICE
RUN test -n "$SERVICE" || (echo "--build-arg SERVICE=<service> is required" >&2; exit 1)
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    SERVICE_MAIN=dist/services/${SERVICE}/src/main.js
WORKDIR /app
COPY --from=production-dependencies --chown=root:root /app/node_modules ./node_modules
COPY --from=production-dependencies --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /src/dist/libs ./dist/libs
COPY --from=build --chown=root:root /src/dist/services ./dist/services
COPY --from=build --chown=root:root /src/dist/tools ./dist/tools
RUN test -f "$SERVICE_MAIN" || (echo "no service $SERVICE" >&2; exit 1)
# The node user (uid 1000) of the base image; the files stay root's, read-only to it.
USER node
# Liveness as Kubernetes probes it, on HTTP_PORT or the service's own port (the cluster uses the manifests' probes).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 CMD ["node", "dist/tools/healthcheck.js"]
CMD ["sh", "-c", "exec node \"$SERVICE_MAIN\""]
