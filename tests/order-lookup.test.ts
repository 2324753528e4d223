// Order questions answered with the order the shopper names, through the sandbox: orders stored
// from signed Shopify webhooks or known only to the Admin API double, a shopper's text in
// through the Telnyx double, the answer read from what the double was asked to send.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, shopifyFixture } from "./support/shopify-webhooks";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const UPS_TRACKING = "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630";
// Order numbers no other test file uses, fresh for every run of this one.
let lastNumber = 100_000 + Math.floor(Math.random() * 800_000);
const nextOrderNumber = () => String(++lastNumber);

beforeAll(async () => {
  // 10:00 in Chicago tomorrow: inside the sending hours of the 312 numbers used here.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
  await sandbox.setClock(`${tomorrow.toISOString().slice(0, 10)}T16:00:00Z`);
});

/** An order stored from orders/create and shipped with UPS (fulfillments/create). */
async function storedShippedOrder(phone: string) {
  const number = nextOrderNumber();
  const orderId = `8209829119${number}`;
  const order = shopifyFixture("orders-create")
    .replace('"id": 820982911946154508', `"id": ${orderId}`)
    .replace('"name": "#9999"', `"name": "#${number}"`)
    .replace('"phone": null', `"phone": "${phone}"`);
  expect((await postShopifyWebhook(app.url, "orders/create", order)).status).toBe(200);
  const fulfillment = shopifyFixture("fulfillments-create")
    .replace('"id": 123456,', `"id": 45${number},`)
    .replace('"order_id": 820982911946154508', `"order_id": ${orderId}`)
    .replace('"status": "pending"', '"status": "success"');
  expect((await postShopifyWebhook(app.url, "fulfillments/create", fulfillment)).status).toBe(200);
  await settle();
  return number;
}

/** An order only Shopify has: the app never received its webhook. */
async function orderOnlyInShopify(order: Record<string, unknown>) {
  const number = nextOrderNumber();
  const response = await fetch(`${app.url}/sandbox/shopify-orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: Number(number), name: `#${number}`, ...order }),
  });
  expect(response.status).toBe(201);
  return number;
}

const settle = () => sandbox.advanceClock(0);

async function textFrom(phone: string, text: string) {
  expect(await sandbox.textFromShopper(phone, text)).toBe(200);
  await settle();
}

const textsTo = async (phone: string) => (await sandbox.textsTo(phone)).map((t) => t.text);
const threadOf = (phone: string) => db.conversation.findFirstOrThrow({ where: { contact: { phone } } });

describe("an order number in a question", () => {
  it("from the order's phone is answered with its status and tracking link", async () => {
    const phone = uniquePhone();
    const number = await storedShippedOrder(phone);
    await textFrom(phone, `where is #${number}`);
    expect(await textsTo(phone)).toEqual([`Your order #${number} has shipped with UPS. Track it here: ${UPS_TRACKING}`]);
    expect(await threadOf(phone)).toMatchObject({ state: "open", handoffReason: null });
  });

  it("from another phone tells nothing about the order, and the thread needs a reply", async () => {
    const number = await storedShippedOrder(uniquePhone());
    const stranger = uniquePhone();
    await textFrom(stranger, `#${number} where is it`);
    const texts = await textsTo(stranger);
    expect(texts).toEqual([`One moment, we're looking up order #${number}.`, expect.stringMatching(/couldn't match order/)]);
    expect(texts.join(" ")).not.toContain(UPS_TRACKING);
    expect(texts.join(" ")).not.toMatch(/shipped|UPS|deliver|prepared/i);
    expect(await threadOf(stranger)).toMatchObject({ state: "needs_reply", handoffReason: "order_not_verified" });
  });

  it("an order only Shopify has is found with orders(query:) and answered when the customer's phone is the shopper's", async () => {
    const phone = uniquePhone();
    const tracking = "https://www.fedex.com/fedextrack/?trknbr=770000000001";
    const number = await orderOnlyInShopify({
      email: "ana@example.com",
      customer: { id: 9_100_000 + Math.floor(Math.random() * 100_000), phone },
      fulfillments: [{ displayStatus: "OUT_FOR_DELIVERY", trackingInfo: [{ company: "FedEx", url: tracking }] }],
    });
    await textFrom(phone, `status of order ${number}`);
    expect((await textsTo(phone)).at(-1)).toBe(`Your order #${number} is out for delivery today. Track it here: ${tracking}`);
    expect(await threadOf(phone)).toMatchObject({ state: "open", handoffReason: null });

    const stranger = uniquePhone();
    await textFrom(stranger, `order ${number}?`);
    expect((await textsTo(stranger)).join(" ")).not.toMatch(/fedex|out for delivery/i);
    expect(await threadOf(stranger)).toMatchObject({ state: "needs_reply", handoffReason: "order_not_verified" });
  });

  it("a number no order has gets the same reply as someone else's order, and the thread needs a reply", async () => {
    const theirs = await orderOnlyInShopify({ phone: uniquePhone() });
    const [guesser, mistyper] = [uniquePhone(), uniquePhone()];
    const missing = nextOrderNumber();
    await textFrom(guesser, `where is #${theirs}`);
    await textFrom(mistyper, `where is #${missing}`);
    const toGuesser = await textsTo(guesser);
    const toMistyper = await textsTo(mistyper);
    expect(toMistyper.at(-1)).toMatch(/typo/);
    expect(toMistyper).toEqual(toGuesser.map((text) => text.replace(theirs, missing)));
    expect(await threadOf(mistyper)).toMatchObject({ state: "needs_reply", handoffReason: "order_not_found" });
  });
});

describe("asked for the order number", () => {
  it("a shopper with no order on file is asked for the number, and a reply with just the number is answered", async () => {
    const phone = uniquePhone();
    const number = await orderOnlyInShopify({ phone, fulfillments: [{ displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "USPS", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400" }] }] });
    await textFrom(phone, "where is my order");
    expect(await textsTo(phone)).toEqual([expect.stringMatching(/couldn't find an order for this number\. Reply with your order number/)]);
    const asked = await threadOf(phone);
    expect(asked).toMatchObject({ state: "needs_reply", handoffReason: "order_not_found" });
    expect(JSON.parse(asked.pendingQuestion!)).toMatchObject({ kind: "order_number" });

    await textFrom(phone, `its ${number}`);
    expect((await textsTo(phone)).at(-1)).toBe(
      `Your order #${number} has shipped with USPS. Track it here: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400`,
    );
    // The thread waited only for this answer: nobody needs to reply any more.
    expect(await threadOf(phone)).toMatchObject({ pendingQuestion: null, state: "open", handoffReason: null });
  });

  it("without the question, a bare number is not taken for an order", async () => {
    const phone = uniquePhone();
    const number = await orderOnlyInShopify({ phone, fulfillments: [{ trackingInfo: [{ company: "USPS", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9401" }] }] });
    await textFrom(phone, number);
    expect((await textsTo(phone)).join(" ")).not.toContain("USPS");
  });
});
