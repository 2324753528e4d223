// The storefront sign-up (issue 17): a phone typed into the theme extension's form reaches the
// app through Shopify's app proxy, signed, and is only pending until the shopper replies Y.
import { randomInt } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";
import { checkoutPayload } from "./support/checkout-webhooks";
import { appProxyQuery, storefrontClient } from "./support/app-proxy";
import { publicApi } from "./support/public-api";
import { BROWSER_USER_AGENT } from "./support/browser";

// No background worker: texts leave only when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const storefront = storefrontClient(() => app.url);
const HOUR = 60;
const REPLY_Y = /^Reply Y to get texts from Textback Demo/;
const SUBSCRIBED = /You're subscribed to Textback Demo texts/;
let shopId: string;
let disclosureVersion: number;

// A visitor's own address per call, so no test counts towards another's limit.
const visitorIp = () => `198.51.${randomInt(256)}.${randomInt(1, 255)}`;

beforeAll(async () => {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
  shopId = shop.id;
  // The merchant switches the form on (the sandbox's demo shop has it on).
  const settings = JSON.parse(shop.settings);
  await db.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify({ ...settings, signUp: { ...settings.signUp, enabled: true } }) } });
});

// Each test starts at 10:00 in Chicago (16:00 UTC), the zone of the 312 numbers, on a later day.
beforeEach(async () => {
  await sandbox.laterDayAt(5, 16);
  const form = await storefront.get("form");
  expect(form.status).toBe(200);
  disclosureVersion = form.body.disclosure.version;
});

const signUp = (phone: string, ip = visitorIp(), extra: Record<string, unknown> = {}) =>
  storefront.post("subscribe", { phone, disclosureVersion, pageUrl: "https://textback-demo.myshopify.com/products/linen-shirt", placement: "popup", ...extra }, { ip });

const nationalFormat = (phone: string) => `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;

describe("the storefront sign-up form", () => {
  it("shows the words the shop set and the checkout's disclosure", async () => {
    const { status, body } = await storefront.get("form");
    expect(status).toBe(200);
    expect(body).toMatchObject({ enabled: true, placement: "popup", headline: expect.any(String), body: expect.any(String) });
    expect(body.disclosure.label).toMatch(/^Text me .* from Textback Demo$/);
    expect(body.disclosure.paragraph).toContain("Reply STOP to opt out");
  });

  it("texts only 'Reply Y…' until the shopper answers Y, which subscribes them with the form's disclosure", async () => {
    const phone = uniquePhone();
    const form = (await storefront.get("form")).body;
    // Typed the way a shopper types it, read in the shop's country.
    const answer = await signUp(nationalFormat(phone));
    expect(answer).toMatchObject({ status: 200, body: { status: "pending", message: expect.stringMatching(/reply Y/) } });

    await sandbox.advanceClock(0);
    const asked = await sandbox.textsTo(phone);
    expect(asked.map((t) => t.text)).toEqual([expect.stringMatching(REPLY_Y)]);
    await sandbox.advanceClock(24 * HOUR);
    expect(await sandbox.textsTo(phone)).toHaveLength(1);
    expect(await db.consentEvent.count({ where: { shopId, phone } })).toBe(0);

    expect(await sandbox.textFromShopper(phone, " yes! ")).toBe(200);
    await sandbox.advanceClock(0);
    const texts = (await sandbox.textsTo(phone)).map((t) => t.text);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(SUBSCRIBED);
    // The confirmed sign-up is a new subscriber: the welcome series asks its question next.
    await sandbox.advanceClock(1);
    expect((await sandbox.textsTo(phone)).map((t) => t.text).slice(2)).toEqual([expect.stringMatching(/^Textback Demo: Welcome! What are you shopping for\?/)]);

    const [grant] = await db.consentEvent.findMany({ where: { shopId, phone } });
    expect(grant).toMatchObject({ scope: "marketing", granted: true, source: "signup_form" });
    expect(grant!.text).toBe(`${form.disclosure.label}\n${form.disclosure.paragraph}\n→  yes! `);
    const signUpRow = await db.signUp.findFirstOrThrow({ where: { shopId, phone } });
    expect(signUpRow).toMatchObject({ status: "confirmed", placement: "popup", pageUrl: "https://textback-demo.myshopify.com/products/linen-shirt" });
    expect(JSON.parse(grant!.evidence!)).toMatchObject({ signUpId: signUpRow.id, pageUrl: signUpRow.pageUrl, requestedAt: signUpRow.requestedAt.toISOString() });
    expect(JSON.parse(grant!.evidence!).replyProviderMessageId).toEqual(expect.any(String));
    expect(await db.contact.findFirstOrThrow({ where: { shopId, phone } })).toMatchObject({ marketingConsent: true, consentSource: "signup_form" });

    // Campaigns can aim at the form's subscribers.
    const segment = await publicApi(() => app.url).api("/segments", "POST", { name: `form ${phone}`, rules: { field: "consent_source", op: "=", value: "signup_form" } });
    expect(segment.status).toBe(201);
    expect(segment.body.size).toBeGreaterThanOrEqual(1);
  });

  it("counts a confirmed sign-up on the dashboard under the sign-up form, and a pending one nowhere", async () => {
    const dashboard = async () => {
      const response = await fetch(`${app.url}/app?period=7&_data=routes%2Fapp._index`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
      return (await response.json()).figures.newSubscribers;
    };
    const before = await dashboard();
    const phone = uniquePhone();
    expect((await signUp(phone)).status).toBe(200);
    await sandbox.advanceClock(0);
    expect(await dashboard()).toEqual(before);

    expect(await sandbox.textFromShopper(phone, "Y")).toBe(200);
    expect(await dashboard()).toEqual({ ...before, form: before.form + 1, total: before.total + 1 });
    const page = await (await fetch(`${app.url}/app?period=7`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
    expect(page).toContain("New subscribers");
    expect(page).toContain("Sign-up form");
  });

  it("is not confirmed a second time when the shopper then ticks the SMS box at checkout", async () => {
    const phone = uniquePhone();
    expect((await signUp(phone)).status).toBe(200);
    expect(await sandbox.textFromShopper(phone, "Y")).toBe(200);
    const { now } = (await sandbox.advanceClock(0)).body;
    const checkout = checkoutPayload({ phone, acceptsSms: true, updatedAt: now });
    expect((await postShopifyWebhook(app.url, "checkouts/update", checkout.body)).status).toBe(200);
    await sandbox.advanceClock(0);
    expect((await sandbox.textsTo(phone)).filter((t) => SUBSCRIBED.test(t.text))).toHaveLength(1);
  });

  it("refuses an unsigned or wrongly signed request with 401, storing and sending nothing", async () => {
    const phone = uniquePhone();
    const unsigned = await storefront.post("subscribe", { phone, disclosureVersion }, { query: null, ip: visitorIp() });
    const forged = await storefront.post("subscribe", { phone, disclosureVersion }, { query: appProxyQuery({}, { secret: "not-the-app-secret" }), ip: visitorIp() });
    const tampered = appProxyQuery();
    tampered.set("shop", "another-shop.myshopify.com");
    const otherShop = await storefront.post("subscribe", { phone, disclosureVersion }, { query: tampered, ip: visitorIp() });
    for (const answer of [unsigned, forged, otherShop]) expect(answer.status).toBe(401);
    expect((await storefront.get("form", null)).status).toBe(401);

    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(phone)).toEqual([]);
    expect(await db.signUp.count({ where: { phone } })).toBe(0);
    expect(await db.contact.count({ where: { phone } })).toBe(0);
  });

  it("limits sign-ups per phone and per visitor's address, with 429", async () => {
    const phone = uniquePhone();
    for (let i = 0; i < 3; i++) expect((await signUp(phone)).status).toBe(200);
    const limited = await signUp(phone);
    expect(limited).toEqual({ status: 429, retryAfter: String(24 * 3600), body: { error: expect.stringMatching(/Too many/) } });

    const ip = visitorIp();
    for (let i = 0; i < 5; i++) expect((await signUp(uniquePhone(), ip)).status).toBe(200);
    const fromAddress = uniquePhone();
    expect(await signUp(fromAddress, ip)).toMatchObject({ status: 429, retryAfter: "3600" });
    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(fromAddress)).toEqual([]);
    expect(await sandbox.textsTo(phone)).toHaveLength(3);
  });

  it("answers a subscribed or opted-out number as any other and texts neither", async () => {
    const subscribed = uniquePhone();
    const optedOut = uniquePhone();
    expect(await sandbox.textFromShopper(subscribed, "JOIN")).toBe(200);
    expect(await sandbox.textFromShopper(optedOut, "STOP")).toBe(200);
    // JOIN's confirmation and, a minute later, the welcome question; STOP's confirmation.
    await sandbox.advanceClock(1);
    const before = [await sandbox.textsTo(subscribed), await sandbox.textsTo(optedOut)];
    expect(before.map((texts) => texts.length)).toEqual([2, 1]);

    const stranger = await signUp(uniquePhone());
    expect(await signUp(subscribed)).toEqual(stranger);
    expect(await signUp(optedOut)).toEqual(stranger);
    await sandbox.advanceClock(2 * 24 * HOUR);
    expect([await sandbox.textsTo(subscribed), await sandbox.textsTo(optedOut)]).toEqual(before);
  });

  it("lets a sign-up expire: a Y after it subscribes nobody", async () => {
    const phone = uniquePhone();
    expect((await signUp(phone)).status).toBe(200);
    // The demo shop waits 48 hours for the Y.
    await sandbox.advanceClock(49 * HOUR);
    expect(await db.signUp.findFirstOrThrow({ where: { shopId, phone } })).toMatchObject({ status: "expired" });

    expect(await sandbox.textFromShopper(phone, "Y")).toBe(200);
    await sandbox.advanceClock(0);
    // An ordinary text now, answered like any other (the inbox's acknowledgement), never as a confirmation.
    const texts = (await sandbox.textsTo(phone)).map((t) => t.text);
    expect(texts.filter((text) => REPLY_Y.test(text))).toHaveLength(1);
    expect(texts.filter((text) => SUBSCRIBED.test(text))).toEqual([]);
    expect(await db.consentEvent.count({ where: { shopId, phone } })).toBe(0);
    expect(await db.contact.findFirstOrThrow({ where: { shopId, phone } })).toMatchObject({ marketingConsent: false });
  });

  it("reads YES after a STOP as opting back in, and a STOP withdraws the pending sign-up", async () => {
    const phone = uniquePhone();
    expect((await signUp(phone)).status).toBe(200);
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    expect(await sandbox.textFromShopper(phone, "YES")).toBe(200);
    await sandbox.advanceClock(0);
    const sources = (await db.consentEvent.findMany({ where: { shopId, phone }, orderBy: { occurredAt: "asc" } })).map((e) => `${e.source}:${e.granted}`);
    expect(sources).toEqual(["keyword:false", "keyword:true"]);

    // The STOP withdrew the sign-up: a Y now is not its answer.
    expect(await sandbox.textFromShopper(phone, "Y")).toBe(200);
    await sandbox.advanceClock(0);
    expect(await db.consentEvent.count({ where: { shopId, phone, source: "signup_form" } })).toBe(0);
    expect(await db.signUp.findFirstOrThrow({ where: { shopId, phone } })).toMatchObject({ status: "pending" });
  });
});
