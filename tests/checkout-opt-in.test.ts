// confirmCheckoutSmsOptIn, called the way checkout intake calls it: after the checkout's
// consent was recorded for the contact, in one transaction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { inTransaction, type AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { suppressPhone } from "~/compliance/suppression.server";
import { confirmCheckoutSmsOptIn, recordShownDisclosure } from "~/commerce/checkout-consent.server";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { drainDueJobs } from "~/jobs/worker.server";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { useTestDatabase } from "./support/database";
import { createShop, testMessagingDeps } from "./support/factories";
import { uniquePhone } from "./support/sandbox-client";

const { db } = useTestDatabase();
let telnyx: TelnyxDouble;
beforeAll(async () => {
  telnyx = await startTelnyxDouble({ deliveryWebhooks: false });
});
afterAll(() => telnyx.close());

let clock: VirtualClock;
beforeEach(() => {
  clock = new VirtualClock(new Date("2026-11-25T18:00:00Z"));
});
const ctx = (): AppContext => ({ db, clock });
const deps = () => testMessagingDeps(telnyx.apiBaseUrl);
const sentTo = async (phone: string) => {
  await drainDueJobs(ctx(), createAppJobRegistry(deps()));
  return telnyx.messages({ to: phone }).map((m) => m.text);
};

const DISCLOSURE =
  "Text me cart reminders, order updates and offers from Test Outfitters. Up to 3 msgs/week. Msg & data rates may apply. Reply STOP to opt out, HELP for help.";

/** What checkout intake does with a checkout that carries buyer_accepts_sms_marketing and a phone. */
async function checkoutWithConsent(shopId: string, phone: string, checkoutToken: string) {
  return inTransaction(ctx(), async (txCtx) => {
    const { contact } = await recordConsentEvent(txCtx, {
      shopId,
      phone,
      scope: "marketing",
      granted: true,
      source: "checkout",
      text: "buyer_accepts_sms_marketing",
    });
    return confirmCheckoutSmsOptIn(txCtx, { shopId, contactId: contact.id, checkoutToken }, deps());
  });
}

async function shopShowing(checkoutToken: string) {
  const shop = await createShop(ctx(), { marketingCapPerWeek: 3 });
  const shown = await recordShownDisclosure(ctx(), {
    shopDomain: shop.domain,
    checkoutToken,
    target: "purchase.checkout.contact.render-after",
    disclosureVersion: 4,
    disclosureText: DISCLOSURE,
  });
  expect(shown).toEqual({ outcome: "recorded" });
  return shop;
}

describe("the opt-in confirmation after a checkout's SMS consent", () => {
  it("records the disclosure the extension showed in the ledger and sends one confirmation", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    const phone = uniquePhone();

    const result = await checkoutWithConsent(shop.id, phone, token);

    expect(result.outcome).toBe("sent");
    const ledger = await db.consentEvent.findMany({ where: { shopId: shop.id, phone, text: DISCLOSURE } });
    expect(ledger).toEqual([expect.objectContaining({ source: "checkout", scope: "marketing", granted: true })]);
    expect(JSON.parse(ledger[0].evidence!)).toMatchObject({ checkoutToken: token, disclosureVersion: 4, target: "purchase.checkout.contact.render-after" });
    const texts = await sentTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Test Outfitters: You're subscribed to Test Outfitters texts/);
    expect(texts[0]).toContain("Msg & data rates may apply");
    expect(texts[0]).toMatch(/STOP to cancel/);
  });

  it("a second update of the checkout, and the shopper's next checkout, send nothing more", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    const phone = uniquePhone();

    await checkoutWithConsent(shop.id, phone, token);
    expect(await sentTo(phone)).toHaveLength(1);
    clock.advanceMinutes(5);
    const again = await checkoutWithConsent(shop.id, phone, token);
    clock.advanceMinutes(60 * 24 * 7);
    const nextCheckout = await checkoutWithConsent(shop.id, phone, `tok-${crypto.randomUUID()}`);

    expect([again.outcome, nextCheckout.outcome]).toEqual(["not_sent", "not_sent"]);
    expect(await sentTo(phone)).toHaveLength(1);
    expect(await db.consentEvent.count({ where: { shopId: shop.id, phone, text: DISCLOSURE } })).toBe(1);
  });

  it("confirms again after the shopper opted out and a later checkout subscribed them anew", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    const phone = uniquePhone();
    const first = await checkoutWithConsent(shop.id, phone, token);
    clock.advanceMinutes(10);
    // Unsubscribed in Shopify: marketing withdrawn, not a STOP, so a new checkout consent counts.
    await recordConsentEvent(ctx(), { shopId: shop.id, phone, scope: "marketing", granted: false, source: "shopify_sync", text: "unsubscribed" });
    clock.advanceMinutes(10);

    const second = await checkoutWithConsent(shop.id, phone, `tok-${crypto.randomUUID()}`);

    expect([first.outcome, second.outcome]).toEqual(["sent", "sent"]);
    expect(await sentTo(phone)).toHaveLength(2);
  });

  it("sends nothing to a shopper who texted STOP: a checkout cannot undo it", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    const phone = uniquePhone();
    await recordConsentEvent(ctx(), { shopId: shop.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    clock.advanceMinutes(1);

    const result = await checkoutWithConsent(shop.id, phone, token);

    expect(result).toMatchObject({ outcome: "not_sent", reason: expect.stringContaining("opted out") });
    expect(await sentTo(phone)).toEqual([]);
    // The disclosure is still evidence in the ledger; the replay leaves the STOP standing.
    expect(await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId: shop.id, phone } } })).toMatchObject({ marketingConsent: false });
  });

  it("sends nothing to a suppressed phone (a STOP kept through customers/redact)", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    const phone = uniquePhone();
    await suppressPhone(ctx(), { shopId: shop.id, phone, hashKey: deps().secrets.suppressionHashKey, reason: "test" });

    const result = await checkoutWithConsent(shop.id, phone, token);

    expect(result).toMatchObject({ outcome: "not_sent", reason: expect.stringContaining("suppression") });
    expect(await sentTo(phone)).toEqual([]);
  });

  it("confirms a checkout consent the extension did not witness, with no disclosure to ledger", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();

    const result = await checkoutWithConsent(shop.id, phone, `tok-${crypto.randomUUID()}`);

    expect(result).toMatchObject({ outcome: "sent", disclosure: null });
    expect(await db.consentEvent.count({ where: { shopId: shop.id, phone } })).toBe(1);
    expect(await sentTo(phone)).toHaveLength(1);
  });

  it("keeps the disclosure a ledger entry cites: a later post for that checkout changes nothing", async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const shop = await shopShowing(token);
    await checkoutWithConsent(shop.id, uniquePhone(), token);

    const later = await recordShownDisclosure(ctx(), {
      shopDomain: shop.domain,
      checkoutToken: token,
      target: "purchase.thank-you.block.render",
      disclosureVersion: 5,
      disclosureText: "Something else",
    });

    expect(later).toEqual({ outcome: "already_in_ledger" });
    const kept = await db.checkoutConsentDisclosure.findUniqueOrThrow({ where: { shopId_checkoutToken: { shopId: shop.id, checkoutToken: token } } });
    expect(kept).toMatchObject({ disclosureVersion: 4, disclosureText: DISCLOSURE });
  });
});
