// Part of the fault suite: whatever reaches a webhook route — random bodies and headers, broken
// JSON and encodings, huge bodies, unknown topics, the same delivery ten times at once — the
// answer is a clear 2xx or 4xx, never a 5xx, and nothing is half-written.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "../support/app-server";
import { useTestDatabase } from "../support/database";
import { checkLogsAfterAll } from "./log-hygiene";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyWebhookHeaders } from "../support/shopify-webhooks";
import { waitUntilIngested } from "../support/ingestion";
import { orderPayload } from "../support/checkout-webhooks";
import { sandboxClient, uniquePhone } from "../support/sandbox-client";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
checkLogsAfterAll(db);
const sandbox = sandboxClient(() => app.url);
const TOPICS = [
  "app/uninstalled", "app/scopes_update", "checkouts/create", "checkouts/update", "customers/data_request", "customers/redact",
  "customers_marketing_consent/update", "fulfillment_events/create", "fulfillments/create", "fulfillments/update",
  "orders/create", "orders/paid", "shop/redact",
];
// These act on the shop named in the headers whatever the body says: they get a shop of their own.
const SHOP_WIDE = new Set(["app/uninstalled", "app/scopes_update", "shop/redact"]);
const shopFor = (topic: string) => (SHOP_WIDE.has(topic) ? `fuzz-${randomUUID().slice(0, 8)}.myshopify.com` : SANDBOX_SHOP);
let shopId: string;
beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
});

const anyBody = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 2_000 }),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  // Payloads shaped like Shopify's, with values of the wrong kind.
  fc.dictionary(fc.constantFrom("id", "token", "phone", "updated_at", "line_items", "checkout_token", "total_price", "customer", "order_id"), fc.anything(), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
);

function post(topic: string, body: string, headers: Record<string, string>) {
  return fetch(`${app.url}/webhooks/${topic}`, { method: "POST", headers, body });
}

describe("Shopify webhook routes under random input", () => {
  it("answer every signed random body with 200 (recorded once) or a 4xx with a reason, never a 5xx", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOPICS), anyBody, async (topic, body) => {
        const webhookId = randomUUID();
        const response = await post(topic, body, shopifyWebhookHeaders(topic, body, { webhookId, shop: shopFor(topic) }));
        const reason = await response.text();
        expect(response.status, `${topic}: ${reason}`).toBeLessThan(500);
        if (response.status === 200) await waitUntilIngested(app.url, "shopify", webhookId);
        const recorded = await db.webhookEvent.count({ where: { source: "shopify", externalId: webhookId } });
        if (response.status === 200) {
          // Acted on without an error: a body it cannot use is ignored, not retried.
          const ingest = await db.job.findUniqueOrThrow({ where: { dedupeKey: `ingest-webhook:shopify:${webhookId}` } });
          expect(ingest, `${topic}: ${ingest.lastError}`).toMatchObject({ status: "succeeded", lastError: null });
          // shop/redact erases every record of that shop, its own delivery included.
          expect(recorded).toBe(topic === "shop/redact" ? 0 : 1);
        } else {
          expect(reason.length).toBeGreaterThan(0);
          expect(recorded).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refuse random or missing signatures and headers with 400 or 401, storing nothing", { timeout: 120_000 }, async () => {
    const headerNames = ["X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-Hmac-Sha256", "X-Shopify-Webhook-Id", "X-Shopify-API-Version"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOPICS), fc.json(), fc.subarray(headerNames), fc.string({ maxLength: 60 }), async (topic, body, dropped, forgedHmac) => {
        const webhookId = randomUUID();
        const headers: Record<string, string> = { ...shopifyWebhookHeaders(topic, body, { webhookId }), "X-Shopify-Hmac-Sha256": forgedHmac.replace(/[^\x20-\x7e]/g, "") };
        for (const name of dropped) delete headers[name];
        const response = await post(topic, body, headers);
        expect([400, 401]).toContain(response.status);
        expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("refuse a body over 1 MB with 413 and an unknown topic with 404", async () => {
    const huge = JSON.stringify({ id: 1, note: "x".repeat(1024 * 1024) });
    const webhookId = randomUUID();
    const response = await post("orders/create", huge, shopifyWebhookHeaders("orders/create", huge, { webhookId }));
    expect(response.status).toBe(413);
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(0);

    const unknown = await post("orders/teleported", "{}", shopifyWebhookHeaders("orders/teleported", "{}"));
    expect(unknown.status).toBe(404);
    const misrouted = await post("orders/create", "{}", shopifyWebhookHeaders("orders/paid", "{}"));
    expect(misrouted.status).toBe(400);
  });

  it("act once on the same delivery sent ten times at once", async () => {
    const order = orderPayload({ checkoutToken: null, createdAt: new Date().toISOString(), totalPrice: "42.00" });
    const webhookId = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postShopifyWebhook(app.url, "orders/create", order.body, { webhookId })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await db.webhookEvent.count({ where: { source: "shopify", externalId: webhookId } })).toBe(1);
    expect(await db.order.count({ where: { shopId, shopifyOrderId: order.id } })).toBe(1);
  });
});

describe("the Telnyx webhook route under random input", () => {
  it("answers random bodies and signatures with 400 or 401, never a 5xx, storing nothing", { timeout: 120_000 }, async () => {
    const before = await db.webhookEvent.count({ where: { source: "telnyx" } });
    await fc.assert(
      fc.asyncProperty(anyBody, fc.option(fc.base64String({ maxLength: 90 })), fc.option(fc.integer()), async (body, signature, timestamp) => {
        const headers: Record<string, string> = { "Content-Type": "application/json" };
        if (signature !== null) headers["telnyx-signature-ed25519"] = signature;
        if (timestamp !== null) headers["telnyx-timestamp"] = String(timestamp);
        const response = await post("telnyx", body, headers);
        expect([400, 401]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
    expect(await db.webhookEvent.count({ where: { source: "telnyx" } })).toBe(before);
  });

  it("takes a signed opt-out keyword in any case, accent and padding as an opt-out before it answers", { timeout: 120_000 }, async () => {
    const keywords = ["STOP", "STOP ALL PLEASE", "CANCEL ALL", "QUIT ALL", "ARRET", "ARRÊT", "revoke consent", "I revoke my consent"];
    const variant = fc.tuple(fc.constantFrom(...keywords), fc.array(fc.boolean(), { maxLength: 20 }), fc.constantFrom("", " ", ".", "!", "  ", "?!")).map(
      ([keyword, upper, pad]) => pad + [...keyword].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join("") + pad,
    );
    await fc.assert(
      fc.asyncProperty(variant, async (text) => {
        const phone = uniquePhone();
        expect((await sandbox.deliverShopperText(phone, text)).status).toBe(200);
        const contact = await db.contact.findFirstOrThrow({ where: { shopId, phone } });
        expect(contact.optedOutAt, text).not.toBeNull();
      }),
      { numRuns: 40 },
    );
  });
});
