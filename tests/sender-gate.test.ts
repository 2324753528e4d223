// Tries to get a text past the sender gate: every way in, every rule.
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { suppressPhone } from "~/compliance/suppression.server";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { drainDueJobs } from "~/jobs/worker.server";
import { requestText } from "~/messaging/outbound.server";
import { sendAgentReply } from "~/conversations/agent-reply.server";
import { sendTestMessage } from "~/messaging/test-message.server";
import { saveTestNumbers } from "~/messaging/test-numbers.server";
import type { TextPurpose } from "~/messaging/text-purpose";
import { useGateWorld } from "./support/gate-world";
import { contactWithConsent, createShop } from "./support/factories";
import { uniquePhone } from "./support/sandbox-client";
import { checkoutPayload } from "./support/checkout-webhooks";
import { ingestCheckout } from "~/commerce/checkouts.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";

const { db, world, ctx, deps } = useGateWorld();
const runDueJobs = () => drainDueJobs(ctx(), createAppJobRegistry(deps()));
const textsTo = (phone: string) => world.telnyx.messages({ to: phone });

async function optedOutShopper() {
  const shop = await createShop(ctx());
  const phone = uniquePhone();
  const contact = await contactWithConsent(ctx(), shop.id, phone);
  await recordConsentEvent(ctx(), { shopId: shop.id, contactId: contact.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
  return { shop, phone };
}

describe("an opted-out shopper", () => {
  it.each<TextPurpose>(["marketing", "transactional", "conversational"])("is refused a %s text", async (purpose) => {
    const { shop, phone } = await optedOutShopper();
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Hello", purpose }, deps().secrets);
    expect(message.status).toBe("refused");
    expect(JSON.parse(message.holdReason!)).toMatchObject({ code: "opted_out" });
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(0);
  });

  it("is refused a merchant's reply and a test message", async () => {
    const { shop, phone } = await optedOutShopper();
    const contact = await db.contact.findFirstOrThrow({ where: { shopId: shop.id, phone } });
    const conversation = await db.conversation.create({ data: { shopId: shop.id, contactId: contact.id, lastMessageAt: world.clock.now() } });
    const reply = await sendAgentReply(ctx(), { shopId: shop.id, conversationId: conversation.id, body: "Hi", staffUserId: "1" }, deps());
    await saveTestNumbers(ctx(), shop.id, [phone]);
    const test = await sendTestMessage(ctx(), { shopId: shop.id, to: phone, staffUserId: "1" }, deps());
    expect(reply.status).toBe("refused");
    expect(test).toMatchObject({ outcome: "requested", message: { status: "refused" } });
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(0);
  });

  it("who stops after a text was queued does not get it", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    const contact = await contactWithConsent(ctx(), shop.id, phone);
    const queued = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Your cart", purpose: "marketing" }, deps().secrets);
    expect(queued.status).toBe("queued");
    await recordConsentEvent(ctx(), { shopId: shop.id, contactId: contact.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(0);
    expect(await db.message.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "refused" });
  });

  it("stays suppressed after their data was erased, whatever flags a new contact row has", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    await suppressPhone(ctx(), { shopId: shop.id, phone, reason: "customers/redact after STOP", hashKey: deps().secrets.suppressionHashKey });
    await db.contact.create({ data: { shopId: shop.id, phone, marketingConsent: true, transactionalConsent: true } });
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Hi", purpose: "marketing" }, deps().secrets);
    expect(JSON.parse(message.holdReason!)).toMatchObject({ code: "suppressed" });
  });
  it("is refused by the cart recovery flow's job, even when the flow's own checks pass", async () => {
    const shop = await createShop(ctx(), { settings: withCartRecoverySettings("{}", { ...DEFAULT_CART_RECOVERY, enabled: true }) });
    const phone = uniquePhone();
    // Erased after a STOP: a new checkout says "consented", only the suppression list knows.
    await suppressPhone(ctx(), { shopId: shop.id, phone, reason: "customers/redact after STOP", hashKey: deps().secrets.suppressionHashKey });
    const checkout = checkoutPayload({ phone, acceptsSms: true, updatedAt: world.clock.now().toISOString() });
    expect(await ingestCheckout(ctx(), { shopDomain: shop.domain, payload: checkout.body }, deps())).toMatchObject({ outcome: "stored", consentRecorded: true });

    world.clock.advanceMinutes(31);
    await runDueJobs();

    expect(textsTo(phone)).toHaveLength(0);
    const flowTexts = await db.message.findMany({ where: { shopId: shop.id, toNumber: phone, flow: "cart_recovery" } });
    expect(flowTexts.map((m) => [m.status, JSON.parse(m.holdReason!).code])).toEqual([["refused", "suppressed"]]);
  });
});

describe("consent by purpose", () => {
  it("refuses marketing without marketing consent, and transactional without any", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone, "transactional");
    const marketing = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Sale!", purpose: "marketing" }, deps().secrets);
    const transactional = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Shipped", purpose: "transactional" }, deps().secrets);
    expect(JSON.parse(marketing.holdReason!)).toEqual({ code: "no_consent", scope: "marketing" });
    expect(transactional.status).toBe("queued");

    const stranger = uniquePhone();
    const toStranger = await requestText(ctx(), { shopId: shop.id, to: stranger, body: "Shipped", purpose: "transactional" }, deps().secrets);
    expect(JSON.parse(toStranger.holdReason!)).toEqual({ code: "no_consent", scope: "transactional" });
    const reply = await requestText(ctx(), { shopId: shop.id, to: stranger, body: "Hi", purpose: "conversational" }, deps().secrets);
    expect(JSON.parse(reply.holdReason!)).toEqual({ code: "no_consent", scope: "conversation" });
    await runDueJobs();
    expect(textsTo(phone).map((t) => t.text)).toEqual(["Shipped"]);
    expect(textsTo(stranger)).toHaveLength(0);
  });

  it("marks marketing texts with the opt-out line and opens a flow's first text with the brand", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone);
    await requestText(ctx(), { shopId: shop.id, to: phone, body: "Your cart misses you", purpose: "marketing", firstInFlow: true }, deps().secrets);
    await runDueJobs();
    expect(textsTo(phone).map((t) => t.text)).toEqual(["Test Outfitters: Your cart misses you Reply STOP to opt out"]);
  });

  it("refuses a text longer than 10 segments", async () => {
    const shop = await createShop(ctx());
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone);
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "😀".repeat(400), purpose: "transactional" }, deps().secrets);
    expect(JSON.parse(message.holdReason!)).toMatchObject({ code: "too_long" });
  });
});

describe("quiet hours in the recipient's time zone", () => {
  it("a marketing text requested at 22:30 in Chicago goes out at 08:00 the next morning, not before", async () => {
    world.clock = new VirtualClock(new Date("2026-11-26T04:30:00Z")); // 22:30 CST
    const shop = await createShop(ctx());
    const phone = uniquePhone("312");
    await contactWithConsent(ctx(), shop.id, phone);
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Still thinking it over?", purpose: "marketing" }, deps().secrets);
    expect(message).toMatchObject({ status: "held", holdUntil: new Date("2026-11-26T14:00:00Z") });

    world.clock.setTo(new Date("2026-11-26T13:59:00Z"));
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(0);
    world.clock.setTo(new Date("2026-11-26T14:00:00Z"));
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "sending" });
  });

  it("uses the stricter Florida window (08:00–20:00) for a Miami number", async () => {
    world.clock = new VirtualClock(new Date("2026-11-26T01:30:00Z")); // 20:30 EST
    const shop = await createShop(ctx());
    const phone = uniquePhone("305");
    await contactWithConsent(ctx(), shop.id, phone);
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Hi", purpose: "transactional" }, deps().secrets);
    expect(message).toMatchObject({ status: "held", holdUntil: new Date("2026-11-26T13:00:00Z") });
  });

  it("drops a held marketing text that has gone stale instead of sending it late", async () => {
    world.clock = new VirtualClock(new Date("2026-11-26T04:30:00Z"));
    const shop = await createShop(ctx());
    const phone = uniquePhone("312");
    await contactWithConsent(ctx(), shop.id, phone);
    const message = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Flash sale tonight", purpose: "marketing" }, deps().secrets);
    world.clock.setTo(new Date("2026-11-27T15:00:00Z"));
    await runDueJobs();
    expect(textsTo(phone)).toHaveLength(0);
    expect(JSON.parse((await db.message.findUniqueOrThrow({ where: { id: message.id } })).holdReason!)).toMatchObject({ code: "stale" });
  });
});

describe("frequency caps", () => {
  it("holds marketing texts past the daily cap", async () => {
    const shop = await createShop(ctx(), { marketingCapPerDay: 1 });
    const phone = uniquePhone();
    await contactWithConsent(ctx(), shop.id, phone);
    await requestText(ctx(), { shopId: shop.id, to: phone, body: "One", purpose: "marketing" }, deps().secrets);
    await runDueJobs();
    const second = await requestText(ctx(), { shopId: shop.id, to: phone, body: "Two", purpose: "marketing" }, deps().secrets);
    expect(second.status).toBe("held");
    expect(JSON.parse(second.holdReason!)).toMatchObject({ code: "frequency_cap", cap: "day" });
    expect(textsTo(phone)).toHaveLength(1);
  });
});
