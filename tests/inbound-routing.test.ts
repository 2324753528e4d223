// Inbound routing and shipping settings at the domain level: a shopper's text through
// receiveInboundText (the Telnyx route's entry), with the texts it asks for read from the outbox.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { receiveInboundText } from "~/conversations/receive-text.server";
import { listConversations } from "~/conversations/inbox.server";
import { changeThread } from "~/conversations/thread.server";
import { serializePendingQuestion } from "~/conversations/routing/pending-question";
import { recordFulfillmentWebhook } from "~/flows/shipping/fulfillment-updates.server";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "~/flows/shipping/shipping-settings";
import { sendShippingUpdate } from "~/flows/shipping/shipping-texts.server";
import { saveShippingSettings } from "~/flows/shipping/shipping-settings.server";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";
import { readSettingsSection, writeSettingsSection } from "~/settings/shop-settings.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "~/conversations/routing/automation-settings";
import { useTestDatabase } from "./support/database";
import { contactWithConsent, createShop, testMessagingDeps } from "./support/factories";
import { freshNumber } from "./support/outbound-messages";
import { uniquePhone } from "./support/sandbox-client";

const { db } = useTestDatabase();
// Wednesday 2026-03-04, 11:00 in Chicago.
const WEDNESDAY_MORNING = new Date("2026-03-04T17:00:00Z");
const deps = testMessagingDeps("http://127.0.0.1:9");
const ACK = "Thanks for your message! A member of our team will reply shortly.";
let clock: VirtualClock;
let ctx: AppContext;
let shop: Awaited<ReturnType<typeof createShop>>;
const shopIds: string[] = [];

beforeEach(async () => {
  clock = new VirtualClock(WEDNESDAY_MORNING);
  ctx = { db, clock };
  shop = await createShop(ctx, { sendingNumber: freshNumber(), returnsUrl: "https://shop.example/returns" });
  shopIds.push(shop.id);
  await db.faqEntry.createMany({ data: DEMO_FAQ.map((entry) => ({ shopId: shop.id, ...entry })) });
});
afterAll(() => db.shop.deleteMany({ where: { id: { in: shopIds } } }));

async function text(from: string, body: string) {
  await receiveInboundText(ctx, { providerMessageId: randomUUID(), from, to: shop.sendingNumber!, text: body, mediaUrls: [], telnyxAutoresponse: null, receivedAt: null }, deps);
}

const repliesTo = async (phone: string) =>
  (await db.message.findMany({ where: { shopId: shop.id, toNumber: phone, direction: "outbound" }, orderBy: { createdAt: "asc" } })).map((m) => m.body);
const threadOf = (phone: string) => db.conversation.findFirstOrThrow({ where: { shopId: shop.id, contact: { phone } } });

describe("merchant keywords", () => {
  it("a custom keyword gets its fixed answer, in any case and with punctuation", async () => {
    await db.keywordRule.create({ data: { shopId: shop.id, keyword: "HOURS", answer: "We're open 9–5." } });
    const phone = uniquePhone();
    await text(phone, " hours? ");
    expect(await repliesTo(phone)).toEqual(["We're open 9–5."]);
    expect((await threadOf(phone)).state).toBe("open");
  });

  it("RETURN answers with the shop's returns link; without one, a person takes it", async () => {
    const phone = uniquePhone();
    await text(phone, "Return");
    expect(await repliesTo(phone)).toEqual(["You can start a return here: https://shop.example/returns"]);

    await db.shop.update({ where: { id: shop.id }, data: { returnsUrl: null } });
    const other = uniquePhone();
    await text(other, "RETURN");
    expect((await repliesTo(other))[0]).toMatch(/a member of our team will help/);
    expect((await threadOf(other)).state).toBe("needs_reply");
  });

  it("a switched-off STATUS falls through to the next step", async () => {
    await db.faqEntry.deleteMany({ where: { shopId: shop.id } });
    await db.keywordRule.create({ data: { shopId: shop.id, keyword: "STATUS", kind: "status", answer: "", enabled: false } });
    const phone = uniquePhone();
    await text(phone, "STATUS");
    expect(await repliesTo(phone)).toEqual([ACK]);
  });
});

describe("hand-off", () => {
  it("outside business hours the shopper gets the away message", async () => {
    await db.shop.update({
      where: { id: shop.id },
      data: { businessHours: JSON.stringify({ start: 9, end: 17, days: [1, 2, 3, 4, 5] }), awayMessage: "We're closed; back at 9am." },
    });
    clock.setTo(new Date("2026-03-05T01:00:00Z")); // 19:00 in Chicago
    const phone = uniquePhone();
    await text(phone, "Is the green hoodie coming back?");
    expect(await repliesTo(phone)).toEqual(["We're closed; back at 9am."]);
    expect((await threadOf(phone)).lastAutoAckAt).toEqual(clock.now());
  });

  it("a closed thread that a person had taken over is automation's again", async () => {
    const phone = uniquePhone();
    await text(phone, "hello");
    const thread = await threadOf(phone);
    await db.conversation.update({ where: { id: thread.id }, data: { takenOverAt: clock.now(), assignedTo: "84100001" } });
    clock.advanceMinutes(90);
    await text(phone, "How long does shipping take?");
    expect(await repliesTo(phone)).toEqual([ACK]);

    await db.conversation.update({ where: { id: thread.id }, data: { state: "closed" } });
    await text(phone, "How long does shipping take?");
    expect((await repliesTo(phone)).at(-1)).toBe(DEMO_FAQ.find((e) => e.topic === "shipping_time")!.answer);
    expect(await threadOf(phone)).toMatchObject({ state: "open", takenOverAt: null, assignedTo: null });
  });

  it("a reply a cart recovery step is waiting for gets that step, not an acknowledgement as well", async () => {
    const phone = uniquePhone();
    await text(phone, "hello");
    const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId: shop.id, phone } } });
    await db.checkout.create({
      data: { shopId: shop.id, contactId: contact.id, token: randomUUID(), phone, shopifyUpdatedAt: clock.now(), recoveryStatus: "texting" },
    });
    clock.advanceMinutes(90);
    await text(phone, "Does it come in blue?");
    expect(await repliesTo(phone)).toEqual([ACK]);
    expect((await threadOf(phone)).state).toBe("needs_reply");
  });

  it("a request for a person, a complaint or an angry text gets a person, not the FAQ answer its words match, and the thread says why", async () => {
    const cases = [
      ["can I talk to a real person about shipping time?", "asked_for_person"],
      ["my hoodie arrived damaged, what is your return policy?", "complaint"],
      ["HOW LONG DOES SHIPPING TAKE, I ORDERED 3 WEEKS AGO", "angry"],
    ];
    for (const [body, reason] of cases) {
      const phone = uniquePhone();
      await text(phone, body);
      expect(await repliesTo(phone)).toEqual([ACK]);
      expect(await threadOf(phone)).toMatchObject({ state: "needs_reply", handoffReason: reason });
    }
    const { rows } = await listConversations(ctx, { shopId: shop.id, tab: "needs_reply" });
    expect(rows.map((row) => row.handoff).sort()).toEqual(["Asked for a person", "Complaint", "Upset"]);
  });

  it("the mark goes when the thread is closed, and an answered text in an open thread leaves none", async () => {
    const phone = uniquePhone();
    await text(phone, "I want to speak with a manager");
    const thread = await threadOf(phone);
    await changeThread(ctx, { shopId: shop.id, conversationId: thread.id, staffUserId: "84100001", change: { intent: "close" } });
    expect(await threadOf(phone)).toMatchObject({ state: "closed", handoffReason: null });
    await text(phone, "How long does shipping take?");
    expect(await threadOf(phone)).toMatchObject({ state: "open", handoffReason: null });
  });

  it("a shopper who opted out is never answered by automation", async () => {
    const phone = uniquePhone();
    await text(phone, "STOP");
    const afterStop = (await repliesTo(phone)).length;
    await text(phone, "How long does shipping take?");
    expect(await repliesTo(phone)).toHaveLength(afterStop);
    expect((await threadOf(phone)).state).toBe("needs_reply");
  });
});

describe("a pending rating question", () => {
  async function askedForRating(phone: string, askedAt: Date) {
    await text(phone, "hi");
    const thread = await threadOf(phone);
    const question = { kind: "order_rating" as const, shipmentId: "s1", orderName: "#1001", askedAt: askedAt.toISOString() };
    await db.conversation.update({ where: { id: thread.id }, data: { pendingQuestion: serializePendingQuestion(question), lastAutoAckAt: null } });
  }

  it("stays open while the shopper texts about something else", async () => {
    const phone = uniquePhone();
    await askedForRating(phone, clock.now());
    await text(phone, "Do you ship to Canada?");
    expect((await repliesTo(phone)).at(-1)).toBe(DEMO_FAQ.find((e) => e.topic === "international_shipping")!.answer);
    await text(phone, "four");
    expect((await repliesTo(phone)).at(-1)).toBe("Thank you for rating your order!");
    expect((await threadOf(phone)).pendingQuestion).toBeNull();
  });

  it("is forgotten after a week: a late 5 is an ordinary text", async () => {
    const phone = uniquePhone();
    await askedForRating(phone, clock.now());
    clock.advanceMinutes(8 * 24 * 60);
    await text(phone, "5");
    expect((await repliesTo(phone)).at(-1)).toBe(ACK);
    expect((await threadOf(phone)).state).toBe("needs_reply");
  });
});

describe("settings", () => {
  it("each capability writes its own key and keeps the others'", async () => {
    await db.shop.update({ where: { id: shop.id }, data: { settings: JSON.stringify({ cartRecovery: { enabled: true, delayMinutes: 45 } }) } });
    await writeSettingsSection(ctx, { shopId: shop.id, key: AUTOMATION_SETTINGS_KEY, schema: AutomationSettings, value: { faqAnswers: false } });
    const saved = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect(JSON.parse(saved.settings).cartRecovery).toEqual({ enabled: true, delayMinutes: 45 });
    expect(readSettingsSection(saved, AUTOMATION_SETTINGS_KEY, AutomationSettings)).toMatchObject({ faqAnswers: false, statusKeyword: true });

    const phone = uniquePhone();
    await text(phone, "How long does shipping take?");
    expect(await repliesTo(phone)).toEqual([ACK]);
  });

  it("shipping texts are off for a new shop, and cannot be turned on before Telnyx is connected", async () => {
    const phone = uniquePhone();
    await contactWithConsent(ctx, shop.id, phone, "transactional");
    const body = JSON.stringify({ id: 7002, order_id: 9002, status: "success", name: "#1043.1", destination: { phone } });
    const recorded = await recordFulfillmentWebhook(ctx, { shopDomain: shop.domain, topic: "fulfillments/create", payload: body });
    if (recorded.outcome !== "recorded") throw new Error(recorded.reason);
    await sendShippingUpdate(ctx, { shipmentId: recorded.shipmentId, milestone: "shipped" }, deps);
    expect(await repliesTo(phone)).toEqual([]);

    const unconnected = await createShop(ctx, { telnyxApiKeyEncrypted: null, sendingNumber: null });
    shopIds.push(unconnected.id);
    expect(await saveShippingSettings(ctx, unconnected.id, { enabled: true })).toEqual({
      saved: false,
      fieldErrors: { enabled: expect.stringMatching(/Connect Telnyx/) },
    });
    expect(await saveShippingSettings(ctx, shop.id, { enabled: true })).toMatchObject({ saved: true, settings: { enabled: true } });
  });

  it("a template with a variable shipping texts do not offer is refused when saved", async () => {
    const save = writeSettingsSection(ctx, {
      shopId: shop.id,
      key: SHIPPING_SETTINGS_KEY,
      schema: ShippingSettings,
      value: { delivered: { template: "Delivered! Use {{discount_code}}" } },
    });
    await expect(save).rejects.toThrow(/Unknown variables: \{\{discount_code\}\}/);
  });

  it("a switched-off milestone is not texted; the merchant's template is", async () => {
    await writeSettingsSection(ctx, {
      shopId: shop.id,
      key: SHIPPING_SETTINGS_KEY,
      schema: ShippingSettings,
      value: { enabled: true, shipped: { enabled: false }, delivered: { template: "{{first_name}}, {{order_name}} is at your door." } },
    });
    const phone = uniquePhone();
    await contactWithConsent(ctx, shop.id, phone, "transactional");
    await db.contact.update({ where: { shopId_phone: { shopId: shop.id, phone } }, data: { firstName: "Maya" } });
    const body = JSON.stringify({ id: 7001, order_id: 9001, status: "success", name: "#1042.1", tracking_number: "1Z", destination: { phone } });
    const recorded = await recordFulfillmentWebhook(ctx, { shopDomain: shop.domain, topic: "fulfillments/create", payload: body });
    expect(recorded).toMatchObject({ outcome: "recorded", milestone: "shipped" });
    if (recorded.outcome !== "recorded") return;
    await sendShippingUpdate(ctx, { shipmentId: recorded.shipmentId, milestone: "shipped" }, deps);
    await sendShippingUpdate(ctx, { shipmentId: recorded.shipmentId, milestone: "delivered" }, deps);
    await sendShippingUpdate(ctx, { shipmentId: recorded.shipmentId, milestone: "delivered" }, deps);
    expect(await repliesTo(phone)).toEqual(["Test Outfitters: Maya, #1042 is at your door."]);
  });
});
