// A shopper's text through the sandbox (a signed Telnyx webhook): a question the demo shop's
// knowledge base answers gets the entry's answer, understood from its phrasing.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

const app = useAppServer("sandbox", SHORT_CODE_SENDER);
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const answerOf = (topic: string) => DEMO_FAQ.find((entry) => entry.topic === topic)!.answer;

beforeAll(async () => {
  // Noon in Chicago on a later day: inside every sending window, whenever the suite runs.
  const { body } = await sandbox.advanceClock(0);
  const noon = new Date(body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
});

describe("a shopper's question answered from the knowledge base", () => {
  it.each([
    ["whats ur return policy", "returns"],
    ["Hi, do you ship to Canada?", "international_shipping"],
  ])("%s gets the %s entry's answer and the thread stays open", async (text, topic) => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, text)).toBe(200);
    await sandbox.advanceClock(0);
    expect((await sandbox.textsTo(phone)).map((t) => t.text)).toEqual([answerOf(topic)]);
    const thread = await db.conversation.findFirstOrThrow({ where: { contact: { phone } } });
    expect(thread.state).toBe("open");
  });

  it("a request for a person is not answered: the thread needs a reply", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "can a real person text me back");
    await sandbox.advanceClock(0);
    const thread = await db.conversation.findFirstOrThrow({ where: { contact: { phone } } });
    expect(thread.state).toBe("needs_reply");
    expect((await sandbox.textsTo(phone)).map((t) => t.text).join(" ")).not.toContain(answerOf("returns"));
  });
});
