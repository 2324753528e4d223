// What the demo shop tells shoppers about its texts — the checkout block's disclosure, JOIN's
// confirmation, HELP's answer — against the caps the sender gate enforces, and what the consent
// ledger keeps of a checkout consent: the words the block showed, or that none were reported.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Shop } from "../prisma/generated/sqlite/index.js";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { callCheckoutConsent } from "./support/checkout-extension";
import { checkoutPayload } from "./support/checkout-webhooks";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);

// The caps the gate will enforce for the demo shop while these tests run.
const CAPS = { marketingCapPerDay: 2, marketingCapPerWeek: 5 };
const STATED_CAPS = `up to ${CAPS.marketingCapPerDay} msgs/day and ${CAPS.marketingCapPerWeek} msgs/week`;

const KEPT = ["brandName", "marketingCapPerDay", "marketingCapPerWeek", "helpText", "consentDisclosure", "consentDisclosureVersion"] as const;
let before: Pick<Shop, (typeof KEPT)[number]>;
beforeAll(async () => {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
  before = Object.fromEntries(KEPT.map((key) => [key, shop[key]])) as typeof before;
  // The shop's own words for HELP and the disclosure left empty: the defaults are under test.
  const fields = { quietHoursStart: "8", quietHoursEnd: "21", marketingCapPerDay: String(CAPS.marketingCapPerDay), marketingCapPerWeek: String(CAPS.marketingCapPerWeek), helpText: "", consentDisclosure: "" };
  const saved = await fetch(`${app.url}/app/compliance?_data=routes%2Fapp.compliance`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams(fields) });
  expect(saved.status).toBe(200);
  // 09:00 in Chicago on a later day: inside every sending window.
  const { body } = await sandbox.advanceClock(0);
  const morning = new Date(body.now);
  morning.setUTCDate(morning.getUTCDate() + 1);
  morning.setUTCHours(15, 0, 0, 0);
  await sandbox.setClock(morning.toISOString());
});
// Later files text the demo shop within its settings.
afterAll(() => db.shop.update({ where: { domain: SANDBOX_SHOP }, data: before }));

/** A marketing statement must give the caps, and order updates must not sit inside it. */
function expectCapsForMarketingOnly(text: string) {
  expect(text).toContain(`Cart reminders and offers: ${STATED_CAPS}.`);
  expect(text).toContain("Order updates when your order ships and arrives, outside that limit.");
}

async function disclosureShown() {
  const response = await callCheckoutConsent(app.url);
  expect(response.status).toBe(200);
  return (await response.json()) as { label: string; paragraph: string; version: number };
}

let checkoutVersion = 0;
async function checkoutWithConsent(phone: string, checkoutToken: string) {
  const { now } = (await (await fetch(`${app.url}/sandbox/clock`)).json()) as { now: string };
  const updatedAt = new Date(Date.parse(now) + ++checkoutVersion * 1000).toISOString();
  const { body } = checkoutPayload({ token: checkoutToken, phone, acceptsSms: true, updatedAt });
  expect((await postShopifyWebhook(app.url, "checkouts/update", body)).status).toBe(200);
  await sandbox.advanceClock(0);
}

const checkoutConsents = (phone: string) => db.consentEvent.findMany({ where: { phone, source: "checkout" } });

describe("the frequency shoppers are told", () => {
  it("at checkout is the marketing caps the gate enforces, with order updates stated apart", async () => {
    const { label, paragraph } = await disclosureShown();
    expect(label).toBe("Text me cart reminders, offers and order updates from Textback Demo");
    expectCapsForMarketingOnly(paragraph);
  });

  it("in JOIN's confirmation is the same, and the ledger keeps the confirmation sent", async () => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "JOIN")).toBe(200);
    await sandbox.advanceClock(0);

    const [confirmation] = await sandbox.textsTo(phone);
    expectCapsForMarketingOnly(confirmation.text);
    const [event] = await db.consentEvent.findMany({ where: { phone } });
    expect(event.text).toBe(`JOIN → ${confirmation.text}`);
  });

  it("in HELP's answer is the same", async () => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "HELP")).toBe(200);
    await sandbox.advanceClock(0);

    const [answer] = await sandbox.textsTo(phone);
    expectCapsForMarketingOnly(answer.text);
  });
});

describe("the checkout disclosure's version", () => {
  it("goes up when a setting it states changes, here the brand: one version means one text", async () => {
    const before = await disclosureShown();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const store = { intent: "store", brandName: "Harbor & Pine", supportEmail: shop.supportEmail ?? "", returnsUrl: shop.returnsUrl ?? "", reviewUrl: shop.reviewUrl ?? "", costPerSegment: String(shop.costPerSegment) };
    const saved = await fetch(`${app.url}/app/settings?_data=routes%2Fapp.settings`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams(store) });
    expect(saved.status).toBe(200);

    const after = await disclosureShown();

    expect(after.label).toContain("Harbor & Pine");
    expect(after.version).toBe(before.version + 1);
  });
});

describe("a checkout consent in the ledger", () => {
  it("keeps exactly the words the checkout block showed", async () => {
    const { label, paragraph, version } = await disclosureShown();
    const shown = `${label}\n${paragraph}\nTerms: https://textback-demo.example/terms`;
    const checkoutToken = randomUUID();
    const phone = uniquePhone();
    const posted = await callCheckoutConsent(app.url, { checkoutToken, target: "purchase.thank-you.block.render", disclosureVersion: version, disclosureText: shown });
    expect(posted.status).toBe(200);

    await checkoutWithConsent(phone, checkoutToken);

    expect((await checkoutConsents(phone)).map((event) => event.text)).toEqual([shown]);
  });

  it("says the disclosure was not reported when the block sent none, rather than quoting the shop's words", async () => {
    const phone = uniquePhone();

    await checkoutWithConsent(phone, randomUUID());

    const [event] = await checkoutConsents(phone);
    expect(event.text).toMatch(/^Disclosure not reported by the checkout/);
    expect(JSON.parse(event.evidence!)).toMatchObject({ disclosureReported: false });
  });
});
