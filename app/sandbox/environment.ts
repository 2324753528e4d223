// The sandbox's settings, in place before any other module of the app reads process.env:
// main.ts imports this first, so the logger (readable in a terminal) and the environment
// schema both see them. Every default is for this machine only.
import { SANDBOX_API_KEY, SANDBOX_API_SECRET, SANDBOX_ENCRYPTION_KEY } from "./demo-shop";

// Thrown before anything starts: Node prints it on stderr and exits.
if (process.env.NODE_ENV === "production") {
  throw new Error("The sandbox refuses to start with NODE_ENV=production: it hands out admin sessions.");
}

export const port = Number(process.env.PORT || 3000);
const sandboxDefaults: Record<string, string> = {
  NODE_ENV: "development",
  TEXTBACK_SANDBOX: "1",
  DATABASE_URL: "file:./.sandbox/textback.db",
  SHOPIFY_API_KEY: SANDBOX_API_KEY,
  SHOPIFY_API_SECRET: SANDBOX_API_SECRET,
  SHOPIFY_APP_URL: `http://localhost:${port}`,
  SCOPES: "read_orders,read_customers,write_customers,write_discounts,read_fulfillments,read_products,write_app_proxy",
  TEXTBACK_ENCRYPTION_KEY: SANDBOX_ENCRYPTION_KEY,
};
for (const [name, value] of Object.entries(sandboxDefaults)) process.env[name] ??= value;
