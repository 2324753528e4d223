// The welcome series through the sandbox: a JOIN texted to the shop, the shopper's answers, an
// order webhook, STOP and a person's reply, with the clock moved by the control API.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isHeldOut } from "~/flows/enrollments.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { checkoutPayload, orderPayload } from "./support/checkout-webhooks";
import { useTestDatabase } from "./support/database";
import { useFlowSettings } from "./support/flow-settings";
import { publicApi, SUBSCRIBER_CONSENT } from "./support/public-api";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";

// No background worker: the flow moves only when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const flows = useFlowSettings(db);
const { api } = publicApi(() => app.url);
const DAY = 24 * 60;
const QUESTION = /What are you shopping for\? Reply 1 for Men's, 2 for Women's, 3 for Gifts/;
const WOMENS_REPLY = "Got it: we'll send you the best of our women's collection.";
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  await flows.set("welcome", { enabled: true });
});

// Each test starts at 10:00 in Chicago (16:00 UTC), days after the last, inside the sending
// window of the 312 numbers used here.
beforeEach(async () => {
  const next = new Date(await sandboxNow());
  next.setUTCDate(next.getUTCDate() + 5);
  next.setUTCHours(16, 0, 0, 0);
  await sandbox.setClock(next.toISOString());
});

const sandboxNow = async () => (await sandbox.advanceClock(0)).body.now as string;
const textsTo = async (phone: string) => (await sandbox.textsTo(phone)).map((t) => t.text);
const enrollmentOf = (phone: string) => db.flowEnrollment.findFirstOrThrow({ where: { shopId, flow: "welcome", contact: { phone } } });
const codesIn = (text: string) => text.match(/TB-[A-Z0-9]{10}/g) ?? [];

/** Stopped when the cause happened, with the day-3 step's job cancelled, not only found out on day 3. */
async function expectStoppedNow(phone: string, stopReason: string) {
  const enrollment = await enrollmentOf(phone);
  expect(enrollment).toMatchObject({ status: "stopped", stopReason });
  const step2 = await db.job.findFirstOrThrow({ where: { kind: "welcome-step", dedupeKey: `welcome-step:${enrollment.triggerKey}:2` } });
  expect(step2.status).toBe("cancelled");
}

/** JOIN, and the minute after which the question follows the confirmation. */
async function joined() {
  const phone = uniquePhone();
  expect(await sandbox.textFromShopper(phone, "JOIN")).toBe(200);
  await sandbox.advanceClock(2);
  return phone;
}

describe("the welcome series", () => {
  it("JOIN gets the confirmation, then the question; 2 tags the contact and gets its answer; day 3 brings a unique code", async () => {
    const phone = await joined();
    const [confirmation, question, ...rest] = await textsTo(phone);
    expect(confirmation).toMatch(/^Textback Demo: You're subscribed to Textback Demo texts\./);
    expect(question).toMatch(/^Textback Demo: Welcome!/);
    expect(question).toMatch(QUESTION);
    expect(rest).toEqual([]);

    expect(await sandbox.textFromShopper(phone, "2")).toBe(200);
    await sandbox.advanceClock(0);
    expect((await textsTo(phone)).at(-1)).toBe(WOMENS_REPLY);
    const tags = await db.contactTag.findMany({ where: { shopId, contact: { phone } } });
    expect(tags.map((t) => t.tag)).toEqual(["pref-womens"]);

    await sandbox.advanceClock(3 * DAY);
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(4);
    const [code] = codesIn(texts[3]);
    expect(texts[3]).toMatch(new RegExp(`^Hi, here's 10% off with code ${code} on your first order: http\\S+/r/\\w{8}`));
    const { discounts } = await (await fetch(`${app.url}/sandbox/discounts`)).json();
    expect(discounts.filter((d: { code: string }) => d.code === code)).toEqual([expect.objectContaining({ code, percentage: 0.1, usageLimit: 1 })]);
    const enrollment = await enrollmentOf(phone);
    expect(enrollment).toMatchObject({ status: "finished", step: 2, heldOut: false });
    expect(await db.discountCode.findFirstOrThrow({ where: { shopId, code } })).toMatchObject({ flowEnrollmentId: enrollment.id });
  });

  it("answers in the choice's own words, and two shoppers get two different codes", async () => {
    const phones = [await joined(), await joined()];
    expect(await sandbox.textFromShopper(phones[0], "Women's")).toBe(200);
    expect(await sandbox.textFromShopper(phones[1], "gifts")).toBe(200);
    await sandbox.advanceClock(3 * DAY);
    const [first, second] = await Promise.all(phones.map(textsTo));
    expect(first[2]).toBe(WOMENS_REPLY);
    expect(second[2]).toBe("Got it: we'll send you our best gift ideas.");
    const codes = [...codesIn(first.at(-1)!), ...codesIn(second.at(-1)!)];
    expect(codes).toHaveLength(2);
    expect(codes[0]).not.toBe(codes[1]);
  });

  it("an answer it does not understand goes to the inbox and tags nothing", async () => {
    const phone = await joined();
    expect(await sandbox.textFromShopper(phone, "Do you have the green hoodie in XL?")).toBe(200);
    await sandbox.advanceClock(0);
    const conversation = await db.conversation.findFirstOrThrow({ where: { shopId, contact: { phone } } });
    expect(conversation.state).toBe("needs_reply");
    expect(await db.contactTag.count({ where: { contact: { phone } } })).toBe(0);
  });

  it("an order before day 3 means no offer", async () => {
    const phone = await joined();
    const order = orderPayload({ checkoutToken: null, createdAt: await sandboxNow(), totalPrice: "40.00", phone });
    expect((await postShopifyWebhook(app.url, "orders/create", order.body)).status).toBe(200);
    await expectStoppedNow(phone, "ordered");
    await sandbox.advanceClock(4 * DAY);
    expect(await textsTo(phone)).toHaveLength(2);
    expect(await enrollmentOf(phone)).toMatchObject({ status: "stopped", stopReason: "ordered" });
    expect(await db.job.count({ where: { kind: "welcome-step", shopId, status: "queued" } })).toBe(0);
  });

  it("STOP wins over the question and stops the series", async () => {
    const phone = await joined();
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    await expectStoppedNow(phone, "opted_out");
    await sandbox.advanceClock(4 * DAY);
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/unsubscribed/i);
    expect(await enrollmentOf(phone)).toMatchObject({ status: "stopped", stopReason: "opted_out" });
  });

  it("a person taking the thread stops the series", async () => {
    const phone = await joined();
    const conversation = await db.conversation.findFirstOrThrow({ where: { shopId, contact: { phone } } });
    const posted = await sandbox.adminPost(`/app/inbox/${conversation.id}/reply`, { body: "Hi! I'm Sam from the shop, happy to help." });
    expect(posted.status).toBe(200);
    await expectStoppedNow(phone, "with_person");
    await sandbox.advanceClock(4 * DAY);
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(3);
    expect(texts.some((text) => codesIn(text).length > 0)).toBe(false);
    expect(await enrollmentOf(phone)).toMatchObject({ status: "stopped", stopReason: "with_person" });
  });

  it("with a holdout, a held-out subscriber is recorded and gets nothing but the confirmation", async () => {
    await flows.set("welcome", { enabled: true, holdoutPercent: 50 });
    try {
      const phones: string[] = [];
      for (let i = 0; i < 16; i++) phones.push(await joined());
      await sandbox.advanceClock(4 * DAY);
      let heldOut = 0;
      for (const phone of phones) {
        const enrollment = await enrollmentOf(phone);
        // The hash decides, the same on every retry.
        expect(enrollment.heldOut).toBe(isHeldOut({ flow: "welcome", contactId: enrollment.contactId, triggerKey: enrollment.triggerKey, holdoutPercent: 50 }));
        const texts = await textsTo(phone);
        if (enrollment.heldOut) {
          heldOut += 1;
          expect(enrollment.status).toBe("held_out");
          expect(texts).toHaveLength(1);
        } else {
          expect(texts[1]).toMatch(QUESTION);
        }
      }
      // 16 fair draws all landing on one side: 1 in 32,768.
      expect(heldOut).toBeGreaterThan(0);
      expect(heldOut).toBeLessThan(16);
    } finally {
      await flows.set("welcome", { enabled: true });
    }
  });

  it("START after STOP is a return, not a new subscriber: no welcome", async () => {
    const phone = await joined();
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    expect(await sandbox.textFromShopper(phone, "START")).toBe(200);
    await sandbox.advanceClock(10);
    expect(await db.flowEnrollment.count({ where: { shopId, flow: "welcome", contact: { phone } } })).toBe(1);
    expect((await textsTo(phone)).filter((text) => QUESTION.test(text))).toHaveLength(1);
  });

  it("consent given at checkout starts it too, once the checkout is no longer a cart to recover", async () => {
    const phone = uniquePhone();
    const cart = checkoutPayload({ phone, acceptsSms: true, updatedAt: await sandboxNow() });
    expect((await postShopifyWebhook(app.url, "checkouts/update", cart.body)).status).toBe(200);
    await sandbox.advanceClock(2);
    // The cart's reminder would come first, so the question waits.
    expect((await textsTo(phone)).filter((text) => QUESTION.test(text))).toEqual([]);
    const order = orderPayload({ checkoutToken: cart.token, createdAt: await sandboxNow(), totalPrice: "40.00", phone });
    expect((await postShopifyWebhook(app.url, "orders/create", order.body)).status).toBe(200);
    await sandbox.advanceClock(60);
    expect((await textsTo(phone)).filter((text) => QUESTION.test(text))).toHaveLength(1);
    expect((await textsTo(phone)).filter((text) => /in your cart/.test(text))).toEqual([]);
  });

  it("subscribers imported through the API start it only when marked welcome", async () => {
    const [marked, unmarked] = [uniquePhone(), uniquePhone()];
    const { status } = await api("/subscribers", "POST", {
      subscribers: [
        { phone: marked, consent: SUBSCRIBER_CONSENT, welcome: true },
        { phone: unmarked, consent: SUBSCRIBER_CONSENT },
      ],
    });
    expect(status).toBe(200);
    await sandbox.advanceClock(2);
    expect((await textsTo(marked)).filter((text) => QUESTION.test(text))).toHaveLength(1);
    expect(await textsTo(unmarked)).toEqual([]);
  });
});
