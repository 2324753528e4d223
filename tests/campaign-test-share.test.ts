// "Test on a share first, and send the winner to the rest after N hours", through the public API
// in the sandbox: the variants go to a share of the audience, orders arrive as Shopify webhooks,
// and when the clock passes the hours the rest is sent the winner, or the split when none won.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, shopifyFixture } from "./support/shopify-webhooks";
import { publicApi } from "./support/public-api";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const sandbox = sandboxClient(() => app.url);
const { api, subscribe, segmentOf, draftCampaign, launch } = publicApi(() => app.url);
const MARK = `share-${process.pid}-${Date.now()}`;
const HOUR_MS = 3_600_000;
const AUDIENCE = 40;

/** New York subscribers in a segment of their own, and a launched test-share campaign to them. */
async function launchedTest(marker: string, test: Record<string, unknown> = { sharePercent: 50, winnerAfterHours: 1 }) {
  const tag = `${MARK}-${marker}`.toLowerCase();
  const phones = Array.from({ length: AUDIENCE }, () => uniquePhone("212"));
  await subscribe(phones, tag);
  const created = await draftCampaign({
    segmentId: await segmentOf(tag),
    variants: [{ body: `Sale A ${marker}` }, { body: `Sale B ${marker}` }],
    schedule: { type: "now" },
    skipIfTextedWithinHours: null,
    test,
  });
  expect((await launch(created.id)).status).toBe(200);
  return { id: created.id as string, phones };
}

/** Each phone's campaign texts, by the variant they carry. */
async function variantsReceived(phones: string[], marker: string) {
  const got = await Promise.all(phones.map(async (phone) => (await sandbox.textsTo(phone)).filter((t) => t.text.includes(marker)).map((t) => (t.text.includes("Sale A") ? "A" : "B"))));
  return new Map(phones.map((phone, i) => [phone, got[i]!]));
}

let orderId = Date.now() * 1000 + process.pid;
function order(phone: string, at: Date) {
  const body = shopifyFixture("orders-create")
    .replace('"id": 820982911946154508', `"id": ${orderId++}`)
    .replace('"name": "#9999"', `"name": "#${orderId % 1_000_000}"`)
    .replace('"phone": null', `"phone": "${phone}"`)
    .replace(/"created_at": "[^"]+"/, `"created_at": "${at.toISOString()}"`)
    .replace(/"processed_at": "[^"]+"/, `"processed_at": "${at.toISOString()}"`);
  return postShopifyWebhook(app.url, "orders/create", body);
}

let now: Date;
beforeAll(async () => {
  // 10:00 in New York, two days ahead: inside the sending hours.
  const today = new Date((await sandbox.advanceClock(0)).body.now);
  now = new Date(`${new Date(today.getTime() + 2 * 24 * HOUR_MS).toISOString().slice(0, 10)}T15:00:00Z`);
  await sandbox.setClock(now.toISOString());
});

describe("a campaign tested on a share first", () => {
  it("texts the variants to the share, then the winner to everyone else once the hours have passed", { timeout: 180_000 }, async () => {
    const { id, phones } = await launchedTest("TSW");
    await sandbox.advanceClock(0);
    const tested = await variantsReceived(phones, "TSW");
    const share = phones.filter((phone) => tested.get(phone)!.length > 0);
    const rest = phones.filter((phone) => tested.get(phone)!.length === 0);
    // Half of the audience, as the hash of each contact falls.
    expect(share.length).toBeGreaterThan(AUDIENCE * 0.3);
    expect(share.length).toBeLessThan(AUDIENCE * 0.7);
    expect(share.every((phone) => tested.get(phone)!.length === 1)).toBe(true);

    // Everyone texted A buys within a quarter of an hour; no one texted B does.
    for (const phone of share.filter((p) => tested.get(p)![0] === "A")) expect((await order(phone, new Date(now.getTime() + HOUR_MS / 4))).status).toBe(200);
    await sandbox.advanceClock(59);
    expect((await variantsReceived(rest, "TSW")).get(rest[0]!)).toEqual([]);
    expect((await api(`/campaigns/${id}`)).body.winner).toBeNull();

    await sandbox.advanceClock(1);
    const after = await variantsReceived(phones, "TSW");
    expect(rest.map((phone) => after.get(phone))).toEqual(rest.map(() => ["A"]));
    expect(share.every((phone) => after.get(phone)!.length === 1)).toBe(true);
    const view = (await api(`/campaigns/${id}`)).body;
    expect(view).toMatchObject({ status: "sent", winner: { variant: "A" } });
    const arm = (name: string) => view.arms.find((a: any) => a.name === name);
    expect(arm("A").sent + arm("B").sent).toBe(AUDIENCE);
  });

  it("splits the rest by the variants' weights when no variant won", { timeout: 180_000 }, async () => {
    const { id, phones } = await launchedTest("TSN");
    await sandbox.advanceClock(0);
    await sandbox.advanceClock(60);
    const got = await variantsReceived(phones, "TSN");
    expect(phones.map((phone) => got.get(phone)!.length)).toEqual(phones.map(() => 1));
    const sent = [...got.values()].flat();
    expect(new Set(sent)).toEqual(new Set(["A", "B"]));
    expect((await api(`/campaigns/${id}`)).body).toMatchObject({ status: "sent", winner: { variant: null } });
  });

  it("sends the rest nothing once cancelled", { timeout: 180_000 }, async () => {
    const { id, phones } = await launchedTest("TSC");
    await sandbox.advanceClock(0);
    const tested = await variantsReceived(phones, "TSC");
    expect((await api(`/campaigns/${id}/cancel`, "POST")).status).toBe(200);
    await sandbox.advanceClock(2 * 60);
    const after = await variantsReceived(phones, "TSC");
    expect(phones.map((phone) => after.get(phone)!.length)).toEqual(phones.map((phone) => tested.get(phone)!.length));
    expect(phones.some((phone) => after.get(phone)!.length === 0)).toBe(true);
  });

  it("refuses a test with one variant, naming the field", async () => {
    const { status, body } = await api("/campaigns", "POST", { name: "one", segmentId: "x", variants: [{ body: "Only one" }], schedule: { type: "now" }, test: { sharePercent: 20, winnerAfterHours: 4 } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: "test" });
  });
});
