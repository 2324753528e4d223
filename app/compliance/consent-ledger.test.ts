import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { createDb, type Db } from "~/db.server";
import { useTestDatabase } from "../../tests/support/database";
import {
  CONSENT_SCOPES,
  CONSENT_SOURCES,
  consentHistory,
  deriveConsentState,
  recordConsentEvent,
  type ConsentEventInput,
  type ConsentScope,
  type ConsentSource,
} from "./consent-ledger.server";

const { db, url, engine } = useTestDatabase();
const START = new Date("2026-03-02T15:00:00.000Z");
const domains = [`consent-a-${process.pid}.myshopify.com`, `consent-b-${process.pid}.myshopify.com`];
let shopId: string;
let otherShopId: string;
let clock: VirtualClock;
let ctx: AppContext;
let phoneCounter = 0;
const nextPhone = () => `+1312555${String(1000 + (phoneCounter++ % 9000)).padStart(4, "0")}`;

beforeAll(async () => {
  await db.shop.deleteMany({ where: { domain: { in: domains } } });
  shopId = (await db.shop.create({ data: { domain: domains[0], name: "Consent shop" } })).id;
  otherShopId = (await db.shop.create({ data: { domain: domains[1], name: "Other shop" } })).id;
});
afterAll(() => db.shop.deleteMany({ where: { domain: { in: domains } } }));
beforeEach(() => {
  clock = new VirtualClock(START);
  ctx = { db, clock };
});

const event = (phone: string, scope: ConsentScope, granted: boolean, source: ConsentSource, extra: Partial<ConsentEventInput> = {}) =>
  ({ shopId, phone, scope, granted, source, text: `${source} ${scope} ${granted ? "granted" : "revoked"}`, ...extra }) as ConsentEventInput;
const stateOf = (phone: string) =>
  db.contact.findUniqueOrThrow({
    where: { shopId_phone: { shopId, phone } },
    select: { marketingConsent: true, transactionalConsent: true, optedOutAt: true, consentSource: true },
  });

describe("recording consent", () => {
  it("a checkout opt-in to marketing grants order updates too, and creates the contact", async () => {
    const phone = nextPhone();
    const { contact, event: row } = await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout", { evidence: { checkoutToken: "abc" } }));
    expect(contact).toMatchObject({ phone, marketingConsent: true, transactionalConsent: true, optedOutAt: null, consentSource: "checkout" });
    expect(row).toMatchObject({ contactId: contact.id, occurredAt: START, evidence: '{"checkoutToken":"abc"}' });
  });

  it("STOP revokes marketing and transactional consent and stamps the opt-out time", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
    clock.advanceMinutes(5);
    await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword", { text: "STOP" }));
    expect(await stateOf(phone)).toEqual({ marketingConsent: false, transactionalConsent: false, optedOutAt: clock.now(), consentSource: null });
  });

  it("START after STOP restores the scope it grants and clears the opt-out", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
    await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword"));
    await recordConsentEvent(ctx, event(phone, "transactional", true, "keyword", { text: "START" }));
    expect(await stateOf(phone)).toEqual({ marketingConsent: false, transactionalConsent: true, optedOutAt: null, consentSource: null });
    await recordConsentEvent(ctx, event(phone, "marketing", true, "keyword", { text: "JOIN" }));
    expect(await stateOf(phone)).toEqual({ marketingConsent: true, transactionalConsent: true, optedOutAt: null, consentSource: "keyword" });
  });

  it("an admin or a Shopify sync cannot re-subscribe a phone that texted STOP, but is still recorded", async () => {
    const phone = nextPhone();
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", false, "carrier"));
    await recordConsentEvent(ctx, event(phone, "marketing", true, "shopify_sync"));
    await recordConsentEvent(ctx, event(phone, "transactional", true, "admin"));
    expect(await stateOf(phone)).toEqual({ marketingConsent: false, transactionalConsent: false, optedOutAt: START, consentSource: null });
    expect(await consentHistory(ctx, { shopId, contactId: contact.id })).toHaveLength(3);
  });

  it("an admin's marketing revocation leaves order updates on; revoking transactional opts out", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
    await recordConsentEvent(ctx, event(phone, "marketing", false, "shopify_sync"));
    expect(await stateOf(phone)).toEqual({ marketingConsent: false, transactionalConsent: true, optedOutAt: null, consentSource: null });
    await recordConsentEvent(ctx, event(phone, "transactional", false, "admin"));
    expect((await stateOf(phone)).optedOutAt).not.toBeNull();
    await recordConsentEvent(ctx, event(phone, "transactional", true, "admin"));
    expect(await stateOf(phone)).toEqual({ marketingConsent: false, transactionalConsent: true, optedOutAt: null, consentSource: null });
  });

  it("keeps a STOP and a START recorded in one clock tick in the order they happened", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword"));
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", true, "keyword"));
    expect(contact).toMatchObject({ marketingConsent: true, optedOutAt: null });
    const history = await consentHistory(ctx, { shopId, contactId: contact.id });
    expect(history.map((e) => e.occurredAt.getTime() - START.getTime())).toEqual([0, 1]);
  });

  it("places a keyword grant at the time it was sent, so a JOIN applied after a later STOP leaves the shopper opted out", async () => {
    const phone = nextPhone();
    clock.advanceMinutes(1);
    await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword", { at: new Date(START.getTime() + 30_000) }));
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", true, "keyword", { at: new Date(START.getTime() + 10_000) }));
    expect(contact).toMatchObject({ marketingConsent: false, optedOutAt: new Date(START.getTime() + 30_000) });
  });

  it("never places a late STOP before what is already recorded: a START applied first stays undone", async () => {
    const phone = nextPhone();
    clock.advanceMinutes(1);
    await recordConsentEvent(ctx, event(phone, "marketing", true, "keyword", { at: new Date(START.getTime() + 30_000) }));
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword", { at: new Date(START.getTime() + 10_000) }));
    expect(contact).toMatchObject({ marketingConsent: false, optedOutAt: new Date(START.getTime() + 30_001) });
  });

  it("refuses another shop's contact, a contact with another phone, a non-E.164 phone and an empty text", async () => {
    const phone = nextPhone();
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
    await expect(recordConsentEvent(ctx, { ...event(phone, "marketing", false, "admin"), shopId: otherShopId, contactId: contact.id })).rejects.toThrow(/does not belong/);
    await expect(recordConsentEvent(ctx, { ...event(nextPhone(), "marketing", false, "admin"), contactId: contact.id })).rejects.toThrow(/another phone/);
    await expect(recordConsentEvent(ctx, event("312-555-0100", "marketing", true, "admin"))).rejects.toThrow(TypeError);
    await expect(recordConsentEvent(ctx, event(phone, "marketing", false, "admin", { text: "  " }))).rejects.toThrow(TypeError);
    expect(await consentHistory(ctx, { shopId, contactId: contact.id })).toHaveLength(1);
    expect(await stateOf(phone)).toMatchObject({ marketingConsent: true });
  });

  it("commits with the caller's transaction and rolls back with it", async () => {
    const phone = nextPhone();
    await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
    await expect(
      db.$transaction(async (tx) => {
        await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword"), tx);
        throw new Error("the inbound message failed to store");
      }),
    ).rejects.toThrow("failed to store");
    expect(await stateOf(phone)).toMatchObject({ marketingConsent: true, optedOutAt: null });
    // A transaction's client handed over as ctx.db (how webhook work runs) is joined, not nested.
    clock.advanceMinutes(1);
    await db.$transaction((tx) => recordConsentEvent({ db: tx as unknown as Db, clock }, event(phone, "marketing", false, "keyword")));
    expect(await stateOf(phone)).toMatchObject({ marketingConsent: false, optedOutAt: clock.now() });
  });

  it("shows a contact's history oldest first, only to its own shop", async () => {
    const phone = nextPhone();
    const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout", { text: "Yes, text me offers. Msg & data rates may apply." }));
    clock.advanceMinutes(60);
    await recordConsentEvent(ctx, event(phone, "marketing", false, "keyword", { text: "Stop.", evidence: "telnyx message m-1" }));
    const history = await consentHistory(ctx, { shopId, contactId: contact.id });
    expect(history.map((e) => [e.text, e.evidence, e.phone])).toEqual([
      ["Yes, text me offers. Msg & data rates may apply.", null, phone],
      ["Stop.", "telnyx message m-1", phone],
    ]);
    expect(await consentHistory(ctx, { shopId: otherShopId, contactId: contact.id })).toEqual([]);
  });

  it.skipIf(engine === "sqlite")("serializes events for one contact written at once from two connections", async () => {
    const other = createDb(url);
    try {
      const phone = nextPhone();
      const { contact } = await recordConsentEvent(ctx, event(phone, "marketing", true, "checkout"));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          recordConsentEvent({ db: i % 2 ? db : other, clock }, event(phone, "marketing", i % 3 === 0, "keyword")),
        ),
      );
      const history = await consentHistory(ctx, { shopId, contactId: contact.id });
      expect(new Set(history.map((e) => e.occurredAt.getTime())).size).toBe(11);
      const { optedOutBy: _, ...replayed } = deriveConsentState(history);
      expect(await stateOf(phone)).toEqual(replayed);
    } finally {
      await other.$disconnect();
    }
  });
});

const ledgerEvents = fc.array(
  fc.record({
    scope: fc.constantFrom(...CONSENT_SCOPES),
    granted: fc.boolean(),
    source: fc.constantFrom(...CONSENT_SOURCES),
    minutesLater: fc.constantFrom(0, 0, 1, 30),
  }),
  { minLength: 1, maxLength: 8 },
);
const asLedger = (events: { scope: string; granted: boolean; source: string; minutesLater: number }[]) => {
  let at = START.getTime();
  return events.map((e) => ({ ...e, occurredAt: new Date((at += e.minutesLater * 60_000)) }));
};

describe("consent properties", () => {
  it("the contact's columns always equal a replay of its ledger", async () => {
    await fc.assert(
      fc.asyncProperty(ledgerEvents, async (events) => {
        clock = new VirtualClock(START);
        const phone = nextPhone();
        await db.contact.deleteMany({ where: { shopId, phone } });
        for (const e of events) {
          clock.advanceMinutes(e.minutesLater);
          await recordConsentEvent({ db, clock }, event(phone, e.scope, e.granted, e.source));
        }
        const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
        const history = await consentHistory(ctx, { shopId, contactId: contact.id });
        const { optedOutBy: _, ...replayed } = deriveConsentState(history);
        expect(await stateOf(phone)).toEqual(replayed);
        expect(history.every((e, i) => i === 0 || e.occurredAt > history[i - 1].occurredAt)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("marketing consent never stands without transactional, nor any consent with an opt-out", () => {
    fc.assert(
      fc.property(ledgerEvents, (events) => {
        const state = deriveConsentState(asLedger(events));
        if (state.marketingConsent) expect(state.transactionalConsent).toBe(true);
        if (state.optedOutAt) expect([state.marketingConsent, state.transactionalConsent]).toEqual([false, false]);
      }),
    );
  });

  it("a STOP as the latest event always opts out; a JOIN as the latest always opts in", () => {
    fc.assert(
      fc.property(ledgerEvents, fc.boolean(), (events, stop) => {
        const last = { scope: "marketing", granted: !stop, source: "keyword", minutesLater: 1 };
        const state = deriveConsentState(asLedger([...events, last]));
        if (stop) expect(state.optedOutAt).not.toBeNull();
        else expect(state).toMatchObject({ marketingConsent: true, transactionalConsent: true, optedOutAt: null });
      }),
    );
  });

  it("after a STOP, nothing but the shopper changes the outcome", () => {
    const notShopper = fc.array(
      fc.record({ scope: fc.constantFrom(...CONSENT_SCOPES), granted: fc.boolean(), source: fc.constantFrom("checkout", "admin", "shopify_sync"), minutesLater: fc.nat(60) }),
    );
    fc.assert(
      fc.property(ledgerEvents, notShopper, (before, after) => {
        const stop = { scope: "marketing", granted: false, source: "keyword", minutesLater: 1 };
        const stopped = deriveConsentState(asLedger([...before, stop]));
        expect(deriveConsentState(asLedger([...before, stop, ...after]))).toEqual(stopped);
      }),
    );
  });
});
