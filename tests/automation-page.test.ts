// The automation page: trying a shopper's message shows what would answer it, by the same
// rules as a real text, without sending anything; business hours are validated and stored.
import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();

function post(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return fetch(`${app.url}/app/automation?_data=routes%2Fapp.automation`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body });
}

describe("trying a shopper message", () => {
  it("names what would answer: a compliance keyword, an FAQ entry, or the team", async () => {
    const sentBefore = await db.message.count();
    const answer = async (text: string) => (await (await post({ intent: "preview", text })).json()).preview;

    expect(await answer(" Stop. ")).toMatchObject({ answeredBy: "compliance keyword", reply: expect.stringContaining("unsubscribed") });
    expect(await answer("Hi, do you ship to Canada?")).toMatchObject({
      answeredBy: "FAQ",
      reply: expect.stringContaining("We ship to Canada"),
      needsPerson: false,
      understanding: { intent: "international_shipping", confidence: expect.any(Number), entry: { id: expect.any(String), question: expect.stringContaining("internationally") } },
    });
    expect((await answer("Hi, do you ship to Canada?")).understanding.confidence).toBeGreaterThanOrEqual(0.95);
    expect(await answer("can i speak with a real human")).toMatchObject({ answeredBy: "your team", needsPerson: true, handoffReason: "asked_for_person" });
    expect(await answer("STATUS")).toMatchObject({ answeredBy: "keyword", reply: expect.stringMatching(/order number/i) });
    expect(await answer("my cat walked across the keyboard")).toMatchObject({ answeredBy: "your team", needsPerson: true });
    expect((await post({ intent: "preview", text: "  " })).status).toBe(400);
    expect(await db.message.count()).toBe(sentBefore);
  });
});

describe("teaching an entry a phrasing", () => {
  it("a text nobody answered is answered with the entry once the merchant adds it as a phrasing", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const payment = await db.faqEntry.findFirstOrThrow({ where: { shopId: shop.id, topic: "payment" } });
    const text = "what's the word on layaway";
    const preview = async () => (await (await post({ intent: "preview", text })).json()).preview;
    try {
      expect(await preview()).toMatchObject({ answeredBy: "your team", needsPerson: true });
      expect((await post({ intent: "add-phrasing", id: payment.id, phrasing: text })).status).toBe(200);
      expect(await preview()).toMatchObject({ answeredBy: "FAQ", reply: payment.answer, understanding: { intent: "payment", entry: { id: payment.id } } });
      expect((await post({ intent: "add-phrasing", id: "no-such-entry", phrasing: text })).status).toBe(404);
    } finally {
      await db.faqEntry.update({ where: { id: payment.id }, data: { phrasings: payment.phrasings } });
    }
  });

  it("an entry's intent and the precision target are saved; an unknown intent is refused", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const care = await db.faqEntry.findFirstOrThrow({ where: { shopId: shop.id, topic: "care" } });
    try {
      expect((await post({ intent: "save-topic", id: care.id, topic: "made_up" })).status).toBe(400);
      expect((await post({ intent: "save-topic", id: care.id, topic: "own" })).status).toBe(200);
      expect((await db.faqEntry.findUniqueOrThrow({ where: { id: care.id } })).topic).toBe("own");
      expect((await post({ intent: "save-precision", precisionTarget: "0.5" })).status).toBe(400);
      expect((await post({ intent: "save-precision", precisionTarget: "0.98" })).status).toBe(200);
      const stored = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
      expect(JSON.parse(stored.settings).automation.precisionTarget).toBe(0.98);
    } finally {
      await db.faqEntry.update({ where: { id: care.id }, data: { topic: care.topic } });
      await db.shop.update({ where: { id: shop.id }, data: { settings: shop.settings } });
    }
  });
});

describe("business hours", () => {
  it("are refused with the reason next to the field, then stored with the away message", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const bad = await post({ intent: "save-away", start: "18", end: "9", days: ["1"], awayMessage: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toMatchObject({ end: "Closing comes after opening", awayMessage: "Write the away message" });

    try {
      const good = await post({ intent: "save-away", start: "9", end: "17", days: ["5", "1", "2"], awayMessage: "We're out; back at 9." });
      expect(good.status).toBe(200);
      const stored = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
      expect(JSON.parse(stored.businessHours!)).toEqual({ start: 9, end: 17, days: [1, 2, 5] });
      expect(stored.awayMessage).toBe("We're out; back at 9.");
    } finally {
      await db.shop.update({ where: { id: shop.id }, data: { businessHours: shop.businessHours, awayMessage: shop.awayMessage } });
    }
  });
});
