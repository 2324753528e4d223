import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { postShopifyWebhook, shopifyFixture, shopifyWebhookHeaders } from "./support/shopify-webhooks";

const app = useAppServer("sandbox");
const { db } = useTestDatabase();

const WEBHOOK_TOPICS = [
  ["checkouts/create", "checkouts-create"],
  ["checkouts/update", "checkouts-update"],
  ["orders/create", "orders-create"],
  ["orders/paid", "orders-create"],
  ["fulfillments/create", "fulfillments-create"],
  ["fulfillments/update", "fulfillments-update"],
  ["fulfillment_events/create", "fulfillment-events-create"],
  ["customers_marketing_consent/update", "customers-marketing-consent-update"],
  ["customers/data_request", "customers-data-request"],
  ["customers/redact", "customers-redact"],
  ["shop/redact", "shop-redact"],
] as const;

describe("Shopify webhooks", () => {
  beforeEach(() => db.webhookEvent.deleteMany({ where: { source: "shopify" } }));

  it("stores a signed orders/create once, however often it is delivered", async () => {
    const body = shopifyFixture("orders-create");
    const webhookId = randomUUID();
    const first = await postShopifyWebhook(app.url, "orders/create", body, { webhookId });
    expect(first.status).toBe(200);
    const again = await postShopifyWebhook(app.url, "orders/create", body, { webhookId });
    expect(again.status).toBe(200);

    const stored = await db.webhookEvent.findMany({ where: { externalId: webhookId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: "shopify", topic: "orders/create", shopDomain: "textback-demo.myshopify.com" });
    expect(stored[0].payload).toBe(body);
    expect(stored[0].shopId).not.toBeNull();
  });

  it("stores each of ten concurrent deliveries of one webhook once", async () => {
    const body = shopifyFixture("checkouts-update");
    const webhookId = randomUUID();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => postShopifyWebhook(app.url, "checkouts/update", body, { webhookId }).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(1);
  });

  it.each(WEBHOOK_TOPICS)("accepts a signed %s at its own route", async (topic, fixture) => {
    const webhookId = randomUUID();
    const response = await postShopifyWebhook(app.url, topic, shopifyFixture(fixture), { webhookId });
    expect(response.status).toBe(200);
    expect(await db.webhookEvent.findFirst({ where: { externalId: webhookId } })).toMatchObject({ topic });
  });

  it("refuses a wrong signature with 401 and stores nothing", async () => {
    const webhookId = randomUUID();
    const response = await postShopifyWebhook(app.url, "orders/create", shopifyFixture("orders-create"), {
      webhookId,
      secret: "not-the-secret",
    });
    expect(response.status).toBe(401);
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(0);
  });

  it("refuses a body changed after signing with 401", async () => {
    const body = shopifyFixture("orders-create");
    const headers = shopifyWebhookHeaders("orders/create", body);
    const response = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      headers,
      body: body.replace('"total_price"', '"total_price_x"'),
    });
    expect(response.status).toBe(401);
  });

  it("answers 400 when Shopify's headers are missing", async () => {
    const body = shopifyFixture("orders-create");
    const { "X-Shopify-Webhook-Id": _id, ...headers } = shopifyWebhookHeaders("orders/create", body);
    const response = await fetch(`${app.url}/webhooks/orders/create`, { method: "POST", headers, body });
    expect(response.status).toBe(400);
  });

  it("answers 400 to a correctly signed body that is not JSON, and stores nothing", async () => {
    const webhookId = randomUUID();
    const response = await postShopifyWebhook(app.url, "orders/create", "{not json", { webhookId });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not JSON/);
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(0);
  });

  it("answers 400 to a topic posted at another topic's route", async () => {
    const body = shopifyFixture("orders-create");
    const response = await fetch(`${app.url}/webhooks/checkouts/create`, {
      method: "POST",
      headers: shopifyWebhookHeaders("orders/create", body),
      body,
    });
    expect(response.status).toBe(400);
  });

  it("app/uninstalled removes the shop's sessions", async () => {
    const shop = "uninstall-check.myshopify.com";
    await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_x" } });
    const response = await postShopifyWebhook(app.url, "app/uninstalled", shopifyFixture("app-uninstalled"), { shop });
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop } })).toBe(0);
  });
});
