// AI answers through the sandbox: signed shopper texts from the Telnyx double, the demo shop's
// AI mode switched on and off on the Settings page, and the chat API double playing the model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "~/messaging/secrets.server";
import { DEFAULT_CHAT_API_DOUBLE_KEY } from "~/sandbox/chat-api-double.server";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
// The sandbox's documented, public encryption key (app/sandbox/demo-shop.ts).
const SANDBOX_ENCRYPTION_KEY = Buffer.from("textback-sandbox-encryption-key!").toString("base64");
const DEMO_DOMAIN = "textback-demo.myshopify.com";
const demoShop = () => db.shop.findUniqueOrThrow({ where: { domain: DEMO_DOMAIN } });
const GIFT_WRAP = { question: "Do you offer gift wrap?", answer: "Yes! Gift wrap is $4 per order: tick it at checkout." };
const MERCHANT_KEY = "sk-merchant-Q7vX2pL9sT4w";

let restore: { settings: string; chatApiKeyEncrypted: string | null };
let giftWrapId: string;
const ordersMade: string[] = [];

const chatApi = async (): Promise<{ baseUrl: string; requests: { message: string | null; entryIds: string[]; orderName: string | null }[] }> =>
  (await fetch(`${app.url}/sandbox/chat-api`)).json();
const scriptChatApi = (next: unknown[]) =>
  fetch(`${app.url}/sandbox/chat-api`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ next }) });
const saveAiAnswers = (fields: Record<string, string>) =>
  fetch(`${app.url}/app/settings?_data=routes%2Fapp.settings`, {
    method: "POST",
    headers: { "User-Agent": BROWSER_USER_AGENT },
    body: new URLSearchParams({ intent: "aiAnswers", ...fields }),
  });
const settingsPage = async () => (await fetch(`${app.url}/app/settings`, { headers: { "User-Agent": BROWSER_USER_AGENT } })).text();
const threadOf = async (phone: string) => db.conversation.findFirstOrThrow({ where: { shop: { domain: DEMO_DOMAIN }, contact: { phone } } });
const textsTo = async (phone: string) => (await sandbox.textsTo(phone)).map((t) => t.text);

async function switchAi(on: boolean) {
  const { baseUrl } = await chatApi();
  const response = await saveAiAnswers({ "ai.baseUrl": baseUrl, "ai.model": "gpt-4o-mini", ...(on && { "ai.enabled": "on" }) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  // Noon in Chicago on a later day: inside every sending window, whenever the suite runs.
  const noon = new Date((await sandbox.advanceClock(0)).body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
  const shop = await demoShop();
  restore = { settings: shop.settings, chatApiKeyEncrypted: shop.chatApiKeyEncrypted };
  giftWrapId = (await db.faqEntry.create({ data: { shopId: shop.id, ...GIFT_WRAP } })).id;
  // The FAQ classifier off, so every text below reaches the AI (the last answerer) unless it is off.
  const settings = JSON.parse(shop.settings) as Record<string, Record<string, unknown>>;
  settings.automation = { ...settings.automation, faqAnswers: false };
  await db.shop.update({ where: { id: shop.id }, data: { settings: JSON.stringify(settings) } });
});

// Later files share the demo shop: AI answers off again, its sandbox key back.
afterAll(async () => {
  await db.faqEntry.delete({ where: { id: giftWrapId } });
  await db.shipment.deleteMany({ where: { shopifyOrderId: { in: ordersMade } } });
  await db.order.deleteMany({ where: { shopifyOrderId: { in: ordersMade } } });
  await db.shop.update({ where: { domain: DEMO_DOMAIN }, data: restore });
});

describe("AI answers", () => {
  it("are off in the sandbox until switched on, with the double's address and a sealed key ready", async () => {
    const html = await settingsPage();
    expect(html).toContain("AI answers");
    expect(html).toContain("A key is saved");
    expect(html).toContain((await chatApi()).baseUrl);
    const shop = await demoShop();
    expect(JSON.parse(restore.settings).automation?.ai?.enabled ?? false).toBe(false);
    expect(decryptSecret(shop.chatApiKeyEncrypted!, SANDBOX_ENCRYPTION_KEY)).toBe(DEFAULT_CHAT_API_DOUBLE_KEY);
  });

  it("send an answer the model words from an entry when nothing else answers the text", async () => {
    await switchAi(true);
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "do you gift wrap orders?")).toBe(200);
    await sandbox.advanceClock(0);

    expect(await textsTo(phone)).toEqual([GIFT_WRAP.answer]);
    const asked = (await chatApi()).requests.filter((r) => r.message === "do you gift wrap orders?");
    expect(asked).toHaveLength(1);
    expect(asked[0].entryIds).toContain(giftWrapId);
    expect(await threadOf(phone)).toMatchObject({ state: "open", handoffReason: null });
  });

  it("send nothing the model wrote when its answer has a price that is in no entry, and the thread goes to a person", async () => {
    await switchAi(true);
    expect((await scriptChatApi([{ answer: "It's $19.99", entryId: giftWrapId }])).status).toBe(200);
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "how much is the gift wrap?")).toBe(200);
    await sandbox.advanceClock(0);

    expect((await chatApi()).requests.filter((r) => r.message === "how much is the gift wrap?")).toHaveLength(1);
    const texts = await textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toContain("19.99");
    expect(await threadOf(phone)).toMatchObject({ state: "needs_reply", handoffReason: "ai_untraceable" });
  });

  it("may quote the shopper's own order, given as facts, when the model says it used it", async () => {
    await switchAi(true);
    const shop = await demoShop();
    const phone = uniquePhone();
    const shopifyOrderId = String(Date.now());
    ordersMade.push(shopifyOrderId);
    const orderName = `#${shopifyOrderId.slice(-5)}`;
    const trackingUrl = `https://track.example/${shopifyOrderId}`;
    await db.order.create({ data: { shopId: shop.id, shopifyOrderId, name: orderName, phone, totalPrice: 40, currency: "USD", placedAt: new Date() } });
    await db.shipment.create({
      data: { shopId: shop.id, shopifyOrderId, shopifyFulfillmentId: `f${shopifyOrderId}`, phone, status: "success", shipmentStatus: "in_transit", trackingCompany: "UPS", trackingUrl },
    });
    const answer = `Your order ${orderName} has shipped with UPS: ${trackingUrl}`;
    await scriptChatApi([{ answer, entryId: giftWrapId, usesOrderFacts: true }, { answer, entryId: giftWrapId, usesOrderFacts: false }]);

    expect(await sandbox.textFromShopper(phone, "has my gift wrapped parcel left?")).toBe(200);
    await sandbox.advanceClock(0);
    expect(await textsTo(phone)).toEqual([answer]);
    expect((await chatApi()).requests.filter((r) => r.message === "has my gift wrapped parcel left?").map((r) => r.orderName)).toEqual([orderName]);

    // The same words, but the model says it did not use the order: the order's facts are no source.
    await sandbox.advanceClock(90);
    expect(await sandbox.textFromShopper(phone, "and the gift wrapped parcel now?")).toBe(200);
    await sandbox.advanceClock(0);
    expect(await textsTo(phone)).toHaveLength(2);
    expect((await textsTo(phone))[1]).not.toBe(answer);
    expect(await threadOf(phone)).toMatchObject({ state: "needs_reply", handoffReason: "ai_untraceable" });
  });

  it("ask the chat API nothing when they are off", async () => {
    await switchAi(false);
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "could you gift wrap my order?")).toBe(200);
    await sandbox.advanceClock(0);

    expect((await chatApi()).requests.filter((r) => r.message === "could you gift wrap my order?")).toEqual([]);
    expect(await textsTo(phone)).not.toContain(GIFT_WRAP.answer);
    expect(await threadOf(phone)).toMatchObject({ state: "needs_reply", handoffReason: "unclear" });
  });
});

describe("the AI answers settings", () => {
  it("keep the merchant's key sealed, never show it, and keep it when the field is left empty", async () => {
    const { baseUrl } = await chatApi();
    expect((await saveAiAnswers({ "ai.baseUrl": baseUrl, "ai.model": "gpt-4o-mini", "ai.apiKey": MERCHANT_KEY })).status).toBe(200);
    const sealed = (await demoShop()).chatApiKeyEncrypted!;
    expect(sealed).not.toContain(MERCHANT_KEY);
    expect(decryptSecret(sealed, SANDBOX_ENCRYPTION_KEY)).toBe(MERCHANT_KEY);

    expect((await saveAiAnswers({ "ai.baseUrl": baseUrl, "ai.model": "gpt-4o", "ai.apiKey": "" })).status).toBe(200);
    expect((await demoShop()).chatApiKeyEncrypted).toBe(sealed);
    const html = await settingsPage();
    expect(html).toContain("A key is saved");
    expect(html).not.toContain(MERCHANT_KEY);
    expect(html).not.toContain(MERCHANT_KEY.slice(-4));
    expect(app.lines().filter((line) => line.includes(MERCHANT_KEY) || line.includes(DEFAULT_CHAT_API_DOUBLE_KEY))).toEqual([]);
  });

  it("refuse a bad base URL, an empty model, and switching on without a key, and change nothing", async () => {
    await db.shop.update({ where: { domain: DEMO_DOMAIN }, data: { chatApiKeyEncrypted: null } });
    const before = await demoShop();

    const bad = await saveAiAnswers({ "ai.enabled": "on", "ai.baseUrl": "ftp://models.example", "ai.model": " " });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["ai.baseUrl", "ai.model"]);
    const noKey = await saveAiAnswers({ "ai.enabled": "on", "ai.baseUrl": "http://localhost:11434/v1", "ai.model": "llama3.1" });
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).fieldErrors["ai.apiKey"]).toMatch(/Enter the API key/);
    expect(await demoShop()).toMatchObject({ settings: before.settings, chatApiKeyEncrypted: null });

    await db.shop.update({ where: { domain: DEMO_DOMAIN }, data: { chatApiKeyEncrypted: encryptSecret(DEFAULT_CHAT_API_DOUBLE_KEY, SANDBOX_ENCRYPTION_KEY) } });
  });
});
