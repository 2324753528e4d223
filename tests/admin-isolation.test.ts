// No admin page shows another shop's data: the sandbox's session is the demo shop's, and every
// loader and action asked for another shop's ids answers 404 and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { createShop } from "./support/factories";
import { VirtualClock } from "~/clock.server";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const { db } = useTestDatabase();
let otherConversationId: string;
let otherFaqId: string;
let otherKeywordId: string;

beforeAll(async () => {
  const other = await createShop({ db, clock: new VirtualClock(new Date()) });
  const contact = await db.contact.create({ data: { shopId: other.id, phone: "+13125559876", firstName: "Other", marketingConsent: true, transactionalConsent: true } });
  const conversation = await db.conversation.create({
    data: { shopId: other.id, contactId: contact.id, lastMessageAt: new Date(), lastMessagePreview: "secret of another shop", state: "needs_reply" },
  });
  await db.message.create({
    data: { shopId: other.id, contactId: contact.id, conversationId: conversation.id, direction: "inbound", body: "secret of another shop", fromNumber: contact.phone, toNumber: other.sendingNumber!, status: "received", occurredAt: new Date() },
  });
  otherConversationId = conversation.id;
  await db.consentEvent.create({
    data: { shopId: other.id, contactId: contact.id, phone: contact.phone, scope: "marketing", granted: true, source: "checkout", text: "secret of another shop", occurredAt: new Date() },
  });
  otherFaqId = (await db.faqEntry.create({ data: { shopId: other.id, question: "Secret question?", answer: "secret of another shop" } })).id;
  otherKeywordId = (await db.keywordRule.create({ data: { shopId: other.id, keyword: `SECRET${Date.now()}`, answer: "secret of another shop" } })).id;
});

const get = (path: string) => fetch(`${app.url}${path}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${app.url}${path}`, { method: "POST", headers: { "User-Agent": BROWSER_USER_AGENT }, body: new URLSearchParams(fields) });

describe("another shop's ids", () => {
  it("are 404 for the thread page and every thread action", async () => {
    expect((await get(`/app/inbox/${otherConversationId}`)).status).toBe(404);
    const changes: Record<string, string>[] = [{ intent: "close" }, { intent: "reopen" }, { intent: "assign", assignee: "me" }, { intent: "note", text: "hi" }];
    for (const fields of changes) {
      expect((await post(`/app/inbox/${otherConversationId}`, fields)).status, fields.intent).toBe(404);
    }
    expect((await post(`/app/inbox/${otherConversationId}/reply`, { body: "Hello" })).status).toBe(404);

    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: otherConversationId } });
    expect(conversation).toMatchObject({ state: "needs_reply", assignedTo: null, notes: "[]" });
    expect(await db.message.count({ where: { conversationId: otherConversationId } })).toBe(1);
  });

  it("are 404 for the automation page's removals, which change nothing", async () => {
    expect((await post("/app/automation", { intent: "remove-faq", id: otherFaqId })).status).toBe(404);
    expect((await post("/app/automation", { intent: "remove-keyword", id: otherKeywordId })).status).toBe(404);
    expect(await db.faqEntry.count({ where: { id: otherFaqId } })).toBe(1);
    expect(await db.keywordRule.count({ where: { id: otherKeywordId } })).toBe(1);
  });

  it("never appear on any page, list or export", async () => {
    for (const path of ["/app", "/app/automation", "/app/compliance", "/app/compliance/export.csv", "/app/flows"]) {
      const body = await (await get(path)).text();
      expect(body, path).not.toContain("secret of another shop");
    }
  });

  it("never appear in the inbox list or its search", async () => {
    for (const path of ["/app/inbox", "/app/inbox?tab=needs_reply", "/app/inbox?q=Other", "/app/inbox?q=5559876"]) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain("secret of another shop");
      expect(html, path).not.toContain(otherConversationId);
    }
  });
});
