// The Campaigns pages through their loaders and actions in the sandbox: the compose page's
// segments with their sizes, the estimate of a draft as it changes, errors named by field, a
// draft with a discount code per recipient and a test share, a draft saved and launched (twice, sending nothing twice), the list, the report and cancel.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { BROWSER_USER_AGENT } from "./support/browser";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const MARK = `cpage-${process.pid}-${Date.now()}`;
const NEW = "/app/campaigns/new?_data=routes%2Fapp.campaigns.new";
const LIST = "/app/campaigns?_data=routes%2Fapp.campaigns._index";
const detail = (id: string) => `/app/campaigns/${id}?_data=routes%2Fapp.campaigns.%24id`;
let shopId: string;
let segmentId: string;
let day: string;
let laterId: string;

/** GET without a body; a POST of the composer's JSON, or of form fields as the other buttons send. */
async function page(path: string, body?: Record<string, unknown>, as: "json" | "form" = "json") {
  const response = await fetch(`${app.url}${path}`, {
    method: body ? "POST" : "GET",
    headers: { "User-Agent": BROWSER_USER_AGENT, ...(as === "json" && body && { "Content-Type": "application/json" }) },
    body: body && (as === "json" ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>)),
  });
  // A redirect answers a data request 204 with the address in a header.
  const redirect = response.headers.get("x-remix-redirect");
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return { status: response.status, redirect, body: json ? await response.json() : await response.text() };
}

const draft = (fields: Record<string, unknown> = {}) => ({
  name: "Winter sale",
  segmentId,
  variants: [{ body: "Hi {{first_name}}, winter sale: 20% off today", weight: 1 }],
  holdoutPercent: 0,
  schedule: { type: "now" },
  skipIfTextedWithinHours: 16,
  spreadHours: 0,
  mediaUrl: null,
  ...fields,
});
const estimate = (fields?: Record<string, unknown>) => page(NEW, { intent: "estimate", draft: draft(fields) });

async function subscriber(phone: string, granted = true) {
  const ctx = { db, clock: new VirtualClock(new Date()) };
  if (!granted) await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Yes, text me offers", welcome: false });
  const { contact } = await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted, source: granted ? "checkout" : "keyword", text: granted ? "Yes, text me offers" : "STOP", welcome: false });
  await db.contactTag.create({ data: { shopId, contactId: contact.id, tag: MARK } });
}

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } })).id;
  // Tomorrow at 17:00 UTC: late morning in Chicago, so nothing waits for quiet hours.
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  day = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  await sandbox.setClock(`${day}T17:00:00Z`);
  for (const phone of [uniquePhone("312"), uniquePhone("312"), uniquePhone("312"), "+442079461" + String(Math.floor(Math.random() * 900) + 100)]) await subscriber(phone);
  await subscriber(uniquePhone("312"), false);
  const saved = await page("/app/segments?_data=routes%2Fapp.segments", { intent: "save", name: `Tagged ${MARK}`, rules: JSON.stringify({ field: "tag", op: "=", value: MARK }) }, "form");
  segmentId = saved.body.saved.id;
});

describe("composing a campaign", () => {
  it("offers the shop's segments with their size and who they leave out", async () => {
    const { status, body } = await page(NEW);
    expect(status).toBe(200);
    expect(body.setup).toMatchObject({ holdoutPercent: 10, skipHours: 16, timeZone: "America/Chicago", variables: expect.arrayContaining(["first_name", "shop"]) });
    expect(body.setup.segments.find((s: { id: string }) => s.id === segmentId)).toEqual({
      id: segmentId,
      name: `Tagged ${MARK}`,
      size: 4,
      leftOut: { noConsent: 0, optedOut: 1, suppressed: 0 },
    });
  });

  it("estimates the draft as it changes: recipients less the holdout, the text as sent, segments, MMS and cost", async () => {
    const plain = await estimate();
    expect(plain.status).toBe(200);
    expect(plain.body.estimate).toMatchObject({ audience: 4, holdout: 0, recipients: 4, mmsRecipients: 0, currency: "USD" });
    expect(plain.body.estimate.texts).toEqual([expect.objectContaining({ variant: "A", segments: 1, encoding: "GSM-7", preview: "Textback Demo: Hi Alexandra, winter sale: 20% off today Reply STOP to opt out" })]);

    const withImage = await estimate({ holdoutPercent: 25, mediaUrl: "https://cdn.example.com/sale.png" });
    expect(withImage.body.estimate).toMatchObject({ audience: 4, holdout: 1, recipients: 3 });
    expect(withImage.body.estimate.mmsRecipients).toBeGreaterThan(0);
    expect(withImage.body.estimate.cost).toBeGreaterThan(plain.body.estimate.cost);

    const curly = await estimate({ variants: [{ body: "It’s here — the sale", weight: 1 }, { body: "Sale today", weight: 3 }] });
    expect(curly.body.estimate.texts[0]).toMatchObject({ encoding: "UCS-2", gsmFix: expect.stringContaining("It's here - the sale") });
    expect(curly.body.estimate.texts[1]).toMatchObject({ variant: "B", recipients: 3 });
  });

  it("measures the texts before a segment is chosen, and names the field at fault", async () => {
    const noSegment = await estimate({ segmentId: "" });
    expect(noSegment.body.estimate).toMatchObject({ audience: 0, recipients: 0, texts: [expect.objectContaining({ segments: 1 })] });
    expect((await estimate({ variants: [{ body: "Hi {{nickname}}", weight: 1 }] })).body).toEqual({ error: expect.stringMatching(/Unknown variable \{\{nickname\}\}/), field: "variants[0].body" });
    expect((await estimate({ holdoutPercent: "ten" })).body.field).toBe("holdoutPercent");
    expect((await estimate({ schedule: { type: "shop", date: day, time: "25:00" } })).body.field).toBe("schedule.time");
    const unnamed = await page(NEW, { intent: "create", draft: draft({ name: " " }) });
    expect(unnamed).toMatchObject({ status: 400, body: { field: "name" } });
  });

  it("saves a time in the shop's zone as that instant", async () => {
    const saved = await page(NEW, { intent: "create", draft: draft({ name: `Later ${MARK}`, schedule: { type: "shop", date: day, time: "15:30" } }) });
    const id = (laterId = saved.redirect!.split("/").pop()!);
    const { body } = await page(detail(id));
    // 15:30 in Chicago is 20:30 or 21:30 UTC, by the season.
    expect(body.campaign.schedule).toEqual({ type: "at", at: expect.stringMatching(new RegExp(`^${day}T2[01]:30:00.000Z$`)) });
    expect(body.campaign).toMatchObject({ status: "draft", cancellable: true, launchedAt: null });
  });
});

describe("a discount code per recipient and a test share", () => {
  const withCode = (fields: Record<string, unknown> = {}) =>
    draft({
      name: `Offer ${MARK}`,
      variants: [
        { body: "Hi {{first_name}}, 15% off with {{discount_code}}", weight: 1 },
        { body: "Your code {{discount_code}} takes 15% off", weight: 1 },
      ],
      discount: { percent: 15 },
      test: { sharePercent: 20, winnerAfterHours: 4 },
      ...fields,
    });

  it("measures each text with a code as long as a real one in place of {{discount_code}}", async () => {
    const { body } = await page(NEW, { intent: "estimate", draft: withCode() });
    expect(body.estimate.texts[0].preview).toBe("Textback Demo: Hi Alexandra, 15% off with TB-XXXXXXXXXX Reply STOP to opt out");
    expect(body.estimate.texts).toHaveLength(2);
  });

  it("saves the discount and the test share and shows them on the campaign's page", async () => {
    const saved = await page(NEW, { intent: "create", draft: withCode() });
    expect(saved.status).toBe(204);
    const id = saved.redirect!.split("/").pop()!;
    const { body } = await page(detail(id));
    expect(body.campaign).toMatchObject({ status: "draft", discount: { percent: 15 }, test: { sharePercent: 20, winnerAfterHours: 4 }, winner: null });
    const html = (await page(`/app/campaigns/${id}`)).body as string;
    expect(html).toContain("15 % off with a unique single-use code per recipient; the codes come from one Shopify discount");
    expect(html).toContain("20 % of the treated audience first; the winner goes to the rest after 4 h");
  });

  it("refuses a variant without {{discount_code}} when the discount is on, a percent out of range and a test of one variant, naming the field", async () => {
    const refused = (fields: Record<string, unknown>) => withCode({ name: `Refused ${MARK}`, ...fields });
    const missing = await page(NEW, { intent: "create", draft: refused({ variants: [{ body: "Hi {{discount_code}}", weight: 1 }, { body: "Sale today", weight: 1 }] }) });
    expect(missing).toMatchObject({ status: 400, body: { field: "variants[1].body", error: expect.stringMatching(/\{\{discount_code\}\}/) } });
    expect((await page(NEW, { intent: "estimate", draft: refused({ discount: { percent: 0 } }) })).body.field).toBe("discount.percent");
    expect((await page(NEW, { intent: "create", draft: refused({ test: { sharePercent: 95, winnerAfterHours: 4 } }) })).body.field).toBe("test.sharePercent");
    const single = await page(NEW, { intent: "create", draft: refused({ variants: [{ body: "Code {{discount_code}}", weight: 1 }] }) });
    expect(single).toMatchObject({ status: 400, body: { field: "test" } });
    const noDiscount = await page(NEW, { intent: "create", draft: refused({ discount: null }) });
    expect(noDiscount).toMatchObject({ status: 400, body: { field: "variants[0].body" } });
    expect(await db.campaign.count({ where: { shopId, name: `Refused ${MARK}` } })).toBe(0);
  });
});

describe("launching, the list and the report", () => {
  it("launches once however often asked, lists the campaign first, reports what was sent and cancels only what waits", async () => {
    const created = await page(NEW, { intent: "launch", draft: draft({ name: `Launch ${MARK}`, holdoutPercent: 25 }) });
    expect(created.status).toBe(204);
    expect(created.redirect).toMatch(/^\/app\/campaigns\/\w+$/);
    const id = created.redirect!.split("/").pop()!;
    const again = await Promise.all([page(detail(id), { intent: "launch" }, "form"), page(detail(id), { intent: "launch" }, "form")]);
    expect(again.map((a) => a.status)).toEqual([200, 200]);
    expect(await db.campaignRecipient.count({ where: { campaignId: id } })).toBe(4);

    await sandbox.advanceClock(1);
    const { body } = await page(detail(id));
    const treated = body.campaign.arms.filter((arm: { name: string }) => arm.name !== "holdout");
    const sent = await db.message.count({ where: { campaignId: id, direction: "outbound", status: { in: ["sending", "sent", "delivered"] } } });
    const treatedRecipients = treated.reduce((total: number, arm: { recipients: number }) => total + arm.recipients, 0);
    expect(treatedRecipients).toBeGreaterThan(0);
    expect(sent).toBe(treatedRecipients);
    expect(treated.reduce((total: number, arm: { sent: number }) => total + arm.sent, 0)).toBe(sent);
    expect(body.campaign).toMatchObject({ status: "sent", estimate: { audience: 4 }, definitions: { sent: expect.any(String) } });
    expect(body.campaign.cancellable).toBe(false);
    const cancel = await page(detail(id), { intent: "cancel" }, "form");
    expect(cancel).toMatchObject({ status: 409, body: { error: expect.stringMatching(/nothing is left to cancel/) } });

    const { campaigns } = (await page(LIST)).body;
    const row = campaigns.findIndex((c: { id: string }) => c.id === id);
    // Newest first: before the draft saved earlier in this file.
    expect(row).toBeLessThan(campaigns.findIndex((c: { id: string }) => c.id === laterId));
    expect(campaigns[row]).toMatchObject({ id, name: `Launch ${MARK}`, status: "sent", segment: `Tagged ${MARK}`, sent, estimated: false });
    expect(campaigns[row].recipients).toBe(treatedRecipients);
    expect(campaigns[row].launchedAt).toEqual(expect.any(String));
  });

  it("cancels a scheduled campaign and answers 404 for a campaign that is not the shop's", async () => {
    const created = await page(NEW, { intent: "launch", draft: draft({ name: `Cancel ${MARK}`, schedule: { type: "shop", date: day, time: "16:00" } }) });
    const id = created.redirect!.split("/").pop()!;
    expect((await page(detail(id))).body.campaign).toMatchObject({ status: "scheduled", cancellable: true });
    expect(await page(detail(id), { intent: "cancel" }, "form")).toMatchObject({ status: 200, body: { done: expect.stringMatching(/^Cancelled/) } });
    expect((await page(detail(id))).body.campaign).toMatchObject({ status: "cancelled", cancellable: false });
    expect((await page(detail("not-a-campaign"))).status).toBe(404);
    expect((await page(detail("not-a-campaign"), { intent: "cancel" }, "form")).status).toBe(404);
  });

  // Last in the file: it moves the clock an hour on.
  it("says what the rest of a test share was sent once the hours have passed", async () => {
    const test = { sharePercent: 50, winnerAfterHours: 1 };
    const variants = [{ body: "Sale A, code {{discount_code}}", weight: 1 }, { body: "Sale B, code {{discount_code}}", weight: 1 }];
    const created = await page(NEW, { intent: "launch", draft: draft({ name: `Tested ${MARK}`, variants, discount: { percent: 10 }, test }) });
    const id = created.redirect!.split("/").pop()!;
    await sandbox.advanceClock(0);
    const sentToRest = async () => (await page(`/app/campaigns/${id}`)).body.match(/data-testid="report-sent-to-rest">([^<]*)</)?.[1];
    expect(await sentToRest()).toBe("Not chosen yet: the rest is sent the winner 1 h after the test share&#x27;s first texts.");
    await sandbox.advanceClock(60);
    expect((await page(detail(id))).body.campaign).toMatchObject({ discount: { percent: 10 }, test, winner: { variant: null } });
    // Four recipients make no significant difference.
    expect(await sentToRest()).toBe("No variant won: the rest got the split.");
  });
});
