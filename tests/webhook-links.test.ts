// Links that arrive in webhooks become links in the admin and in texts to shoppers: only web
// addresses are kept. Signed Shopify webhooks in, the stored shipment, the thread page's HTML
// and the Telnyx double's texts out.
import { beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "~/clock.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { orderPayload } from "./support/checkout-webhooks";
import { useTestDatabase } from "./support/database";
import { contactWithConsent } from "./support/factories";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  // 11:00 in Kentucky (the fixtures' shipping address) tomorrow: inside the sending window.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
  await sandbox.setClock(`${tomorrow.toISOString().slice(0, 10)}T16:00:00Z`);
});

/** A consented shopper's order, shipped by a signed fulfillments/create carrying `trackingUrl`. */
async function shippedWithTracking(trackingUrl: string) {
  const phone = uniquePhone();
  await contactWithConsent({ db, clock: systemClock }, shopId, phone, "transactional");
  const order = orderPayload({ checkoutToken: null, createdAt: new Date().toISOString(), totalPrice: "42.00" });
  expect((await postShopifyWebhook(app.url, "orders/create", order.body.replaceAll('"555-555-SHIP"', `"${phone}"`))).status).toBe(200);
  const fulfillmentId = String(Date.now()) + String(Math.floor(Math.random() * 1_000));
  const fulfillment = shopifyFixture("fulfillments-create")
    .replace('"id": 123456,', `"id": ${fulfillmentId},`)
    .replace('"order_id": 820982911946154508', `"order_id": ${order.id}`)
    .replace('"phone": "555-555-SHIP"', `"phone": "${phone}"`)
    .replace('"status": "pending"', '"status": "success"')
    .replace(/"tracking_url": "[^"]*"/, `"tracking_url": ${JSON.stringify(trackingUrl)}`);
  expect((await postShopifyWebhook(app.url, "fulfillments/create", fulfillment)).status).toBe(200);
  await sandbox.advanceClock(0);
  const shipment = await db.shipment.findFirstOrThrow({ where: { shopId, shopifyFulfillmentId: fulfillmentId } });
  const conversation = await db.conversation.findFirstOrThrow({ where: { shopId, contact: { phone } } });
  return { shipment, conversationId: conversation.id, texts: (await sandbox.textsTo(phone)).map((t) => t.text) };
}

async function threadPage(conversationId: string) {
  const page = await fetch(`${app.url}/app/inbox/${conversationId}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
  expect(page.status).toBe(200);
  return page.text();
}

describe("tracking links from fulfillment webhooks", () => {
  it("a javascript: tracking URL is neither stored, nor linked in the thread page, nor texted", async () => {
    const { shipment, conversationId, texts } = await shippedWithTracking("javascript:alert(1)");
    expect(shipment.trackingUrl).toBeNull();
    expect(await threadPage(conversationId)).not.toMatch(/javascript:\s*alert/i);
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toMatch(/javascript:/i);
  });

  it("the thread page does not link a javascript: URL stored before links were checked", async () => {
    const { shipment, conversationId } = await shippedWithTracking("https://www.ups.com/track?tracknum=1Z999");
    await db.shipment.update({ where: { id: shipment.id }, data: { trackingUrl: "javascript:alert(1)" } });
    expect(await threadPage(conversationId)).not.toMatch(/javascript:\s*alert/i);
  });

  it("an https tracking URL is stored, linked in the thread page and texted", async () => {
    const url = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000";
    const { shipment, conversationId, texts } = await shippedWithTracking(url);
    expect(shipment.trackingUrl).toBe(url);
    expect(await threadPage(conversationId)).toContain(`href="${url}"`);
    expect(texts).toEqual([expect.stringContaining(url)]);
  });
});
