// `npm run sandbox`: the real app on SQLite, offline, with a demo shop installed, the Telnyx
// and Shopify stand-ins and a virtual clock. Every default below is for this machine only.
import { mkdirSync } from "node:fs";
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from "./demo-shop";
import { startServer } from "../server";
import { deployPendingMigrations } from "./pending-migrations";

if (process.env.NODE_ENV === "production") {
  console.error("The sandbox refuses to start with NODE_ENV=production: it hands out admin sessions.");
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const sandboxDefaults: Record<string, string> = {
  NODE_ENV: "development",
  TEXTBACK_SANDBOX: "1",
  DATABASE_URL: "file:./.sandbox/textback.db",
  SHOPIFY_API_KEY: SANDBOX_API_KEY,
  SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
  SHOPIFY_APP_URL: `http://localhost:${port}`,
  SCOPES: "read_orders,read_customers,write_customers,write_discounts,read_fulfillments",
  // A fixed, public key: sandbox data is demo data. Production sets its own secret key.
  TEXTBACK_ENCRYPTION_KEY: Buffer.from("textback-sandbox-encryption-key!").toString("base64"),
};
for (const [name, value] of Object.entries(sandboxDefaults)) process.env[name] ??= value;

mkdirSync(".sandbox", { recursive: true });
await deployPendingMigrations(process.env.DATABASE_URL!);

// It mints an admin session for every request: only this machine may reach it.
const { describe } = await startServer({ port, host: "127.0.0.1", sandbox: true });
console.log(
  [
    ...describe(),
    `Admin pages:        http://localhost:${port}/app`,
    `Shopify webhooks:   POST http://localhost:${port}/webhooks/<topic> (HMAC with SHOPIFY_API_SECRET=${process.env.SHOPIFY_API_SECRET})`,
    `Telnyx webhooks:    POST http://localhost:${port}/webhooks/telnyx`,
    `Control API:        GET /sandbox/messages  POST /sandbox/inbound  GET|POST /sandbox/clock  GET /sandbox/discounts`,
  ].join("\n"),
);
