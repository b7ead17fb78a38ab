# syntax=docker/dockerfile:1
# ThiĐua Bot — multi-stage image: build with dev dependencies, run with production ones as a
# non-root user. Migrations are applied by the process at start-up (src/db/migrator.ts).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# The native Prisma schema engine is never needed: queries go through driver adapters and
# migrations through our own migrator. Point the CLI at any path so it does not download one.
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
COPY package.json package-lock.json .npmrc ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json tsconfig.build.json ./
# Install scripts of dependencies are not needed (and @prisma/engines' would download a native
# engine): install without them, then generate the Prisma client into src/generated.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm run db:generate
COPY src ./src
COPY locales ./locales
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/locales ./locales
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node, not npm, as PID 1's child so SIGTERM reaches the bot and it shuts down gracefully.
CMD ["node", "dist/main.js"]
