// Post-purchase cross-sell through the sandbox: orders and deliveries arrive as signed Shopify
// webhooks, the flow's job runs when the clock moves, and its text reaches the Telnyx double.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "~/clock.server";
import { isHeldOut } from "~/flows/enrollments.server";
import { DEMO_PRODUCTS } from "~/sandbox/demo-products";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { contactWithConsent } from "./support/factories";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { useShopSettings } from "./support/shop-settings";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const writeSettings = useShopSettings(db, SANDBOX_SHOP);
const settle = () => sandbox.advanceClock(0);
const DAY = 24 * 60;
const [BOTTLE, BRUSH, SOCKS, , MUG] = DEMO_PRODUCTS;
const CROSS_SELL = { enabled: true, delayDays: 3, minPairOrders: 3 };
const NO_RATING = { enabled: true, rating: { enabled: false } };
let shopId: string;
let orders = 0;

interface DoubleMessage {
  text: string;
  type: "SMS" | "MMS";
  media: string[];
}
const crossSellsTo = async (phone: string, product: { title: string }): Promise<DoubleMessage[]> =>
  (await (await fetch(`${app.url}/sandbox/messages?to=${encodeURIComponent(phone)}`)).json()).messages.filter((m: DoubleMessage) => m.text.includes(product.title));
const sandboxNow = async () => (await settle()).body.now as string;

/** A new Shopify order id: small enough to stay exact as a JSON number. */
const newOrderId = () => `${7_000_000_000 + (Date.now() % 1_000_000_000)}${String(++orders).padStart(3, "0")}`;

async function orderBody(products: readonly { id: number; title: string }[], phone: string | null, id: string) {
  const body = JSON.parse(shopifyFixture("orders-create")) as Record<string, any>;
  body.id = Number(id);
  body.name = `#X${id.slice(-4)}`;
  body.phone = phone;
  body.created_at = body.processed_at = await sandboxNow();
  body.line_items = products.map((p, i) => ({ id: Number(id) * 10 + i, product_id: p.id, title: p.title, quantity: 1, price: "24.00" }));
  return JSON.stringify(body);
}

async function placeOrder(products: readonly { id: number; title: string }[], phone: string | null, id = newOrderId()) {
  expect((await postShopifyWebhook(app.url, "orders/create", await orderBody(products, phone, id))).status).toBe(200);
  return id;
}

/** Shipped, then delivered by the carrier now. */
async function deliver(orderId: string, phone: string) {
  const fulfillmentId = `5${orderId}`;
  const fulfillment = shopifyFixture("fulfillments-create")
    .replace('"id": 123456,', `"id": ${fulfillmentId},`)
    .replace('"order_id": 820982911946154508', `"order_id": ${orderId}`)
    .replace('"phone": "555-555-SHIP"', `"phone": "${phone}"`)
    .replace('"status": "pending"', '"status": "success"');
  expect((await postShopifyWebhook(app.url, "fulfillments/create", fulfillment)).status).toBe(200);
  const delivered = shopifyFixture("fulfillment-events-create")
    .replace('"happened_at": "2021-12-31T19:00:00-05:00"', `"happened_at": "${await sandboxNow()}"`)
    .replace('"fulfillment_id": 123456', `"fulfillment_id": ${fulfillmentId}`)
    .replace('"order_id": 820982911946154508', `"order_id": ${orderId}`)
    .replace('"status": "in_transit"', '"status": "delivered"');
  expect((await postShopifyWebhook(app.url, "fulfillment_events/create", delivered)).status).toBe(200);
  await settle();
}

async function subscribedShopper() {
  const phone = uniquePhone();
  const contact = await contactWithConsent({ db, clock: systemClock }, shopId, phone, "marketing");
  return { phone, contactId: contact.id };
}

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  await writeSettings({ crossSell: CROSS_SELL, shipping: NO_RATING });
  // The bottle and the brush are bought together in three orders; the mug never with anything.
  for (let i = 0; i < 3; i++) await placeOrder([BOTTLE, BRUSH], null);
  await placeOrder([MUG], null);
});

// Each test starts at 10:00 in Chicago (where the 312 numbers live) on a later day than the last.
beforeEach(async () => {
  const next = new Date(await sandboxNow());
  next.setUTCDate(next.getUTCDate() + 8);
  next.setUTCHours(16, 0, 0, 0);
  await sandbox.setClock(next.toISOString());
});

describe("cross-sell after a delivery", () => {
  it("a shopper who bought the bottle gets, three days after delivery, one MMS naming the brush with its image and a tracked link to it", { timeout: 30_000 }, async () => {
    const { phone, contactId } = await subscribedShopper();
    const orderId = await placeOrder([BOTTLE], phone);
    await deliver(orderId, phone);

    await sandbox.advanceClock(3 * DAY - 1);
    expect(await crossSellsTo(phone, BRUSH)).toEqual([]);
    await sandbox.advanceClock(2);
    const [text, ...more] = await crossSellsTo(phone, BRUSH);
    expect(more).toEqual([]);
    expect(text).toMatchObject({ type: "MMS", media: [BRUSH.imageUrl] });
    expect(text.text).toContain(`enjoying your ${BOTTLE.title}?`);
    const link = /https?:\/\/\S+\/r\/[A-Za-z0-9]+/.exec(text.text)![0];
    const followed = await fetch(link, { redirect: "manual" });
    expect(followed.headers.get("location")).toBe(`https://${SANDBOX_SHOP}/products/bottle-cleaning-brush-set`);
    expect(await db.flowEnrollment.findMany({ where: { contactId, flow: "cross_sell" } })).toEqual([
      expect.objectContaining({ status: "finished", heldOut: false, productId: String(BRUSH.id), triggerKey: `order:${orderId}` }),
    ]);

    // The same delivery reported again plans nothing more.
    await deliver(orderId, phone);
    await sandbox.advanceClock(4 * DAY);
    expect(await crossSellsTo(phone, BRUSH)).toHaveLength(1);
  });

  it("a shopper who already owns the brush is not offered it", async () => {
    const { phone, contactId } = await subscribedShopper();
    await placeOrder([BRUSH], phone);
    const orderId = await placeOrder([BOTTLE], phone);
    await deliver(orderId, phone);
    await sandbox.advanceClock(4 * DAY);
    expect(await db.message.count({ where: { contactId, flow: "cross_sell" } })).toBe(0);
    expect(await db.flowEnrollment.count({ where: { contactId } })).toBe(0);
  });

  it("a shopper whose product is bought with nothing often enough gets nothing", async () => {
    const { phone, contactId } = await subscribedShopper();
    // Socks were bought with the mug once: support 1, below the 3 orders the flow needs.
    await placeOrder([SOCKS, MUG], null);
    const orderId = await placeOrder([MUG], phone);
    await deliver(orderId, phone);
    await sandbox.advanceClock(4 * DAY);
    expect(await db.message.count({ where: { contactId, flow: "cross_sell" } })).toBe(0);
    expect(await db.flowEnrollment.count({ where: { contactId } })).toBe(0);
  });

  it("a held-out shopper is recorded and gets nothing", async () => {
    await writeSettings({ crossSell: { ...CROSS_SELL, holdoutPercent: 50 } });
    try {
      const { phone, contactId } = await subscribedShopper();
      // An order the deterministic holdout keeps back (about every other one is).
      let orderId = newOrderId();
      while (!isHeldOut({ flow: "cross_sell", contactId, triggerKey: `order:${orderId}`, holdoutPercent: 50 })) orderId = newOrderId();
      await placeOrder([BOTTLE], phone, orderId);
      await deliver(orderId, phone);
      await sandbox.advanceClock(4 * DAY);
      expect(await crossSellsTo(phone, BRUSH)).toEqual([]);
      expect(await db.flowEnrollment.findMany({ where: { contactId, flow: "cross_sell" } })).toEqual([
        expect.objectContaining({ heldOut: true, status: "held_out", productId: String(BRUSH.id) }),
      ]);
    } finally {
      await writeSettings({ crossSell: CROSS_SELL });
    }
  });
});

describe("order lines", () => {
  it("are stored once per order, however often Shopify delivers it, paid included", async () => {
    const id = newOrderId();
    const body = await orderBody([SOCKS, SOCKS, MUG], null, id);
    for (const topic of ["orders/create", "orders/create", "orders/paid"]) {
      expect((await postShopifyWebhook(app.url, topic, body, { webhookId: randomUUID() })).status).toBe(200);
    }
    const order = await db.order.findUniqueOrThrow({ where: { shopId_shopifyOrderId: { shopId, shopifyOrderId: id } }, include: { lines: { orderBy: { productId: "asc" } } } });
    expect(order.lines.map(({ productId, title }) => ({ productId, title }))).toEqual([
      { productId: String(SOCKS.id), title: SOCKS.title },
      { productId: String(MUG.id), title: MUG.title },
    ]);
  });
});

describe("cross-sell with an offer", () => {
  it("carries the shopper's own single-use code, tied to the enrollment, and the link applies it", { timeout: 30_000 }, async () => {
    await writeSettings({ crossSell: { ...CROSS_SELL, offer: { percent: 15, validDays: 7 }, template: "Loving your {{purchased}}? {{product}} goes with it, {{discount}}: {{link}}" } });
    try {
      const { phone, contactId } = await subscribedShopper();
      const orderId = await placeOrder([BOTTLE], phone);
      await deliver(orderId, phone);
      await sandbox.advanceClock(3 * DAY + 1);
      const [text] = await crossSellsTo(phone, BRUSH);
      const code = /15% off with code (TB-[A-Z0-9]+)/.exec(text.text)![1];
      const enrollment = await db.flowEnrollment.findFirstOrThrow({ where: { contactId, flow: "cross_sell" } });
      expect(await db.discountCode.findFirstOrThrow({ where: { code } })).toMatchObject({ flowEnrollmentId: enrollment.id, percentage: 15, usedByOrderId: null });
      const { discounts } = await (await fetch(`${app.url}/sandbox/discounts`)).json();
      expect(discounts.filter((d: { code: string }) => d.code === code)).toEqual([expect.objectContaining({ usageLimit: 1 })]);
      const link = /https?:\/\/\S+\/r\/[A-Za-z0-9]+/.exec(text.text)![0];
      const location = (await fetch(link, { redirect: "manual" })).headers.get("location");
      expect(location).toBe(`https://${SANDBOX_SHOP}/discount/${code}?redirect=${encodeURIComponent("/products/bottle-cleaning-brush-set")}`);
    } finally {
      await writeSettings({ crossSell: CROSS_SELL });
    }
  });
});

describe("cross-sell with the rating flow on", () => {
  beforeAll(() => writeSettings({ shipping: { enabled: true, rating: { enabled: true, delayDays: 2 } } }));

  async function ratedOrder(rating: string) {
    const { phone, contactId } = await subscribedShopper();
    const orderId = await placeOrder([BOTTLE], phone);
    await deliver(orderId, phone);
    await sandbox.advanceClock(2 * DAY);
    await sandbox.textFromShopper(phone, rating);
    await settle();
    return { phone, contactId };
  }

  it("waits for the rating: a 5 gets the text when its delay is over", { timeout: 30_000 }, async () => {
    const { phone } = await ratedOrder("5");
    expect(await crossSellsTo(phone, BRUSH)).toEqual([]);
    await sandbox.advanceClock(DAY);
    expect(await crossSellsTo(phone, BRUSH)).toEqual([expect.objectContaining({ type: "MMS" })]);
  });

  it("a 2 gets nothing", { timeout: 30_000 }, async () => {
    const { phone, contactId } = await ratedOrder("2");
    await sandbox.advanceClock(4 * DAY);
    expect(await crossSellsTo(phone, BRUSH)).toEqual([]);
    expect(await db.flowEnrollment.count({ where: { contactId } })).toBe(0);
  });
});
