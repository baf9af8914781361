# The exchange's production image. Three stages: production dependencies, the build (server
# compiled with tsconfig.build.json, web client with Vite), and a slim runtime that holds only
# what runs. `scripts/deploy-check.sh` rehearses these steps on machines without Docker: keep
# its COPY lines and RUN commands in step with this file.
ARG NODE_IMAGE=node:20-bookworm
ARG RUNTIME_IMAGE=node:20-bookworm-slim

# Production dependencies only; native modules (argon2, better-sqlite3) compile here, where
# the full image has python3, make and g++.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.paths.json ./
COPY server ./server
COPY search ./search
COPY scripts ./scripts
COPY client ./client
RUN npm run build:server && npm run build:client

FROM ${RUNTIME_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    CLIENT_DIR=/app/client/dist
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY package.json ./
# The image's own user (uid 1000 in the node images); /data holds the embedded files if used.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# Ready means the database and the search engine answer (GET /readyz); the proxy and the
# orchestrator stop sending requests to a process that is not.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/main.js"]
