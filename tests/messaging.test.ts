import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

// No background worker: jobs run when the test moves the clock, so every step is deterministic.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);

// Runs every job due now (the confirmation sends) and lets the delivery webhooks land.
const settle = () => sandbox.advanceClock(0);

beforeAll(async () => {
  // Noon in Chicago on a later day, so no text of this file waits for the sending window.
  const noon = new Date((await settle()).body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
});

async function joinedShopper(areaCode?: string) {
  const phone = uniquePhone(areaCode);
  expect(await sandbox.textFromShopper(phone, "JOIN")).toBe(200);
  await settle();
  return phone;
}

async function conversationOf(phone: string) {
  return db.conversation.findFirstOrThrow({ where: { contact: { phone } } });
}

describe("keyword opt-in and a consented shopper", () => {
  it("JOIN records marketing consent and sends one confirmation that names the brand and the rules", async () => {
    const phone = await joinedShopper();
    const texts = await sandbox.textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0].from).toBe("+13125550100");
    expect(texts[0].text).toMatch(/^Textback Demo: /);
    expect(texts[0].text).toMatch(/Msg & data rates may apply/);
    expect(texts[0].text).toMatch(/STOP/);
    expect(texts[0].text).toMatch(/HELP/);
    const ledger = await db.consentEvent.findMany({ where: { phone } });
    expect(ledger).toEqual([expect.objectContaining({ scope: "marketing", granted: true, source: "keyword" })]);
    expect(ledger[0].text).toContain("JOIN");
  });

  it("a consented shopper gets the merchant's reply", async () => {
    const phone = await joinedShopper();
    const conversation = await conversationOf(phone);
    const reply = await sandbox.adminPost(`/app/inbox/${conversation.id}/reply`, { body: "Hi! Your order ships tomorrow." });
    expect(reply.body.message.status).toBe("queued");
    await settle();
    expect((await sandbox.textsTo(phone)).map((t) => t.text)).toContain("Hi! Your order ships tomorrow.");
  });

  it.each(["help", "AIDE", "Ayuda"])("%j answers with the shop's help text", async (keyword) => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, keyword);
    await settle();
    const texts = await sandbox.textsTo(phone);
    expect(texts).toHaveLength(1);
    const [answer] = texts;
    expect(answer.text).toMatch(/Textback Demo/);
    expect(answer.text).toMatch(/Reply STOP to opt out/);
  });
});

describe("STOP", () => {
  it.each(["stop", " Stop. ", "UNSUBSCRIBE", "ARRÊT", "CANCEL ALL", "I revoke my consent"])("%j opts out with exactly one confirmation", async (keyword) => {
    const phone = await joinedShopper();
    expect(await sandbox.textFromShopper(phone, keyword)).toBe(200);
    await settle();
    await sandbox.textFromShopper(phone, keyword);
    await settle();
    const confirmations = (await sandbox.textsTo(phone)).filter((t) => /unsubscribed/.test(t.text));
    expect(confirmations).toHaveLength(1);
    const contact = await db.contact.findFirstOrThrow({ where: { phone } });
    expect(contact.optedOutAt).not.toBeNull();
    expect(contact.marketingConsent).toBe(false);
  });

  it("is committed before the webhook is acknowledged", async () => {
    const phone = await joinedShopper();
    const { status, eventId } = await sandbox.deliverShopperText(phone, "STOP");
    expect(status).toBe(200);
    // No job has run and no clock has moved: the answer to the webhook already means opted out.
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: `ingest-webhook:telnyx:${eventId}` } })).toMatchObject({ status: "queued" });
    const contact = await db.contact.findFirstOrThrow({ where: { phone } });
    expect(contact).toMatchObject({ marketingConsent: false, transactionalConsent: false });
    expect(contact.optedOutAt).not.toBeNull();
    expect(await db.consentEvent.count({ where: { phone, granted: false, source: "keyword" } })).toBe(1);

    // The rest follows in the job: the STOP in its thread, one confirmation, no second revocation.
    await settle();
    expect(await db.consentEvent.count({ where: { phone, granted: false, source: "keyword" } })).toBe(1);
    expect(await db.message.count({ where: { fromNumber: phone, direction: "inbound", body: "STOP" } })).toBe(1);
    expect((await sandbox.textsTo(phone)).filter((t) => /opted out|unsubscribed/i.test(t.text))).toHaveLength(1);
  });

  it("a free-text request to stop is honoured too", async () => {
    const phone = await joinedShopper();
    await sandbox.textFromShopper(phone, "please stop texting me");
    await settle();
    expect((await db.contact.findFirstOrThrow({ where: { phone } })).optedOutAt).not.toBeNull();
  });

  it("START opts back in with a confirmation", async () => {
    const phone = await joinedShopper();
    await sandbox.textFromShopper(phone, "STOP");
    await settle();
    await sandbox.textFromShopper(phone, "START");
    await settle();
    const contact = await db.contact.findFirstOrThrow({ where: { phone } });
    expect(contact.optedOutAt).toBeNull();
    expect(contact.marketingConsent).toBe(true);
    expect((await sandbox.textsTo(phone)).at(-1)?.text).toMatch(/subscribed again/);
  });
});

describe("an opted-out shopper is never texted", () => {
  it("not by a merchant's reply, a test message, or a text queued before the STOP", async () => {
    const phone = await joinedShopper();
    const conversation = await conversationOf(phone);
    const queuedBefore = await sandbox.adminPost(`/app/inbox/${conversation.id}/reply`, { body: "Queued before STOP" });
    expect(queuedBefore.body.message.status).toBe("queued");
    await sandbox.textFromShopper(phone, "STOP");
    const textsAfterStop = (await settle(), await sandbox.textsTo(phone)).length;

    const reply = await sandbox.adminPost(`/app/inbox/${conversation.id}/reply`, { body: "Are you still there?" });
    expect(reply.body.message).toMatchObject({ status: "refused", reason: expect.stringMatching(/opted out/) });
    const { settings } = await db.shop.findFirstOrThrow({ where: { id: conversation.shopId } });
    expect((await sandbox.adminPost("/app/settings?_data=routes%2Fapp.settings", { intent: "testNumbers", testNumbers: phone })).status).toBe(200);
    const test = await sandbox.adminPost("/app/settings/test-message", { phone });
    await db.shop.update({ where: { id: conversation.shopId }, data: { settings } });
    expect(test.body.message).toMatchObject({ status: "refused" });
    await sandbox.advanceClock(24 * 60);

    const texts = await sandbox.textsTo(phone);
    expect(texts).toHaveLength(textsAfterStop);
    expect(texts.map((t) => t.text)).not.toContain("Queued before STOP");
    // Cancelled by the STOP's ingest job, or refused by the gate when its send ran first: never sent.
    const before = await db.message.findUniqueOrThrow({ where: { id: queuedBefore.body.message.id } });
    expect(["cancelled", "refused"]).toContain(before.status);
    expect(JSON.parse(before.holdReason!)).toMatchObject({ code: "opted_out" });
  });
});
