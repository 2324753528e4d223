// Shipping texts and automatic answers through the sandbox: signed Shopify fulfillment
// webhooks in, texts out through the Telnyx double, shopper replies routed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "~/clock.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { contactWithConsent } from "./support/factories";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const settle = () => sandbox.advanceClock(0);
const TRACKING_URL = "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630";
let shopId: string;
let ids = 0;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  // 10:00 in Chicago tomorrow: inside the quiet-hours window of the 312 numbers used here.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
  await sandbox.setClock(`${tomorrow.toISOString().slice(0, 10)}T16:00:00Z`);
});

/** A fresh order and fulfillment: Shopify's documented payload, ids past 2^53 edited as text. */
function newFulfillment(phone: string) {
  ids += 1;
  const orderId = `82098291194615${String(4000 + ids).padStart(4, "0")}`;
  const fulfillmentId = `45${Date.now() % 1_000_000_000}${ids}`.slice(0, 17).padEnd(17, "7");
  const body = shopifyFixture("fulfillments-create")
    .replace('"id": 123456,', `"id": ${fulfillmentId},`)
    .replace('"order_id": 820982911946154508', `"order_id": ${orderId}`)
    .replace('"phone": "555-555-SHIP"', `"phone": "${phone}"`)
    .replace('"status": "pending"', '"status": "success"');
  return { body, orderId, fulfillmentId };
}

async function fulfillmentEvent(f: { orderId: string; fulfillmentId: string }, status: string) {
  const { now } = await (await fetch(`${app.url}/sandbox/clock`)).json();
  return shopifyFixture("fulfillment-events-create")
    .replace('"happened_at": "2021-12-31T19:00:00-05:00"', `"happened_at": "${now}"`)
    .replace('"fulfillment_id": 123456', `"fulfillment_id": ${f.fulfillmentId}`)
    .replace('"order_id": 820982911946154508', `"order_id": ${f.orderId}`)
    .replace('"status": "in_transit"', `"status": "${status}"`);
}

async function consentedShopper() {
  const phone = uniquePhone();
  await contactWithConsent({ db, clock: systemClock }, shopId, phone, "transactional");
  return phone;
}

async function shippedOrder() {
  const phone = await consentedShopper();
  const fulfillment = newFulfillment(phone);
  expect((await postShopifyWebhook(app.url, "fulfillments/create", fulfillment.body)).status).toBe(200);
  await settle();
  return { phone, fulfillment };
}

const textsTo = async (phone: string) => (await sandbox.textsTo(phone)).map((t) => t.text);
const conversationOf = (phone: string) => db.conversation.findFirstOrThrow({ where: { contact: { phone } } });

describe("shipping texts", () => {
  it("a fulfillment with tracking texts the consented shopper once, with the carrier and tracking link", async () => {
    const { phone, fulfillment } = await shippedOrder();
    // Shopify delivering the same webhook again, and the same fulfillment under a new id.
    await postShopifyWebhook(app.url, "fulfillments/create", fulfillment.body);
    expect((await postShopifyWebhook(app.url, "fulfillments/update", fulfillment.body)).status).toBe(200);
    await settle();

    const texts = await textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Textback Demo: Your order #9999 has shipped with UPS\./);
    expect(texts[0]).toContain(TRACKING_URL);
    const shipment = await db.shipment.findFirstOrThrow({ where: { shopId, shopifyFulfillmentId: fulfillment.fulfillmentId } });
    expect(shipment).toMatchObject({ shopifyOrderId: fulfillment.orderId, orderName: "#9999", phone, notifiedStatuses: '["shipped"]' });
  });

  it("an order that arrives after its fulfillment is stored whole, and STATUS then answers from it", async () => {
    const { phone, fulfillment } = await shippedOrder();
    const order = shopifyFixture("orders-create")
      .replace('"id": 820982911946154508', `"id": ${fulfillment.orderId}`)
      .replace('"name": "#9999"', '"name": "#1042"')
      .replace('"phone": null', `"phone": "${phone}"`);
    expect((await postShopifyWebhook(app.url, "orders/create", order)).status).toBe(200);
    const stored = await db.order.findUniqueOrThrow({ where: { shopId_shopifyOrderId: { shopId, shopifyOrderId: fulfillment.orderId } } });
    expect(stored).toMatchObject({ name: "#1042", phone });
    expect(Number(stored.totalPrice)).toBeGreaterThan(0);
    await sandbox.textFromShopper(phone, "STATUS");
    await settle();
    expect((await textsTo(phone)).at(-1)).toBe(`Your order #1042 has shipped with UPS. Track it here: ${TRACKING_URL}`);
  });

  it("out for delivery delivered three times is texted once", async () => {
    const { phone, fulfillment } = await shippedOrder();
    const event = await fulfillmentEvent(fulfillment, "out_for_delivery");
    for (let i = 0; i < 3; i++) {
      expect((await postShopifyWebhook(app.url, "fulfillment_events/create", event, { webhookId: randomUUID() })).status).toBe(200);
    }
    await settle();
    const texts = await textsTo(phone);
    expect(texts.filter((t) => /out for delivery/.test(t))).toHaveLength(1);
    expect(texts).toHaveLength(2);
  });

  it("ten concurrent deliveries of one fulfillment under different ids are all accepted and text once", async () => {
    const phone = await consentedShopper();
    const { body } = newFulfillment(phone);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => postShopifyWebhook(app.url, "fulfillments/update", body).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(10).fill(200));
    await settle();
    expect(await textsTo(phone)).toHaveLength(1);
  });

  it("a shopper without consent to order texts gets none", async () => {
    const phone = uniquePhone();
    await postShopifyWebhook(app.url, "fulfillments/create", newFulfillment(phone).body);
    await settle();
    expect(await textsTo(phone)).toEqual([]);
    expect(await db.message.count({ where: { toNumber: phone } })).toBe(0);
  });

  it("a body that is not a fulfillment is acknowledged and changes nothing", async () => {
    const before = await db.shipment.count();
    const response = await postShopifyWebhook(app.url, "fulfillments/create", JSON.stringify({ id: "x" }));
    expect(response.status).toBe(200);
    expect(await db.shipment.count()).toBe(before);
  });
});

describe("STATUS", () => {
  it("answers with the latest order's status and tracking link", async () => {
    const { phone } = await shippedOrder();
    await sandbox.textFromShopper(phone, "status");
    await settle();
    const reply = (await textsTo(phone)).at(-1);
    expect(reply).toBe(`Your order #9999 has shipped with UPS. Track it here: ${TRACKING_URL}`);
    expect((await conversationOf(phone)).state).toBe("open");
  });

  it("from a phone with no order asks for the order number and leaves the thread to a person", async () => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "STATUS")).toBe(200);
    await settle();
    const [reply] = await textsTo(phone);
    expect(reply).toMatch(/couldn't find an order for this number/);
    expect(reply).toMatch(/order number/);
    expect((await conversationOf(phone)).state).toBe("needs_reply");
  });
});

describe("rating after delivery", () => {
  async function askedForRating() {
    const { phone, fulfillment } = await shippedOrder();
    await postShopifyWebhook(app.url, "fulfillment_events/create", await fulfillmentEvent(fulfillment, "delivered"));
    await settle();
    expect((await textsTo(phone)).at(-1)).toMatch(/was delivered/);
    await sandbox.advanceClock(2 * 24 * 60);
    expect((await textsTo(phone)).at(-1)).toMatch(/How would you rate your order #9999\? Reply with a number from 1/);
    return phone;
  }

  it("a 1 gets an apology and the thread needs a reply", async () => {
    const phone = await askedForRating();
    await sandbox.textFromShopper(phone, "1");
    await settle();
    expect((await textsTo(phone)).at(-1)).toMatch(/sorry/i);
    expect(await conversationOf(phone)).toMatchObject({ state: "needs_reply", pendingQuestion: null });
  });

  it("a 5 gets thanks with the review link", async () => {
    const phone = await askedForRating();
    await sandbox.textFromShopper(phone, "5!");
    await settle();
    expect((await textsTo(phone)).at(-1)).toBe("Thank you! Would you share that in a quick review? https://textback-demo.example/reviews");
    expect(await conversationOf(phone)).toMatchObject({ state: "open", pendingQuestion: null });
  });
});

describe("free text", () => {
  it("a question the knowledge base answers gets that answer", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "How long does shipping take?");
    await settle();
    const faq = await db.faqEntry.findFirstOrThrow({ where: { shopId, topic: "shipping_time" } });
    expect(await textsTo(phone)).toEqual([faq.answer]);
    expect((await conversationOf(phone)).state).toBe("open");
  });

  it("one it does not answer gets one acknowledgement an hour and needs a reply", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "Is the green hoodie coming back in XL?");
    await sandbox.textFromShopper(phone, "Hello?");
    await settle();
    expect(await textsTo(phone)).toEqual(["Thanks for your message! A member of our team will reply shortly."]);
    expect((await conversationOf(phone)).state).toBe("needs_reply");
    await sandbox.advanceClock(61);
    await sandbox.textFromShopper(phone, "Anyone there?");
    await settle();
    expect(await textsTo(phone)).toHaveLength(2);
  });

  it("a thread a person has taken over gets no automatic answers", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "Can someone help me with a custom order?");
    await settle();
    const conversation = await conversationOf(phone);
    expect((await sandbox.adminPost(`/app/inbox/${conversation.id}/reply`, { body: "Sure, what do you need?" })).status).toBe(200);
    await settle();
    await sandbox.advanceClock(61);
    await sandbox.textFromShopper(phone, "How long does shipping take?");
    await settle();
    expect((await textsTo(phone)).at(-1)).toBe("Sure, what do you need?");
    expect((await conversationOf(phone)).state).toBe("needs_reply");
  });
});

describe("the shipping texts page", () => {
  const save = (fields: Record<string, string>) =>
    fetch(`${app.url}/app/flows/shipping?_data=routes%2Fapp.flows_.shipping`, {
      method: "POST",
      headers: { "User-Agent": BROWSER_USER_AGENT },
      body: new URLSearchParams(fields),
    });
  const form = {
    enabled: "on",
    "shipped.enabled": "on",
    "shipped.template": "{{order_name}} is on its way with {{carrier}}: {{tracking_url}}",
    "out_for_delivery.template": "unused",
    "attempted_delivery.template": "unused",
    "delivered.enabled": "on",
    "delivered.template": "{{order_name}} delivered.",
    "rating.enabled": "on",
    "rating.delayDays": "3",
    "rating.question": "Rate {{order_name}} 1-5?",
    "rating.thanks": "Thanks! {{review_url}}",
    "rating.apology": "Sorry!",
  };

  it("shows the defaults and refuses a template with an unknown variable, field by field", async () => {
    const html = await (await fetch(`${app.url}/app/flows/shipping`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(html).toContain("Out for delivery");
    const response = await save({ ...form, "delivered.template": "Use {{discount}}", "rating.delayDays": "0" });
    expect(response.status).toBe(400);
    const { fieldErrors } = await response.json();
    expect(fieldErrors["delivered.template"]).toMatch(/Unknown variables: \{\{discount\}\}/);
    expect(Object.keys(fieldErrors).sort()).toEqual(["delivered.template", "rating.delayDays"]);
  });

  it("saves the merchant's texts, and a switched-off milestone is not sent", async () => {
    expect((await save(form)).status).toBe(200);
    const { phone, fulfillment } = await shippedOrder();
    await postShopifyWebhook(app.url, "fulfillment_events/create", await fulfillmentEvent(fulfillment, "out_for_delivery"));
    await settle();
    expect(await textsTo(phone)).toEqual([`Textback Demo: #9999 is on its way with UPS: ${TRACKING_URL}`]);
    const settings = JSON.parse((await db.shop.findUniqueOrThrow({ where: { id: shopId } })).settings);
    expect(settings.shipping.out_for_delivery).toEqual({ enabled: false, template: "unused" });
  });
});

describe("the keywords & FAQ page", () => {
  const post = async (fields: Record<string, string>) => {
    const response = await fetch(`${app.url}/app/automation?_data=routes%2Fapp.automation`, {
      method: "POST",
      headers: { "User-Agent": BROWSER_USER_AGENT },
      body: new URLSearchParams(fields),
    });
    return { status: response.status, body: await response.json() };
  };

  it.each([
    ["STOP", /Reserved for opt-out/],
    ["join", /Reserved for opt-out/],
    ["Status", /built in/],
    ["two words", /One word/],
  ])("refuses the keyword %j", async (keyword, message) => {
    const { status, body } = await post({ intent: "save-keyword", keyword, answer: "Hi" });
    expect(status).toBe(400);
    expect(body.fieldErrors.keyword).toMatch(message);
  });

  it("a keyword the merchant adds answers at once, and stops when removed", async () => {
    const saved = await post({ intent: "save-keyword", keyword: "vip", answer: "VIPs get free express shipping." });
    expect(saved.body.saved).toMatchObject({ keyword: "VIP" });
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "VIP!");
    await settle();
    expect(await textsTo(phone)).toEqual(["VIPs get free express shipping."]);

    expect((await post({ intent: "remove-keyword", id: saved.body.saved.id })).body.removed).toBe(1);
    await sandbox.advanceClock(61);
    await sandbox.textFromShopper(phone, "VIP");
    await settle();
    expect((await textsTo(phone)).at(-1)).toMatch(/A member of our team will reply shortly/);
  });

  it("an FAQ entry the merchant adds answers questions like it", async () => {
    const { status } = await post({ intent: "add-faq", question: "Do you sell gift cards?", answer: "Yes, from $25 at checkout." });
    expect(status).toBe(200);
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "can I buy a gift card?");
    await settle();
    expect(await textsTo(phone)).toEqual(["Yes, from $25 at checkout."]);
    expect((await post({ intent: "add-faq", question: "?", answer: "" })).status).toBe(400);
  });
});

// Last: it moves the clock into the night.
describe("quiet hours", () => {
  it("a delivery at 23:00 in the shopper's zone is texted in the morning", async () => {
    const { phone, fulfillment } = await shippedOrder();
    const { now } = await (await fetch(`${app.url}/sandbox/clock`)).json();
    const night = new Date(`${now.slice(0, 10)}T05:00:00Z`);
    night.setUTCDate(night.getUTCDate() + 1);
    await sandbox.setClock(night.toISOString());
    await postShopifyWebhook(app.url, "fulfillment_events/create", await fulfillmentEvent(fulfillment, "delivered"));
    await settle();
    expect((await textsTo(phone)).filter((t) => /delivered/.test(t))).toEqual([]);
    const held = await db.message.findFirstOrThrow({ where: { toNumber: phone, status: "held" } });
    expect(JSON.parse(held.holdReason!)).toMatchObject({ code: "quiet_hours" });

    await sandbox.advanceClock(10 * 60);
    const delivered = (await sandbox.textsTo(phone)).filter((t) => /delivered/.test(t.text));
    expect(delivered).toHaveLength(1);
    expect(new Date(delivered[0].at).getTime()).toBeGreaterThanOrEqual(night.getTime() + 9 * 60 * 60_000);
  });

  it("a scan reported more than a day late is recorded without a text", async () => {
    const { phone, fulfillment } = await shippedOrder();
    const body = (await fulfillmentEvent(fulfillment, "delivered")).replace(/"happened_at": "[^"]+"/, '"happened_at": "2021-12-31T19:00:00-05:00"');
    await postShopifyWebhook(app.url, "fulfillment_events/create", body);
    await sandbox.advanceClock(12 * 60);
    expect(await textsTo(phone)).toHaveLength(1);
    const shipment = await db.shipment.findFirstOrThrow({ where: { shopifyFulfillmentId: fulfillment.fulfillmentId } });
    expect(shipment.shipmentStatus).toBe("delivered");
  });
});
