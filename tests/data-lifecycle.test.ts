// The checkout extension's evidence post and Shopify's lifecycle and privacy webhooks, against
// the built app in sandbox mode: signed requests in, the database and the Telnyx double out.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { suppressionHash } from "~/compliance/suppression.server";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { enqueueJob } from "~/jobs/queue.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { useWelcomeSeriesOff } from "./support/flow-settings";
import { createShop } from "./support/factories";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP, shopifyFixture } from "./support/shopify-webhooks";
import { checkoutPayload } from "./support/checkout-webhooks";
import { callCheckoutConsent, checkoutSessionToken } from "./support/checkout-extension";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
useWelcomeSeriesOff(db);
const sandbox = sandboxClient(() => app.url);
const secrets = { suppressionHashKey: suppressionHashKey(Buffer.from("textback-sandbox-encryption-key!").toString("base64")) };
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
});

/** A context on the sandbox's virtual clock, for what the test does in-process. */
async function sandboxCtx(): Promise<AppContext> {
  const { now } = (await (await fetch(`${app.url}/sandbox/clock`)).json()) as { now: string };
  return { db, clock: { now: () => new Date(now) } };
}

const postDisclosure = (body: unknown, token?: string | null) => callCheckoutConsent(app.url, body, token);

const DISCLOSURE =
  "Textback Demo: cart reminders, order updates and offers, up to 3 msgs/week. Msg & data rates may apply. Reply STOP to opt out, HELP for help. Terms: https://example.com/terms Privacy: https://example.com/privacy";

let checkoutVersion = 0;

/** A signed checkouts/update with Shopify's SMS consent ticked for this phone, newer each time. */
async function checkoutWithConsent(phone: string, checkoutToken: string) {
  const { now } = (await (await fetch(`${app.url}/sandbox/clock`)).json()) as { now: string };
  const updatedAt = new Date(Date.parse(now) + ++checkoutVersion * 1000).toISOString();
  const { body } = checkoutPayload({ token: checkoutToken, phone, acceptsSms: true, updatedAt });
  expect((await postShopifyWebhook(app.url, "checkouts/update", body)).status).toBe(200);
}

function customerPayload(fixture: "customers-redact" | "customers-data-request", customer: { id: string; phone: string; email: string }) {
  return shopifyFixture(fixture)
    .replace('"id": 191167', `"id": ${customer.id}`)
    .replace('"email": "john@example.com"', `"email": "${customer.email}"`)
    .replace('"phone": "555-625-1199"', `"phone": "${customer.phone}"`);
}

// Shopify's customer ids are 64-bit: past 2^53 JSON.parse would round them.
const shopper = () => ({ id: `91${String(Math.floor(Math.random() * 1e15)).padStart(17, "0")}`, phone: uniquePhone(), email: `${randomUUID()}@example.com` });

describe("the checkout extension's disclosure post", () => {
  it("is refused without a valid session token, and bad input is a 400", async () => {
    const valid = { checkoutToken: randomUUID(), target: "purchase.checkout.contact.render-after", disclosureVersion: 1, disclosureText: DISCLOSURE };
    expect((await postDisclosure(valid, null)).status).toBe(401);
    expect((await postDisclosure(valid, checkoutSessionToken(SANDBOX_SHOP, "not-the-secret"))).status).toBe(401);
    const bad = await postDisclosure({ ...valid, target: "somewhere.else", disclosureVersion: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/target.*disclosureVersion/);
    expect(await db.checkoutConsentDisclosure.count({ where: { checkoutToken: valid.checkoutToken } })).toBe(0);
  });

  it("answers the browser's preflight with CORS headers", async () => {
    const response = await fetch(`${app.url}/api/checkout-consent`, {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "POST", "User-Agent": BROWSER_USER_AGENT },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("leads, once the checkout webhook names the phone, to a ledger entry with the text shown and one confirmation text", async () => {
    const checkoutToken = randomUUID();
    const phone = uniquePhone();
    const posted = await postDisclosure({ checkoutToken, target: "purchase.checkout.contact.render-after", disclosureVersion: 2, disclosureText: DISCLOSURE });
    expect(posted.status).toBe(200);
    expect(posted.headers.get("access-control-allow-origin")).toBe("*");

    await checkoutWithConsent(phone, checkoutToken);
    await checkoutWithConsent(phone, checkoutToken);
    await sandbox.advanceClock(0);

    const ledger = await db.consentEvent.findMany({ where: { shopId, phone, source: "checkout", text: DISCLOSURE } });
    expect(ledger).toHaveLength(1);
    expect(JSON.parse(ledger[0].evidence!)).toMatchObject({ checkoutToken, disclosureVersion: 2 });
    const texts = await sandbox.textsTo(phone);
    expect(texts.map((t) => t.text)).toEqual([expect.stringMatching(/You're subscribed to .* texts.*Msg & data rates may apply.*STOP to cancel/)]);
  });
});

describe("customers/redact", () => {
  it("erases nothing of anyone else when the request carries a malformed email", async () => {
    const unrelated = await postShopifyWebhook(app.url, "orders/paid", JSON.stringify({ id: 1, note: "a shopper named Ada" }));
    expect(unrelated.status).toBe(200);
    const before = await db.webhookEvent.count({ where: { payload: { contains: "a" } } });
    const body = JSON.stringify({ shop_id: 954889, shop_domain: SANDBOX_SHOP, customer: { id: 191167, email: "a", phone: null }, orders_to_redact: [] });
    expect((await postShopifyWebhook(app.url, "customers/redact", body)).status).toBe(200);
    expect(await db.webhookEvent.count({ where: { payload: { contains: "a" } } })).toBeGreaterThanOrEqual(before);
  });

  it("erases an opted-out shopper but keeps the opt-out: a new checkout with consent sends nothing until they text START", async () => {
    const customer = shopper();
    await checkoutWithConsent(customer.phone, randomUUID());
    await sandbox.advanceClock(1);
    expect(await sandbox.textFromShopper(customer.phone, "STOP")).toBe(200);
    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(customer.phone)).toHaveLength(2);
    await db.contact.update({ where: { shopId_phone: { shopId, phone: customer.phone } }, data: { shopifyCustomerId: customer.id } });

    const body = customerPayload("customers-redact", customer);
    const webhookId = randomUUID();
    for (const delivery of [{ webhookId }, { webhookId }, { webhookId: randomUUID() }]) {
      expect((await postShopifyWebhook(app.url, "customers/redact", body, delivery)).status).toBe(200);
    }

    expect(await db.contact.count({ where: { shopId, phone: customer.phone } })).toBe(0);
    expect(await db.message.count({ where: { shopId, OR: [{ toNumber: customer.phone }, { fromNumber: customer.phone }] } })).toBe(0);
    expect(await db.consentEvent.count({ where: { shopId, phone: customer.phone } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { payload: { contains: customer.phone } } })).toBe(0);
    const hash = suppressionHash(shopId, customer.phone, secrets.suppressionHashKey);
    expect(await db.suppressedPhone.findMany({ where: { shopId, phoneHash: hash } })).toHaveLength(1);

    await checkoutWithConsent(customer.phone, randomUUID());
    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(customer.phone)).toHaveLength(2);

    expect(await sandbox.textFromShopper(customer.phone, "START")).toBe(200);
    await sandbox.advanceClock(0);
    const texts = (await sandbox.textsTo(customer.phone)).map((t) => t.text);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/subscribed again/);
    expect(await db.suppressedPhone.count({ where: { shopId, phoneHash: hash } })).toBe(0);
  });

  it("erases a subscribed shopper without listing their phone, and cancels what was queued for them", async () => {
    const customer = shopper();
    await checkoutWithConsent(customer.phone, randomUUID());
    const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone: customer.phone } } });
    const step = await enqueueJob(await sandboxCtx(), { kind: "cart-recovery-step", payload: { contactId: contact.id }, shopId, runAt: new Date("2099-01-01") });

    const response = await postShopifyWebhook(app.url, "customers/redact", customerPayload("customers-redact", customer));

    expect(response.status).toBe(200);
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({ status: "cancelled" });
    const hash = suppressionHash(shopId, customer.phone, secrets.suppressionHashKey);
    expect(await db.suppressedPhone.count({ where: { shopId, phoneHash: hash } })).toBe(0);
  });
});

describe("customers/data_request", () => {
  it("keeps the customer's data as JSON for the merchant, once per request", async () => {
    const customer = shopper();
    await checkoutWithConsent(customer.phone, randomUUID());
    await sandbox.advanceClock(1);
    expect(await sandbox.textFromShopper(customer.phone, "Where is my order?")).toBe(200);
    const body = customerPayload("customers-data-request", customer);

    const webhookId = randomUUID();
    for (const delivery of [{ webhookId }, { webhookId }, { webhookId: randomUUID() }]) {
      expect((await postShopifyWebhook(app.url, "customers/data_request", body, delivery)).status).toBe(200);
    }

    const requests = await db.customerDataRequest.findMany({ where: { shopId, shopifyCustomerId: customer.id } });
    expect(requests).toHaveLength(1);
    expect(requests[0].shopifyRequestId).toBe("9999");
    const data = JSON.parse(requests[0].data);
    expect(data.customer).toEqual({ shopifyCustomerId: customer.id, email: customer.email, phone: customer.phone });
    expect(data.contacts).toEqual([expect.objectContaining({ phone: customer.phone, marketingConsent: true })]);
    // The question got its automatic answer too (the shopper has no order yet).
    expect(data.messages.map((m: { body: string }) => m.body)).toEqual([
      expect.stringContaining("You're subscribed"),
      "Where is my order?",
      expect.stringContaining("Reply with your order number"),
    ]);
    expect(data.consentEvents).toEqual([expect.objectContaining({ source: "checkout", granted: true })]);
  });
});

describe("app/uninstalled and shop/redact", () => {
  async function installedShop() {
    const ctx = await sandboxCtx();
    const shop = await createShop(ctx);
    await db.session.create({ data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "x", accessToken: "token" } });
    const phone = uniquePhone();
    await recordConsentEvent(ctx, { shopId: shop.id, phone, scope: "marketing", granted: true, source: "checkout", text: DISCLOSURE });
    const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId: shop.id, phone } } });
    const held = await db.message.create({
      data: { shopId: shop.id, contactId: contact.id, direction: "outbound", body: "Your cart", fromNumber: shop.sendingNumber!, toNumber: phone, status: "held", occurredAt: ctx.clock.now() },
    });
    const job = await enqueueJob(ctx, { kind: "send-text", payload: { messageId: held.id }, shopId: shop.id, runAt: new Date("2099-01-01") });
    return { shop, held, job };
  }
  const shopOnly = (domain: string) => JSON.stringify({ shop_id: 954889, shop_domain: domain });

  it("app/uninstalled deletes the sessions and stops every job and waiting text, keeping the data", async () => {
    const { shop, held, job } = await installedShop();
    const body = shopifyFixture("app-uninstalled");
    const webhookId = randomUUID();
    for (const delivery of [{ webhookId, shop: shop.domain }, { webhookId, shop: shop.domain }]) {
      expect((await postShopifyWebhook(app.url, "app/uninstalled", body, delivery)).status).toBe(200);
    }

    expect(await db.session.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "cancelled", cancelReason: "the app was uninstalled" });
    expect(await db.message.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "cancelled" });
    expect((await db.shop.findUniqueOrThrow({ where: { id: shop.id } })).uninstalledAt).not.toBeNull();
    expect(await db.contact.count({ where: { shopId: shop.id } })).toBe(1);
  });

  it("shop/redact deletes an uninstalled shop's data and leaves an installed shop alone", async () => {
    const gone = await installedShop();
    const stays = await installedShop();
    await postShopifyWebhook(app.url, "app/uninstalled", shopifyFixture("app-uninstalled"), { shop: gone.shop.domain });

    for (const { shop } of [gone, stays]) {
      expect((await postShopifyWebhook(app.url, "shop/redact", shopOnly(shop.domain), { shop: shop.domain })).status).toBe(200);
    }
    expect((await postShopifyWebhook(app.url, "shop/redact", shopOnly(gone.shop.domain), { shop: gone.shop.domain })).status).toBe(200);

    expect(await db.shop.count({ where: { id: gone.shop.id } })).toBe(0);
    expect(await db.contact.count({ where: { shopId: gone.shop.id } })).toBe(0);
    expect(await db.consentEvent.count({ where: { shopId: gone.shop.id } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { shopDomain: gone.shop.domain } })).toBe(0);
    expect(await db.contact.count({ where: { shopId: stays.shop.id } })).toBe(1);
    expect(await db.session.count({ where: { shop: stays.shop.domain } })).toBe(1);
  });
});
