# One image for every Lienthong app. The command picks the app (docker-compose.yml, deploy/k8s):
#   node dist/apps/<app>/src/main.js
# The CLI runs from the same image, from dist/ built here (docs/cli.md):
#   npx lienthong status --json                  (or: node bin/lienthong.js, node dist/apps/cli/src/main.js)
#   npx lienthong reconcile --since 2026-01-01   (or: npm run reconcile -- --since ...)
#   npx lienthong routes test config/routes.yaml <samples...>
FROM node:24-bookworm-slim AS build
WORKDIR /app
# node-rdkafka (a dev dependency: the hub benchmark's candidate client) is built against Debian's librdkafka.
RUN apt-get update && apt-get install -y --no-install-recommends librdkafka-dev python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# bin/ is a package of its own (the `lienthong` command, a file: dependency): npm ci links it; the
# postinstall applies patches/ (kafkajs).
COPY bin ./bin
COPY patches ./patches
RUN BUILD_LIBRDKAFKA=0 npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
# npm (for `npx lienthong`, `npm run <cli>`) keeps its cache and logs in /tmp: the root filesystem may be read-only.
ENV NODE_ENV=production HTTP_HOST=0.0.0.0 APP=lienthong \
    NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_CACHE=/tmp/.npm NPM_CONFIG_LOGS_DIR=/tmp/.npm-logs
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
# Read at run time: schemas, migrations, routing rules, the health check, and the web
# assets some libs serve from their own folder (libs/*/src/public, libs/operations/console/web).
COPY schemas ./schemas
COPY migrations ./migrations
COPY config ./config
COPY scripts ./scripts
COPY --from=build /app/libs ./libs
USER node
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
