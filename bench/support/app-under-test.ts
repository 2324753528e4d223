// The app as production runs it (`npm start`: NODE_ENV=production, the built server), on a
// throwaway migrated database, with one installed shop and a local Telnyx double standing in
// for api.telnyx.com (TELNYX_BASE_URL) whose signing key the app trusts (TELNYX_PUBLIC_KEY).
import { createDb, type Db } from "~/db.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { DEFAULT_TELNYX_DOUBLE_API_KEY, startTelnyxDouble, type TelnyxDouble, type TelnyxDoubleOptions } from "~/sandbox/telnyx-double.server";
import { createMigratedDatabase, type TestEngine } from "../../tests/support/migrate";
import { freePort, startServerProcess, type ServerProcess } from "./processes";

export const BENCH_SHOP = "textback-bench.myshopify.com";
export const BENCH_SECRET = "bench-shopify-api-secret";
export const BENCH_SENDING_NUMBER = "+13125550100";
export const BENCH_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

export interface BenchDatabase {
  engine: TestEngine;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function openBenchDatabase(engine: TestEngine, label: string): Promise<BenchDatabase> {
  const created = await createMigratedDatabase(engine, `bench_${label}`);
  const db = createDb(created.url);
  return {
    engine,
    url: created.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await created.drop();
    },
  };
}

export function createBenchShop(db: Db, domain = BENCH_SHOP, sendingNumber = BENCH_SENDING_NUMBER, telnyxApiKey = DEFAULT_TELNYX_DOUBLE_API_KEY) {
  return db.shop.create({
    data: {
      domain,
      name: "Bench Outfitters",
      brandName: "Bench Outfitters",
      ianaTimezone: "America/Chicago",
      installedAt: new Date(),
      telnyxApiKeyEncrypted: encryptSecret(telnyxApiKey, BENCH_ENCRYPTION_KEY),
      sendingNumber,
    },
  });
}

export interface AppUnderTest {
  app: ServerProcess;
  telnyx: TelnyxDouble;
  stop(): Promise<void>;
}

/** What the app's processes (web and `npm run worker`) are started with. */
export function appEnvironment(databaseUrl: string, telnyx: TelnyxDouble, port: number): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: "bench-api-key",
    SHOPIFY_API_SECRET: BENCH_SECRET,
    SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    SCOPES: "read_orders,read_customers",
    TEXTBACK_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    TELNYX_BASE_URL: telnyx.apiBaseUrl,
    TELNYX_PUBLIC_KEY: telnyx.publicKeyBase64,
    TEXTBACK_WORKER: "inline",
  };
}

export interface AppOptions {
  telnyx?: TelnyxDoubleOptions;
  env?: Record<string, string>;
}

export async function startAppUnderTest(databaseUrl: string, options: AppOptions = {}): Promise<AppUnderTest> {
  const port = await freePort();
  const telnyx = await startTelnyxDouble({ appWebhookUrl: `http://127.0.0.1:${port}/webhooks/telnyx`, deliveryWebhooks: false, ...options.telnyx });
  const app = await startServerProcess("app/server.ts", { ...appEnvironment(databaseUrl, telnyx, port), ...options.env }, "/healthz", port);
  return {
    app,
    telnyx,
    stop: async () => {
      await app.stop();
      await telnyx.close();
    },
  };
}
