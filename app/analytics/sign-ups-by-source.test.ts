import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { recordConsentEvent, type ConsentSource } from "~/compliance/consent-ledger.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { signUpsBySource } from "./sign-ups-by-source.server";

const { db } = useTestDatabase();
const NOW = new Date("2026-06-15T17:00:00.000Z");
const DAY = 24 * 3_600_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const ctx: AppContext = { db, clock: new VirtualClock(NOW) };

// Each phone's ledger, oldest first: [source, granted, days ago].
const LEDGERS: Record<string, [ConsentSource, boolean, number][]> = {
  "+13125550101": [["signup_form", true, 2]],
  "+13125550102": [["keyword", true, 5]],
  // Subscribed before the period: a second checkout is not a new subscriber.
  "+13125550103": [["checkout", true, 40], ["checkout", true, 3]],
  // Counted once, under its first grant.
  "+13125550104": [["csv_import", true, 10], ["shopify_import", true, 9]],
  "+13125550105": [["api", true, 1]],
  "+13125550106": [["shopify_import", true, 3]],
  "+13125550107": [["admin", true, 2]],
  // Came back after a STOP: not new.
  "+13125550108": [["keyword", true, 50], ["keyword", false, 20], ["keyword", true, 2]],
  // Outside the period.
  "+13125550109": [["signup_form", true, 31]],
};

let shopId: string;
beforeAll(async () => {
  shopId = (await createShop(ctx)).id;
  for (const [phone, events] of Object.entries(LEDGERS)) {
    for (const [source, granted, daysAgo] of events) {
      await recordConsentEvent({ ...ctx, clock: new VirtualClock(ago(daysAgo)) }, { shopId, phone, scope: "marketing", granted, source, text: "seed" });
    }
  }
});

describe("new subscribers by source", () => {
  it("counts each phone whose first marketing consent is in the period once, under that consent's source", async () => {
    expect(await signUpsBySource(ctx, shopId, ago(30))).toEqual({
      form: 1,
      keyword: 1,
      checkout: 0,
      import: { csv: 1, shopify: 1, api: 1 },
      other: 1,
      total: 6,
    });
  });

  it("a shorter period leaves out the older sign-ups", async () => {
    expect(await signUpsBySource(ctx, shopId, ago(2.5))).toMatchObject({ form: 1, keyword: 0, import: { csv: 0, shopify: 0, api: 1 }, other: 1, total: 3 });
  });
});

describe("a shop with more new subscribers than SQLite binds in one statement", () => {
  it("counts every one", async () => {
    const big = await createShop(ctx);
    const contacts = await db.contact.createManyAndReturn({
      data: Array.from({ length: 1_200 }, (_, i) => ({ shopId: big.id, phone: `+1312556${String(i).padStart(4, "0")}` })),
      select: { id: true, phone: true },
    });
    await db.consentEvent.createMany({
      data: contacts.map((c) => ({ shopId: big.id, contactId: c.id, phone: c.phone, scope: "marketing", granted: true, source: "keyword", text: "JOIN", occurredAt: ago(1) })),
    });
    expect(await signUpsBySource(ctx, big.id, ago(30))).toMatchObject({ keyword: 1_200, total: 1_200 });
  });
});
