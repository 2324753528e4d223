// `npm run sandbox`: the real app on SQLite, offline, with a demo shop installed, the Telnyx
// and Shopify stand-ins and a virtual clock.
import { port } from "./environment";
import { mkdirSync } from "node:fs";
import { startServer } from "../server";
import { logger } from "../logger.server";
import { deployPendingMigrations } from "./pending-migrations";

mkdirSync(".sandbox", { recursive: true });
await deployPendingMigrations(process.env.DATABASE_URL!);

// It mints an admin session for every request: only this machine may reach it.
const { describe } = await startServer({ port, host: "127.0.0.1", sandbox: true });
// The sandbox's welcome for a person in a terminal (pino-pretty prints it as it is); piped, one JSON line.
logger.info(
  { component: "sandbox" },
  [
    "Textback sandbox",
    ...describe(),
    `Admin pages:        http://localhost:${port}/app`,
    `Shopify webhooks:   POST http://localhost:${port}/webhooks/<topic> (HMAC-SHA256 with SHOPIFY_API_SECRET, see the README)`,
    `Telnyx webhooks:    POST http://localhost:${port}/webhooks/telnyx`,
    `Control API:        GET /sandbox/messages  POST /sandbox/inbound  GET|POST /sandbox/clock  GET /sandbox/discounts  GET|POST /sandbox/chat-api`,
    `REST API:           http://localhost:${port}/api/v1, the demo shop's public sandbox key: tb_sandbox_demo (OpenAPI document at /api/v1/openapi.json)`,
  ].join("\n"),
);
