// Signs a webhook the way Shopify does: base64 HMAC-SHA256 of the raw body with the app secret.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "~/db.server";

export const SANDBOX_SECRET = "sandbox-secret";
export const SANDBOX_SHOP = "textback-demo.myshopify.com";

export function shopifyFixture(name: string): string {
  return readFileSync(new URL(`../../../shared/fixtures/shopify/${name}.json`, import.meta.url), "utf8");
}

export function shopifyWebhookHeaders(
  topic: string,
  body: string,
  { secret = SANDBOX_SECRET, shop = SANDBOX_SHOP, webhookId = randomUUID() } = {},
) {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2025-10",
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
  };
}

/**
 * Posts a signed delivery. Once the app has acknowledged it (200), waits until the app has
 * acted on it too: the ingest job runs after the acknowledgement, so a test that looks at the
 * shop's records right away would race it.
 */
export async function postShopifyWebhook(
  appUrl: string,
  topic: string,
  body: string,
  options?: Parameters<typeof shopifyWebhookHeaders>[2],
) {
  const headers = shopifyWebhookHeaders(topic, body, options);
  const response = await fetch(`${appUrl}/webhooks/${topic}`, { method: "POST", headers, body });
  if (response.status === 200) await waitUntilIngested(appUrl, headers["X-Shopify-Webhook-Id"]);
  return response;
}

let recordsDb: Db | undefined;
afterAll(() => recordsDb?.$disconnect());

/**
 * Until the delivery's ingest job has run. A sandbox without a worker runs due jobs when its
 * clock is moved, so the clock is moved by nothing; with a worker, the worker runs it.
 */
export async function waitUntilIngested(appUrl: string, webhookId: string, timeoutMs = 20_000) {
  recordsDb ??= createDb(inject("databaseUrl"));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await fetch(`${appUrl}/sandbox/clock`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ advanceMinutes: 0 }) });
    const event = await recordsDb.webhookEvent.findUnique({ where: { source_externalId: { source: "shopify", externalId: webhookId } } });
    const job = await recordsDb.job.findUnique({ where: { dedupeKey: `ingest-webhook:shopify:${webhookId}` } });
    // Erased by a redaction, processed, or given up on (the test then sees what is missing).
    if (!event || event.processedAt || job?.status === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Webhook ${webhookId} was acknowledged but not ingested within ${timeoutMs} ms`);
}
