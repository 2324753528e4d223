// A campaign with an image, through the public API in the sandbox: the text to a US number goes
// to Telnyx as MMS with the image, the text to a UK number as SMS without it.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { publicApi } from "./support/public-api";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const { subscribe, segmentOf, draftCampaign, launch } = publicApi(() => app.url);
const MARK = `mms-${process.pid}-${Date.now()}`;
const IMAGE = "https://cdn.example.com/spring.png";

interface DoubleMessage {
  to: string;
  text: string;
  type: "SMS" | "MMS";
  mediaUrls: string[];
}
const received = async (phone: string): Promise<DoubleMessage[]> =>
  (await (await fetch(`${app.url}/sandbox/messages?to=${encodeURIComponent(phone)}`)).json()).messages.filter((m: DoubleMessage) => m.text.includes("PIC"));

beforeAll(async () => {
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  const day = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  // 10:00 in Chicago, 15:00 in London: inside sending hours for both.
  await sandbox.setClock(`${day}T15:00:00Z`);
});

describe("a campaign with an image", () => {
  it("goes as MMS with the image to a US number and as SMS without it to a UK or Jamaican number, as estimated", { timeout: 30_000 }, async () => {
    const us = uniquePhone("312");
    const uk = `+44207946${String(Math.floor(Math.random() * 1000)).padStart(4, "0")}`;
    // +1 but not the US or Canada: Jamaica.
    const jamaica = `+18763${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
    const tag = `${MARK}-pic`;
    await subscribe([us, uk, jamaica], tag);
    const created = await draftCampaign({ segmentId: await segmentOf(tag), variants: [{ body: "New in PIC: the spring range" }], mediaUrl: IMAGE, schedule: { type: "now" } });
    expect(created.estimate).toMatchObject({ recipients: 3, mmsRecipients: 1 });
    expect((await launch(created.id)).status).toBe(200);
    await sandbox.advanceClock(0);

    expect(await received(us)).toEqual([expect.objectContaining({ type: "MMS", mediaUrls: [IMAGE] })]);
    expect(await received(uk)).toEqual([expect.objectContaining({ type: "SMS", mediaUrls: [] })]);
    expect(await received(jamaica)).toEqual([expect.objectContaining({ type: "SMS", mediaUrls: [] })]);

    const messages = await db.message.findMany({ where: { campaignId: created.id, direction: "outbound" } });
    const to = (phone: string) => messages.find((m) => m.toNumber === phone)!;
    expect(JSON.parse(to(us).mediaUrls)).toEqual([IMAGE]);
    expect(JSON.parse(to(uk).mediaUrls)).toEqual([]);
    // Telnyx's (the double's) price for one MMS, and for one SMS part.
    expect(to(us)).toMatchObject({ segments: 1 });
    expect(Number(to(us).cost)).toBeCloseTo(0.015, 6);
    expect(Number(to(uk).cost)).toBeCloseTo(0.0051 * to(uk).segments, 6);
  });
});
