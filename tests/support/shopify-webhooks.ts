// Signs a webhook the way Shopify does: base64 HMAC-SHA256 of the raw body with the app secret.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { waitUntilIngested } from "./ingestion";

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

/** Posts a signed delivery and, once the app has acknowledged it (200), waits until it has been ingested. */
export async function postShopifyWebhook(
  appUrl: string,
  topic: string,
  body: string,
  options?: Parameters<typeof shopifyWebhookHeaders>[2],
) {
  const headers = shopifyWebhookHeaders(topic, body, options);
  const response = await fetch(`${appUrl}/webhooks/${topic}`, { method: "POST", headers, body });
  if (response.status === 200) await waitUntilIngested(appUrl, "shopify", headers["X-Shopify-Webhook-Id"]);
  return response;
}

