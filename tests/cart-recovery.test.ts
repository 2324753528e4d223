import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { useWelcomeSeriesOff } from "./support/flow-settings";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";
import { checkoutPayload, orderPayload, type CheckoutChange } from "./support/checkout-webhooks";

// No background worker: the flow moves only when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
useWelcomeSeriesOff(db);
const sandbox = sandboxClient(() => app.url);
const HOUR = 60;
const DAY = 24 * HOUR;
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
});

// Each test starts at 10:00 in Chicago (16:00 UTC) on a later day than the last, inside
// every sending window the numbers below live in.
beforeEach(async () => {
  await sandbox.laterDayAt(5, 16);
});

async function sandboxNow() {
  return (await sandbox.advanceClock(0)).body.now as string;
}

async function checkoutUpdate(change: Omit<CheckoutChange, "updatedAt"> & { updatedAt?: string }) {
  const payload = checkoutPayload({ ...change, updatedAt: change.updatedAt ?? (await sandboxNow()) });
  const response = await postShopifyWebhook(app.url, "checkouts/update", payload.body);
  expect(response.status).toBe(200);
  return payload;
}

// Consent ticked at checkout is confirmed at once (issue 7); these tests count recovery texts.
const OPT_IN_CONFIRMATION = /You're subscribed to/;
const recoveryTextsTo = async (phone: string) => (await sandbox.textsTo(phone)).filter((t) => !OPT_IN_CONFIRMATION.test(t.text));

const linksIn = (text: string) => [...text.matchAll(/https?:\/\/\S+\/r\/([A-Za-z0-9]+)/g)].map((m) => ({ url: m[0], code: m[1] }));
const codesIn = (text: string) => [...text.matchAll(/\bTB-[A-Z0-9]+/g)].map((m) => m[0]);
const ukPhone = () => `+4474001${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;

describe("cart recovery for a consented US shopper", () => {
  it("texts once at abandonment, naming the product, with a tracked link to the checkout", async () => {
    const phone = uniquePhone();
    const checkout = await checkoutUpdate({ phone, acceptsSms: true, firstTitle: "Linen shirt" });

    await sandbox.advanceClock(29);
    expect(await recoveryTextsTo(phone)).toEqual([]);
    await sandbox.advanceClock(2);
    const texts = await recoveryTextsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0].text).toMatch(/^Textback Demo: Hi John, you left Linen shirt \(Pink\) and 1 more in your cart/);
    expect(texts[0].text).toContain("Reply STOP to opt out");

    const [link] = linksIn(texts[0].text);
    expect(new URL(link.url).pathname).toMatch(/^\/r\/[A-Za-z0-9]{8}$/);
    const click = await fetch(link.url, { redirect: "manual" });
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe(checkout.url);
    expect(await db.link.findUniqueOrThrow({ where: { code: link.code } })).toMatchObject({ clicks: 1, target: checkout.url });

    await sandbox.advanceClock(3 * DAY);
    expect(await recoveryTextsTo(phone)).toHaveLength(1);
    const confirmations = (await sandbox.textsTo(phone)).filter((t) => OPT_IN_CONFIRMATION.test(t.text));
    expect(confirmations).toHaveLength(1);
  });

  it("makes the next offer, with a single-use code, only after the shopper answered", async () => {
    const phone = uniquePhone();
    await checkoutUpdate({ phone, acceptsSms: true });
    await sandbox.advanceClock(31);
    expect(await sandbox.textFromShopper(phone, "Does it come in blue?")).toBe(200);

    await sandbox.advanceClock(DAY);
    const texts = await recoveryTextsTo(phone);
    expect(texts).toHaveLength(2);
    const [code] = codesIn(texts[1].text);
    expect(texts[1].text).toContain(`10% off with code ${code}`);
    const { discounts } = await (await fetch(`${app.url}/sandbox/discounts`)).json();
    expect(discounts.filter((d: { code: string }) => d.code === code)).toEqual([
      expect.objectContaining({ code, percentage: 0.1, usageLimit: 1 }),
    ]);
  });

  it("a text due at 22:30 in the shopper's time zone goes out at 08:00 the next morning, not before", async () => {
    const today = new Date(await sandboxNow()); // 10:00 in Chicago
    const at = (hours: number, minutes = 0) => new Date(today.getTime() + (hours * 60 + minutes) * 60_000).toISOString();
    await sandbox.setClock(at(12)); // 22:00 in Chicago
    const phone = uniquePhone("312");
    await checkoutUpdate({ phone, acceptsSms: true });

    await sandbox.advanceClock(31);
    await sandbox.setClock(at(21, 59)); // 07:59
    expect(await recoveryTextsTo(phone)).toEqual([]);
    const held = await db.message.findFirstOrThrow({ where: { shopId, toNumber: phone, flow: "cart_recovery" } });
    expect(held.status).toBe("held");
    expect(JSON.parse(held.holdReason!)).toMatchObject({ code: "quiet_hours", until: at(22), zones: ["America/Chicago"] });

    await sandbox.setClock(at(22)); // 08:00 in Chicago
    const texts = await recoveryTextsTo(phone);
    expect(texts).toHaveLength(1);
    expect(new Date(texts[0].at).toISOString()).toBe(at(22));
  });

  it("a checkout updated 20 minutes after the first webhook restarts the timer", async () => {
    const phone = uniquePhone();
    const first = await checkoutUpdate({ phone, acceptsSms: true });
    await sandbox.advanceClock(20);
    await checkoutUpdate({ phone, acceptsSms: true, token: first.token });

    await sandbox.advanceClock(11);
    expect(await recoveryTextsTo(phone)).toEqual([]);
    await sandbox.advanceClock(20);
    expect(await recoveryTextsTo(phone)).toHaveLength(1);
  });

  it("an older update delivered late does not move the checkout back", async () => {
    const phone = uniquePhone();
    const now = await sandboxNow();
    const earlier = new Date(new Date(now).getTime() - 5 * 60_000).toISOString();
    const newer = await checkoutUpdate({ phone, acceptsSms: true, firstTitle: "Wool scarf", updatedAt: now });
    await checkoutUpdate({ phone, acceptsSms: true, firstTitle: "Old item", token: newer.token, updatedAt: earlier });

    const stored = await db.checkout.findUniqueOrThrow({ where: { shopId_token: { shopId, token: newer.token } } });
    expect(stored.lineItems).toContain("Wool scarf");
    expect(stored.shopifyUpdatedAt.toISOString()).toBe(now);
  });
});

describe("cart recovery outside North America", () => {
  it("walks through every step, each discount step with its own single-use code", async () => {
    const phone = ukPhone();
    const checkout = await checkoutUpdate({ phone, acceptsSms: true, countryCode: "GB" });

    await sandbox.advanceClock(31);
    await sandbox.advanceClock(DAY);
    await sandbox.advanceClock(DAY);
    const texts = await recoveryTextsTo(phone);
    expect(texts).toHaveLength(3);
    const codes = texts.flatMap((text) => codesIn(text.text));
    expect(codes).toHaveLength(2);
    expect(new Set(codes).size).toBe(2);
    const { discounts } = await (await fetch(`${app.url}/sandbox/discounts`)).json();
    const issued = discounts.filter((d: { code: string }) => codes.includes(d.code));
    expect(issued.map((d: { percentage: number }) => d.percentage).sort()).toEqual([0.1, 0.15]);
    expect(issued.every((d: { usageLimit: number; endsAt: string }) => d.usageLimit === 1 && d.endsAt)).toBe(true);

    // The offer's link applies its code on the way to the checkout.
    const [link] = linksIn(texts[1].text);
    const target = (await fetch(link.url, { redirect: "manual" })).headers.get("location")!;
    expect(target).toBe(`https://checkout.local/discount/${codes[0]}?redirect=${encodeURIComponent(new URL(checkout.url).pathname + new URL(checkout.url).search)}`);

    await sandbox.advanceClock(5 * DAY);
    expect(await recoveryTextsTo(phone)).toHaveLength(3);
  });

  it("an order arriving a minute before a step cancels it and is attributed once, with its value", async () => {
    const phone = ukPhone();
    const checkout = await checkoutUpdate({ phone, acceptsSms: true, countryCode: "GB" });
    await sandbox.advanceClock(31);
    const [first] = await recoveryTextsTo(phone);
    await fetch(linksIn(first.text)[0].url, { redirect: "manual" });
    // Step 1 went at minute 30, so step 2 is due at minute 30 of the next day: one minute away.
    await sandbox.advanceClock(DAY - 2);
    expect(await db.job.count({ where: { kind: "cart-recovery-step", status: "queued", runAt: { gt: new Date(await sandboxNow()) } } })).toBeGreaterThan(0);

    const order = orderPayload({ checkoutToken: checkout.token, createdAt: await sandboxNow(), totalPrice: "129.50" });
    const webhookId = randomUUID();
    for (let delivery = 0; delivery < 2; delivery++) {
      expect((await postShopifyWebhook(app.url, "orders/create", order.body, { webhookId })).status).toBe(200);
    }
    expect((await postShopifyWebhook(app.url, "orders/paid", order.body)).status).toBe(200);

    await sandbox.advanceClock(3 * DAY);
    expect(await recoveryTextsTo(phone)).toHaveLength(1);
    const stored = await db.order.findMany({ where: { shopId, shopifyOrderId: order.id } });
    const firstMessage = await db.message.findFirstOrThrow({ where: { shopId, toNumber: phone, flowStep: 1 } });
    expect(stored).toEqual([
      expect.objectContaining({ attributedMessageId: firstMessage.id, attributionRule: "clicked", recoveredAt: expect.any(Date) }),
    ]);
    expect(Number(stored[0].totalPrice)).toBe(129.5);
    expect(await db.checkout.findUniqueOrThrow({ where: { shopId_token: { shopId, token: checkout.token } } })).toMatchObject({
      recoveryStatus: "stopped",
      recoveryStopReason: "ordered",
      recoveredOrderId: stored[0].id,
    });
  });
});

describe("cart recovery never texts without consent", () => {
  it("a checkout without SMS consent gets no text", async () => {
    const phone = uniquePhone();
    const checkout = await checkoutUpdate({ phone, acceptsSms: false });
    await sandbox.advanceClock(2 * DAY);
    expect(await recoveryTextsTo(phone)).toEqual([]);
    expect(await db.checkout.findUniqueOrThrow({ where: { shopId_token: { shopId, token: checkout.token } } })).toMatchObject({
      recoveryStatus: "stopped",
      recoveryStopReason: "no_consent",
    });
  });

  it("a phone that texted STOP gets nothing, even when a later checkout ticks the box", async () => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    await sandbox.advanceClock(0);
    const confirmations = (await sandbox.textsTo(phone)).length;

    await checkoutUpdate({ phone, acceptsSms: true });
    await sandbox.advanceClock(2 * DAY);
    expect(await sandbox.textsTo(phone)).toHaveLength(confirmations);
    const ledger = await db.consentEvent.findMany({ where: { shopId, phone }, orderBy: { occurredAt: "asc" } });
    expect(ledger.map((e) => [e.source, e.granted])).toEqual([["keyword", false], ["checkout", true]]);
  });

  it("a STOP after the first text ends the flow: no offer follows", async () => {
    const phone = ukPhone();
    const checkout = await checkoutUpdate({ phone, acceptsSms: true, countryCode: "GB" });
    await sandbox.advanceClock(31);
    expect(await sandbox.textFromShopper(phone, "stop")).toBe(200);
    await sandbox.advanceClock(3 * DAY);
    const texts = await recoveryTextsTo(phone);
    expect(texts).toHaveLength(2);
    expect(texts[1].text).toMatch(/unsubscribed|opted out/i);
    const { id } = await db.checkout.findUniqueOrThrow({ where: { shopId_token: { shopId, token: checkout.token } } });
    const pending = await db.job.count({ where: { kind: "cart-recovery-step", status: "queued", dedupeKey: { startsWith: `cart-recovery-step:${id}:` } } });
    expect(pending).toBe(0);
  });
});

describe("tracked links", () => {
  it("answer 404 for a code that was never issued, whatever the path tries", async () => {
    for (const path of ["/r/zzzzzzzz", "/r/AAAAAAAA", "/r/https%3A%2F%2Fevil.example", "/r/..%2F..%2Fadmin"]) {
      const response = await fetch(`${app.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("location"), path).toBeNull();
    }
  });
});
