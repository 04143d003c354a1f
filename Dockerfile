# syntax=docker/dockerfile:1
# One image for the seven services: `--build-arg APP=<service>` (default gateway) picks the entry point,
# or override the command with `node dist/apps/<service>/src/main.js`.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY infra/install-deps.sh infra/install-deps.sh
RUN bash infra/install-deps.sh
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# Search's embedding model (Maven Central, checked against its pinned sha256), read from .data/models at start.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl unzip && rm -rf /var/lib/apt/lists/* \
 && MARKETPLACE_CACHE=/tmp/cache bash infra/embedding-model.sh fetch && rm -rf /tmp/cache

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
# The services' Node options, SERVICE_NODE_OPTIONS of libs/platform/src/services.ts (a spec of tools/start
# holds this line to it): semi-spaces of 2 MB, where V8 would size them from the memory it is given (README, Memory).
ENV NODE_OPTIONS=--max-semi-space-size=2
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/.data/models ./.data/models
ARG APP=gateway
ENV APP=${APP}
USER node
# The image has no curl; Node's fetch probes the service's own readiness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
