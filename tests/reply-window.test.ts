// A merchant's reply is conversation for 24 hours after the shopper's last text; later it is a
// new text that waits for the shopper's sending hours. The composer says which before sending.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { BROWSER_USER_AGENT } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

const app = useAppServer("sandbox", SHORT_CODE_SENDER);
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const HOUR = 3_600_000;

let noonChicago: Date;
beforeAll(async () => {
  const { body } = await sandbox.advanceClock(0);
  noonChicago = new Date(body.now);
  noonChicago.setUTCDate(noonChicago.getUTCDate() + 1);
  noonChicago.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noonChicago.toISOString());
});

// The shopper's own text may get an automatic acknowledgement too; these count the reply.
const repliesTo = async (phone: string, text: string) => (await sandbox.textsTo(phone)).filter((t) => t.text === text).length;

async function threadOf(phone: string) {
  const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { phone } }, orderBy: { createdAt: "desc" } });
  const page = await fetch(`${app.url}/app/inbox/${conversation.id}`, { headers: { "User-Agent": BROWSER_USER_AGENT } });
  expect(page.status).toBe(200);
  const timing = /data-testid="reply-timing">([^<]*)</.exec(await page.text())?.[1];
  return { id: conversation.id, timing: timing?.replaceAll("&#x27;", "'") };
}

describe("a reply to a shopper", () => {
  it("leaves at once at 2 a.m. within 24 hours of their text, and the composer says so", async () => {
    const phone = uniquePhone();
    await sandbox.textFromShopper(phone, "Is the blue one back in stock?");
    await sandbox.setClock(new Date(noonChicago.getTime() + 14 * HOUR).toISOString()); // 02:00 in Chicago

    const thread = await threadOf(phone);
    expect(thread.timing).toMatch(/^The shopper texted within the last 24 hours: a reply leaves at once \(until .+ their time\)\.$/);
    const { body } = await sandbox.adminPost(`/app/inbox/${thread.id}/reply`, { body: "Yes, back since this morning!" });
    expect(body.message.status).toBe("queued");
    await sandbox.advanceClock(0);
    expect(await repliesTo(phone, "Yes, back since this morning!")).toBe(1);
  });

  it("waits for 08:00 at 2 a.m. once their last text is over 24 hours old, and the composer says when it leaves", async () => {
    const phone = uniquePhone();
    const { body: now } = await sandbox.advanceClock(0);
    const nextNoon = new Date(now.now);
    nextNoon.setUTCDate(nextNoon.getUTCDate() + 1);
    nextNoon.setUTCHours(18, 0, 0, 0);
    await sandbox.setClock(nextNoon.toISOString());
    await sandbox.textFromShopper(phone, "Do you restock the blue one?");
    const twoAmNextDay = new Date(nextNoon.getTime() + 38 * HOUR); // 02:00 in Chicago, 38 hours on
    await sandbox.setClock(twoAmNextDay.toISOString());

    const thread = await threadOf(phone);
    expect(thread.timing).toMatch(/waits for their sending hours\. It will leave at .+, 8:00 AM \(America\/Chicago\)\.$/);
    const { body } = await sandbox.adminPost(`/app/inbox/${thread.id}/reply`, { body: "It is back!" });
    expect(body.message).toMatchObject({ status: "held", reason: "held: quiet hours until 08:00 America/Chicago" });
    await sandbox.setClock(new Date(twoAmNextDay.getTime() + 6 * HOUR - 60_000).toISOString()); // 07:59
    expect(await repliesTo(phone, "It is back!")).toBe(0);
    await sandbox.setClock(new Date(twoAmNextDay.getTime() + 6 * HOUR).toISOString()); // 08:00
    expect(await repliesTo(phone, "It is back!")).toBe(1);
  });
});
