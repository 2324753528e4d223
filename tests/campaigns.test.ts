// Campaign launches on a shop of their own, through the campaign functions the API calls: how
// the audience splits into arms, that the split is the hash's and stored, and how a spread and a
// shop-zone fallback set each recipient's due time.
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { sqlBuildersOf } from "~/db.server";
import { createCampaign, launchCampaign } from "~/marketing/campaigns.server";
import { saveSegment } from "~/marketing/segments.server";
import { armShares, armSql } from "~/marketing/campaign-arms";
import { createShop } from "./support/factories";
import { useTestDatabase } from "./support/database";
import { uniquePhone } from "./support/sandbox-client";

const { db, engine } = useTestDatabase();
// Noon in Chicago, the test shop's zone.
const NOON_CHICAGO = new Date("2026-11-25T18:00:00Z");
const ctx = { db, clock: new VirtualClock(NOON_CHICAGO) };
const APP_URL = "https://textback.example";

async function shopWithAudience(phones: string[]) {
  const shop = await createShop(ctx);
  await db.contact.createMany({ data: phones.map((phone) => ({ shopId: shop.id, phone, marketingConsent: true, consentSource: "api" })) });
  const saved = await saveSegment(ctx, shop.id, { name: "Everyone", rules: { field: "orders_count", op: ">=", value: 0 } });
  if (!saved.ok) throw new Error(saved.error);
  return { shop, segmentId: saved.segment.id };
}

async function launched(shopId: string, input: Record<string, unknown>) {
  const created = await createCampaign(ctx, shopId, { name: "Test", ...input }, APP_URL);
  if (!created.ok) throw new Error(created.error);
  expect(await launchCampaign(ctx, shopId, created.value.id, APP_URL)).toEqual({ ok: true });
  return db.campaignRecipient.findMany({ where: { campaignId: created.value.id } });
}

describe("arms", () => {
  it("splits 3,000 contacts into the holdout and the variants by weight, as the stored hash says", async () => {
    const { shop, segmentId } = await shopWithAudience(Array.from({ length: 3_000 }, () => uniquePhone("312")));
    const variants = [{ body: "One", weight: 1 }, { body: "Three", weight: 3 }];
    const recipients = await launched(shop.id, { segmentId, variants, holdoutPercent: 20, schedule: { type: "now" } });
    const share = (arm: string) => recipients.filter((r) => r.arm === arm).length / recipients.length;
    expect(recipients).toHaveLength(3_000);
    expect(share("holdout")).toBeCloseTo(0.2, 1);
    expect(share("A")).toBeCloseTo(0.2, 1);
    expect(share("B")).toBeCloseTo(0.6, 1);
    expect(recipients.filter((r) => r.arm === "holdout").every((r) => r.status === "held_out" && r.sendAt === null)).toBe(true);

    // The same campaign and contact always give the same arm: the hash read again agrees with every stored row.
    const builders = sqlBuildersOf(db);
    const campaignId = recipients[0]!.campaignId;
    const shares = armShares(20, [{ name: "A", weight: 1 }, { name: "B", weight: 3 }]);
    const again = await db.$queryRaw<{ id: string; arm: string }[]>(builders.sql`SELECT c."id", ${armSql(campaignId, shares, builders, engine)} AS "arm" FROM "Contact" c WHERE c."shopId" = ${shop.id}`);
    const stored = new Map(recipients.map((r) => [r.contactId, r.arm]));
    expect(again.every(({ id, arm }) => stored.get(id) === arm)).toBe(true);
  });

  it("gives one contact unrelated arms in different campaigns", async () => {
    const { shop, segmentId } = await shopWithAudience(Array.from({ length: 400 }, () => uniquePhone("312")));
    const input = { segmentId, variants: [{ body: "One" }], holdoutPercent: 50, schedule: { type: "now" } };
    const first = new Map((await launched(shop.id, input)).map((r) => [r.contactId, r.arm]));
    const second = await launched(shop.id, input);
    const same = second.filter((r) => first.get(r.contactId) === r.arm).length / second.length;
    expect(same).toBeGreaterThan(0.4);
    expect(same).toBeLessThan(0.6);
  });
});

describe("due times", () => {
  it("spreads the texts over the hours asked, on whole minutes, from the time asked", async () => {
    const { shop, segmentId } = await shopWithAudience(Array.from({ length: 300 }, () => uniquePhone("312")));
    const at = new Date(NOON_CHICAGO.getTime() + 3_600_000);
    const recipients = await launched(shop.id, { segmentId, variants: [{ body: "Hi" }], holdoutPercent: 0, schedule: { type: "at", at: at.toISOString() }, spreadHours: 2 });
    const times = recipients.map((r) => r.sendAt!.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(at.getTime());
    expect(Math.max(...times)).toBeLessThan(at.getTime() + 2 * 3_600_000);
    expect(times.every((t) => t % 60_000 === 0)).toBe(true);
    expect(new Set(times).size).toBeGreaterThan(60);
  });

  it("sends at the local time in the shop's zone to a number with no known place", async () => {
    // A toll-free number says nothing of where its owner is; the shop is in Chicago.
    const { shop, segmentId } = await shopWithAudience(["+18005550199", uniquePhone("212")]);
    const recipients = await launched(shop.id, { segmentId, variants: [{ body: "Hi" }], holdoutPercent: 0, schedule: { type: "local", date: "2026-11-27", time: "10:00" } });
    const phones = new Map((await db.contact.findMany({ where: { shopId: shop.id } })).map((c) => [c.id, c.phone]));
    const due = new Map(recipients.map((r) => [phones.get(r.contactId), r.sendAt!.toISOString()]));
    expect(due.get("+18005550199")).toBe("2026-11-27T16:00:00.000Z");
    expect([...due.entries()].find(([phone]) => phone !== "+18005550199")![1]).toBe("2026-11-27T15:00:00.000Z");
  });
});
