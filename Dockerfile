# Textback's production image: the web process by default; `npm run worker` for worker
# processes (compose.yaml runs both). Not built on the machine where it was written (no Docker
# engine there): .ci/production-path.ts runs the same steps outside Docker on every CI run.

# Node 22: @shopify/shopify-app-remix 6 requires it (npm warns on 20, where CI runs).

# Build: every dependency, the Prisma clients (postinstall) and the Remix build.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci
COPY . .
RUN npm run build

# Runtime: dependencies only. postinstall generates both engines' Prisma clients again, with
# the `prisma` CLI that is a dependency; `npm start` and `npm run worker` run app/ through tsx.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY prisma ./prisma
RUN npm ci --omit=dev && npm cache clean --force
COPY app ./app
COPY --from=build /app/build ./build
USER node
EXPOSE 3000
# Migrations for the engine DATABASE_URL names (prisma.config.ts picks the folder), then the
# server. exec: npm becomes PID 1 and hands SIGTERM on to the server, which drains before it
# exits. Worker processes run `npm run worker` instead.
CMD ["sh", "-c", "npm run db:deploy && exec npm start"]
