// A launched campaign's report from its stored rows: recipients by arm, their texts, clicks,
// replies, opt-outs and orders in the window, each figure checked against a count by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { campaignReport } from "~/marketing/campaign-report.server";
import { wilsonInterval } from "~/marketing/campaign-stats";
import { createShop } from "./support/factories";
import { useTestDatabase } from "./support/database";

const { db } = useTestDatabase();
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const LAUNCH = new Date("2026-03-02T16:00:00.000Z");
const at = (ms: number) => new Date(LAUNCH.getTime() + ms);
// The last text is due 2 hours after launch, so the window closes 5 days after that.
const WINDOW_END = at(2 * HOUR_MS + 5 * DAY_MS);
const ctx = { db, clock: new VirtualClock(at(10 * DAY_MS)) };
let shopId: string;
let campaignId: string;
let otherShopId: string;

async function seedCampaign() {
  shopId = (await createShop(ctx)).id;
  otherShopId = (await createShop(ctx)).id;
  const contacts: string[] = [];
  for (let i = 0; i < 11; i++) contacts.push((await db.contact.create({ data: { shopId, phone: `+1312555${String(1000 + i)}`, marketingConsent: true } })).id);
  const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, outsider] = contacts;
  const campaign = await db.campaign.create({
    data: {
      shopId, name: "Spring sale", status: "sent", schedule: JSON.stringify({ type: "now" }), holdoutPercent: 30, launchedAt: LAUNCH,
      estimate: JSON.stringify({ recipients: 7, segmentsPerText: 1, cost: "0.0553" }),
      variants: { create: [{ name: "A", body: "Spring sale A", weight: 1 }, { name: "B", body: "Spring sale B", weight: 1 }] },
    },
  });
  campaignId = campaign.id;
  const other = await db.campaign.create({ data: { shopId, name: "Other", status: "sent", schedule: "{}", launchedAt: LAUNCH } });

  // A campaign text carries its recipient's arm, and its links the campaign and arm, as sending writes them.
  const text = (contactId: string, arm: string, status: string, cost: string | null, campaign = campaignId) =>
    db.message.create({
      data: { shopId, contactId, campaignId: campaign, campaignArm: arm, direction: "outbound", purpose: "marketing", body: "Spring sale", fromNumber: "+17735550100", toNumber: "+13125550000", status, cost, occurredAt: LAUNCH },
    });
  const recipient = (contactId: string, arm: string, status: string, messageId: string | null, sendAt: Date | null = LAUNCH) =>
    db.campaignRecipient.create({ data: { campaignId, contactId, shopId, arm, status, messageId, sendAt } });
  const link = (message: { id: string; campaignId: string | null; campaignArm: string | null }, clicks: number) =>
    db.link.create({ data: { shopId, code: `${message.id}-l`, target: "https://shop.example/sale", messageId: message.id, campaignId: message.campaignId, campaignArm: message.campaignArm, clicks } });
  const reply = (contactId: string, body: string, campaign = campaignId) =>
    db.message.create({ data: { shopId, contactId, campaignId: campaign, direction: "inbound", body, fromNumber: "+13125550000", toNumber: "+17735550100", status: "received", occurredAt: at(HOUR_MS) } });
  const order = (contactId: string, totalPrice: string, placedAt: Date, shop = shopId) =>
    db.order.create({ data: { shopId: shop, contactId, shopifyOrderId: `${contactId}-${placedAt.getTime()}`, name: "#1001", totalPrice, currency: "USD", placedAt } });
  const optOut = (contactId: string, occurredAt: Date, scope = "marketing") =>
    db.consentEvent.create({ data: { shopId, contactId, phone: "+13125550000", scope, granted: false, source: "keyword", text: "STOP", occurredAt } });

  // Arm A: two delivered, one failed, one skipped (no text).
  const m1 = await text(c1, "A", "delivered", "0.0079");
  const m2 = await text(c2, "A", "delivered", "0.0079");
  const m3 = await text(c3, "A", "failed", null);
  await recipient(c1, "A", "sent", m1.id);
  await recipient(c2, "A", "sent", m2.id);
  await recipient(c3, "A", "sent", m3.id);
  await recipient(c4, "A", "skipped", null);
  // Arm B: delivered (two segments), sent, and one still queued, due 2 hours after launch.
  const m5 = await text(c5, "B", "delivered", "0.0158");
  const m6 = await text(c6, "B", "sent", "0.0079");
  const m7 = await text(c7, "B", "queued", null);
  await recipient(c5, "B", "sent", m5.id);
  await recipient(c6, "B", "sent", m6.id);
  await recipient(c7, "B", "queued", m7.id, at(2 * HOUR_MS));
  // The holdout gets nothing.
  await recipient(c8, "holdout", "held_out", null);
  await recipient(c9, "holdout", "held_out", null);
  await recipient(c10, "holdout", "held_out", null, null);

  await link(m1, 3);
  await link(m2, 0);
  await link(m5, 1);
  await link(await text(c1, "A", "delivered", "0.0079", other.id), 7);

  await reply(c1, "Love it!");
  await reply(c1, "Is it on the jackets too?");
  await reply(c5, "STOP");
  await reply(c6, "when does it end?");
  await reply(c2, "hello", other.id);

  await order(c1, "40.00", at(DAY_MS));
  await order(c1, "10.50", at(3 * DAY_MS));
  await order(c1, "99.00", at(-DAY_MS)); // before launch
  await order(c2, "25.00", at(6 * DAY_MS)); // after the window
  await order(c5, "80.00", new Date(WINDOW_END.getTime() - 60_000));
  await order(c8, "30.00", at(HOUR_MS));
  await order(c9, "100.00", WINDOW_END); // the window's end is not in it
  await order(outsider, "500.00", at(DAY_MS)); // not a recipient

  await optOut(c5, at(HOUR_MS));
  await optOut(c9, at(2 * DAY_MS)); // the holdout's opt-outs without a text
  await optOut(c3, at(-2 * DAY_MS)); // before launch
  await optOut(c2, at(DAY_MS), "transactional");
}

beforeAll(seedCampaign);

describe("a launched campaign's report", () => {
  it("counts each arm's recipients, texts, clicks, replies and opt-outs", async () => {
    const report = (await campaignReport(ctx, shopId, campaignId))!;
    expect(report.status).toBe("sent");
    expect(report.estimate).toEqual({ recipients: 7, segmentsPerText: 1, cost: "0.0553" });
    expect(report.window).toEqual({ from: LAUNCH.toISOString(), to: WINDOW_END.toISOString(), days: 5, complete: true });
    const counts = report.arms.map(({ name, recipients, sent, delivered, clicks, replies, optOuts, cost }) => ({ name, recipients, sent, delivered, clicks, replies, optOuts, cost }));
    expect(counts).toEqual([
      { name: "A", recipients: 4, sent: 2, delivered: 2, clicks: 3, replies: 1, optOuts: 0, cost: "0.0158" },
      { name: "B", recipients: 3, sent: 2, delivered: 1, clicks: 1, replies: 1, optOuts: 1, cost: "0.0237" },
      { name: "holdout", recipients: 3, sent: 0, delivered: 0, clicks: 0, replies: 0, optOuts: 1, cost: "0" },
    ]);
  });

  it("counts orders and revenue in the same window for every arm, with the conversion rate and its interval", async () => {
    const report = (await campaignReport(ctx, shopId, campaignId))!;
    const sales = report.arms.map(({ name, orders, converted, revenue, conversionRate, interval }) => ({ name, orders, converted, revenue, conversionRate, interval }));
    expect(sales).toEqual([
      { name: "A", orders: 2, converted: 1, revenue: "50.5", conversionRate: 0.25, interval: wilsonInterval(1, 4) },
      { name: "B", orders: 1, converted: 1, revenue: "80", conversionRate: 1 / 3, interval: wilsonInterval(1, 3) },
      { name: "holdout", orders: 1, converted: 1, revenue: "30", conversionRate: 1 / 3, interval: wilsonInterval(1, 3) },
    ]);
  });

  it("gives the incremental revenue over the holdout with its interval, and names no winner on so few recipients", async () => {
    const { lift, definitions } = (await campaignReport(ctx, shopId, campaignId))!;
    // Treated revenue per recipient 130.5 / 7, holdout 30 / 3: (18.643 − 10) × 7 = 60.5.
    expect(lift).toMatchObject({ treatedRecipients: 7, holdoutRecipients: 3, incrementalRevenue: 60.5, interval: [-158.66, 279.66], significant: false, winner: null });
    expect(lift.winnerReason).toMatch(/^No variant converted significantly better/);
    expect(definitions.incrementalRevenue).toContain("Treated revenue per recipient minus holdout revenue per recipient");
  });

  it("is not found for another shop, and is empty before launch", async () => {
    expect(await campaignReport(ctx, otherShopId, campaignId)).toBeNull();
    const draft = await db.campaign.create({
      data: { shopId, name: "Draft", schedule: "{}", variants: { create: [{ name: "A", body: "Hi", weight: 1 }] } },
    });
    const report = (await campaignReport(ctx, shopId, draft.id))!;
    expect(report.window).toBeNull();
    expect(report.arms.map(({ name, recipients, conversionRate }) => ({ name, recipients, conversionRate }))).toEqual([{ name: "A", recipients: 0, conversionRate: null }]);
    expect(report.lift.incrementalRevenue).toBeNull();
  });
});
