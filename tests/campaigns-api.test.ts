// Campaigns through the public API in the sandbox, as a merchant's script runs them: subscribers
// in four zones imported with their consent, some opted out and one suppressed, a two-variant
// campaign at 10:00 on each recipient's own clock with a 20 % holdout, and the clock moved on.
// What reached the Telnyx double is compared with the campaign's report.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { publicApi, SUBSCRIBER_CONSENT } from "./support/public-api";
import { suppressPhone } from "~/compliance/suppression.server";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { VirtualClock } from "~/clock.server";
import { SANDBOX_ENCRYPTION_KEY, SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

// No background worker: jobs run when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const MARK = `camp-${process.pid}-${Date.now()}`;
const HOUR_MS = 3_600_000;

const { api, subscribe, segmentOf: segment, draftCampaign: campaign, launch } = publicApi(() => app.url);
// Ofcom's London numbers for drama (020 7946 0000–0999), taken in turn from a random start.
let londonLine = Math.floor(Math.random() * 1000);
const londonPhone = () => `+44207946${String(londonLine++ % 1000).padStart(4, "0")}`;

const texts = async (phone: string, marker: string) => (await sandbox.textsTo(phone)).filter((t) => t.text.includes(marker));
/** The wall-clock time a UTC instant shows in a zone, "HH:MM". */
const wall = (at: string, zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at));

let day: string;
const dayAfter = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 24 * HOUR_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  // Two days ahead at 01:00 UTC: before 08:00 in every zone used here.
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  day = new Date(now.getTime() + 2 * 24 * HOUR_MS).toISOString().slice(0, 10);
  await sandbox.setClock(`${day}T01:00:00Z`);
});

describe("a campaign at 10:00 on each recipient's clock", () => {
  const zones = { "America/New_York": "212", "America/Los_Angeles": "213", "Pacific/Honolulu": "808" } as const;

  it("texts every treated subscriber once at 10:00 their time, and no one in the holdout, opted out, suppressed or texted lately", { timeout: 120_000 }, async () => {
    const tag = `${MARK}-main`;
    const byZone = new Map<string, string[]>(Object.entries(zones).map(([zone, area]) => [zone, Array.from({ length: 6 }, () => uniquePhone(area))]));
    byZone.set("Europe/London", Array.from({ length: 6 }, londonPhone));
    const optedOut = [uniquePhone("212"), uniquePhone("213")];
    const suppressed = uniquePhone("808");
    const early = Array.from({ length: 5 }, () => uniquePhone("212"));
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } });
    await suppressPhone({ db, clock: new VirtualClock(new Date()) }, { shopId: shop.id, phone: suppressed, hashKey: suppressionHashKey(SANDBOX_ENCRYPTION_KEY), reason: "customers/redact after an opt-out" });

    const imported = await subscribe([...[...byZone.values()].flat(), ...optedOut, suppressed], tag);
    expect(imported.results.filter((r: any) => r.outcome === "refused")).toEqual([expect.objectContaining({ phone: suppressed, reason: "suppressed" })]);
    await subscribe(early, `${tag}-early`);
    await api("/subscribers", "POST", { subscribers: early.map((phone) => ({ phone, tags: [tag], consent: SUBSCRIBER_CONSENT })) });
    for (const phone of optedOut) expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);

    // Texted marketing at 08:00 New York time: two hours before the campaign's text is due.
    const earlyCampaign = await campaign({ segmentId: await segment(`${tag}-early`), variants: [{ body: "Early bird EB1 preview" }], schedule: { type: "local", date: day, time: "08:00" } });
    expect((await launch(earlyCampaign.id)).status).toBe(200);

    const created = await campaign({
      segmentId: await segment(tag),
      variants: [{ body: "Hi {{first_name}}, winter sale WSA: https://example.com/sale", weight: 1 }, { body: "Winter sale WSB, 20% off today", weight: 1 }],
      holdoutPercent: 20,
      schedule: { type: "local", date: day, time: "10:00" },
    });
    expect(created).toMatchObject({ status: "draft", estimate: { audience: 29, holdout: 6, recipients: 23, currency: "USD" } });
    expect(created.estimate.texts.map((t: any) => t.segments)).toEqual([1, 1]);
    expect(created.estimate.texts[0].preview).toMatch(/^Textback Demo: Hi Alexandra, winter sale WSA: http\S+\/r\/\w{8} Reply STOP to opt out$/);
    expect(created.estimate.cost).toBeGreaterThan(0);

    const [first, second] = await Promise.all([launch(created.id), launch(created.id)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await launch(created.id)).body.status).toBe("scheduled");
    await sandbox.setClock(`${day}T21:00:00Z`);

    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: created.id }, });
    const contacts = new Map((await db.contact.findMany({ where: { id: { in: recipients.map((r) => r.contactId) } } })).map((c) => [c.id, c.phone]));
    const armOf = new Map(recipients.map((r) => [contacts.get(r.contactId)!, r]));
    expect(recipients).toHaveLength(29);
    const holdout = recipients.filter((r) => r.arm === "holdout");
    expect(holdout.every((r) => r.status === "held_out")).toBe(true);

    let received = 0;
    for (const [zone, phones] of byZone) {
      for (const phone of phones) {
        const got = [...(await texts(phone, "WSA")), ...(await texts(phone, "WSB"))];
        const recipient = armOf.get(phone)!;
        if (recipient.arm === "holdout") {
          expect(got).toEqual([]);
          continue;
        }
        expect(got).toHaveLength(1);
        expect(got[0]!.text).toContain(recipient.arm === "A" ? "WSA" : "WSB");
        expect(wall(got[0]!.at, zone)).toBe("10:00");
        received++;
      }
    }
    for (const phone of [...optedOut, suppressed]) {
      expect(armOf.has(phone)).toBe(false);
      expect([...(await texts(phone, "WSA")), ...(await texts(phone, "WSB"))]).toEqual([]);
    }
    for (const phone of early) {
      expect(await texts(phone, "EB1")).toHaveLength(1);
      expect([...(await texts(phone, "WSA")), ...(await texts(phone, "WSB"))]).toEqual([]);
      const recipient = armOf.get(phone)!;
      expect(recipient.status).toBe(recipient.arm === "holdout" ? "held_out" : "skipped");
      if (recipient.arm !== "holdout") expect(recipient.skipReason).toBe("texted_within_16h");
    }
    const aLink = (await Promise.all([...byZone.values()].flat().map((phone) => texts(phone, "WSA")))).flat()[0];
    if (aLink) expect(aLink.text).toMatch(/\/r\/\w{8} Reply STOP to opt out$/);

    const report = (await api(`/campaigns/${created.id}`)).body;
    expect(report.status).toBe("sent");
    const arm = (name: string) => report.arms.find((a: any) => a.name === name);
    expect(arm("A").sent + arm("B").sent).toBe(received);
    expect(arm("holdout").recipients).toBe(holdout.length);
    expect(arm("holdout").sent).toBe(0);
    for (const name of ["A", "B"]) {
      const phones = recipients.filter((r) => r.arm === name).map((r) => contacts.get(r.contactId)!);
      const got = (await Promise.all(phones.map((phone) => texts(phone, name === "A" ? "WSA" : "WSB")))).flat();
      expect(arm(name).sent).toBe(got.length);
      expect(arm(name).recipients).toBe(phones.length);
    }
  });
});

describe("caps, repeats and cancelling", () => {
  it("gives a shopper in two campaigns launched at once, with a cap of one a day, one text", async () => {
    const tag = `${MARK}-cap`;
    const phone = uniquePhone("312");
    await subscribe([phone], tag);
    const segmentId = await segment(tag);
    const at = `${dayAfter(1)}T16:00:00Z`;
    const [one, two] = await Promise.all([
      campaign({ segmentId, variants: [{ body: "Cap test CT1" }], schedule: { type: "at", at } }),
      campaign({ segmentId, variants: [{ body: "Cap test CT2" }], schedule: { type: "at", at } }),
    ]);
    await Promise.all([launch(one.id), launch(two.id)]);
    await sandbox.setClock(`${dayAfter(2)}T18:00:00Z`);
    const got = (await sandbox.textsTo(phone)).filter((t) => /Cap test CT[12]/.test(t.text));
    expect(got).toHaveLength(1);
    expect(got[0]!.at).toBe(new Date(at).toISOString());

    // A STOP in reply is marked with the campaign that texted and counts toward its opt-outs.
    const texted = got[0]!.text.includes("CT1") ? one : two;
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    const stop = await db.message.findFirstOrThrow({ where: { fromNumber: phone, direction: "inbound" } });
    expect(stop.campaignId).toBe(texted.id);
    const report = (await api(`/campaigns/${texted.id}`)).body;
    expect(report.arms.find((a: any) => a.name === "A")).toMatchObject({ recipients: 1, sent: 1, optOuts: 1 });
  });

  it("cancelling stops texts held for quiet hours and recipients not yet due, and nothing leaves", async () => {
    const tag = `${MARK}-cancel`;
    const [held, later] = [uniquePhone("312"), uniquePhone("312")];
    await subscribe([held], `${tag}-now`);
    await subscribe([later], `${tag}-later`);
    // 01:00 in Chicago: a text asked for now waits for 08:00.
    await sandbox.setClock(`${dayAfter(3)}T07:00:00Z`);
    const now = await campaign({ segmentId: await segment(`${tag}-now`), variants: [{ body: "Cancel test CX1" }], schedule: { type: "now" } });
    const scheduled = await campaign({ segmentId: await segment(`${tag}-later`), variants: [{ body: "Cancel test CX2" }], schedule: { type: "at", at: `${dayAfter(3)}T17:00:00Z` } });
    await launch(now.id);
    await launch(scheduled.id);
    await sandbox.advanceClock(0);
    const heldText = await db.message.findFirstOrThrow({ where: { campaignId: now.id } });
    expect(heldText.status).toBe("held");

    for (const id of [now.id, scheduled.id]) {
      const cancelled = await api(`/campaigns/${id}/cancel`, "POST");
      expect(cancelled).toMatchObject({ status: 200, body: { status: "cancelled" } });
      expect((await launch(id)).status).toBe(409);
    }
    await sandbox.setClock(`${dayAfter(3)}T20:00:00Z`);
    expect([...(await texts(held, "CX1")), ...(await texts(later, "CX2"))]).toEqual([]);
    expect(await db.message.findFirstOrThrow({ where: { campaignId: now.id } })).toMatchObject({ status: "cancelled" });
    expect(await db.campaignRecipient.findMany({ where: { campaignId: { in: [now.id, scheduled.id] } } })).toEqual([
      expect.objectContaining({ status: "cancelled" }),
      expect.objectContaining({ status: "cancelled" }),
    ]);
  });
});

describe("requests", () => {
  it("refuses bad input naming the field, and another shop's or no campaign is 404", async () => {
    const segmentId = await segment(`${MARK}-none`);
    const bad = async (input: Record<string, unknown>) => (await api("/campaigns", "POST", { name: "x", segmentId, variants: [{ body: "Hi" }], schedule: { type: "now" }, ...input })).body;
    expect(await bad({ variants: [] })).toMatchObject({ field: "variants" });
    expect(await bad({ variants: Array.from({ length: 5 }, () => ({ body: "Hi" })) })).toMatchObject({ field: "variants" });
    expect(await bad({ variants: [{ body: "Hi {{last_name}}" }] })).toMatchObject({ field: "variants[0].body" });
    expect(await bad({ variants: [{ body: "Hi", weight: 0 }] })).toMatchObject({ field: "variants[0].weight" });
    expect(await bad({ holdoutPercent: 60 })).toMatchObject({ field: "holdoutPercent" });
    expect(await bad({ schedule: { type: "local", date: dayAfter(9), time: "25:00" } })).toMatchObject({ field: "schedule.time" });
    expect(await bad({ schedule: { type: "at", at: "2020-01-01T00:00:00Z" } })).toMatchObject({ field: "schedule.at" });
    expect(await bad({ segmentId: "nope" })).toMatchObject({ field: "segmentId", error: "No such segment" });
    expect(await bad({ mediaUrl: "ftp://x" })).toMatchObject({ field: "mediaUrl" });
    expect((await api("/campaigns/nope")).status).toBe(404);
    expect((await api("/campaigns/nope/launch", "POST")).status).toBe(404);
  });

  it("prices an image as MMS for US and Canadian numbers and SMS elsewhere, and warns of UCS-2 with the GSM-7 fix", async () => {
    const tag = `${MARK}-mms`;
    await subscribe([uniquePhone("312"), uniquePhone("312"), londonPhone()], tag);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } });
    const draft = await campaign({ segmentId: await segment(tag), variants: [{ body: "It’s here — the sale" }], schedule: { type: "now" }, mediaUrl: "https://example.com/a.png" });
    expect(draft.estimate).toMatchObject({ audience: 3, recipients: 3, mmsRecipients: 2 });
    expect(draft.estimate.texts[0]).toMatchObject({ encoding: "UCS-2", nonGsmCharacters: ["’", "—"], gsmFix: expect.stringContaining("It's here - the sale") });
    const expected = 2 * Number(shop.costPerMms) + draft.estimate.texts[0].segments * Number(shop.costPerSegment);
    expect(draft.estimate.cost).toBeCloseTo(expected, 4);
  });
});
