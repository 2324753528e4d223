import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { capReachedAmong, capWindowMs, DAY_MS, recentMarketingSends } from "./frequency-caps.server";

const { db } = useTestDatabase();
const domain = `caps-${process.pid}.myshopify.com`;
const AT = new Date("2026-03-10T15:00:00.000Z");
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(AT.getTime() - ms);
let shopId: string;
let contactId: string;
let otherContactId: string;
let ctx: AppContext;

beforeAll(async () => {
  await db.shop.deleteMany({ where: { domain } });
  shopId = (await db.shop.create({ data: { domain, name: "Caps shop" } })).id;
  contactId = (await db.contact.create({ data: { shopId, phone: "+13125550160" } })).id;
  otherContactId = (await db.contact.create({ data: { shopId, phone: "+13125550161" } })).id;
});
afterAll(() => db.shop.deleteMany({ where: { domain } }));
beforeEach(async () => {
  await db.message.deleteMany({ where: { shopId } });
  ctx = { db, clock: new VirtualClock(AT) };
});

interface Text {
  /** When it was handed to Telnyx. */
  occurredAt: Date;
  /** When it was asked for; defaults to occurredAt. */
  requestedAt?: Date;
  purpose?: string;
  status?: string;
  direction?: string;
  contact?: string;
}
const texts = (...rows: Text[]) =>
  db.message.createMany({
    data: rows.map((row) => ({
      shopId,
      contactId: row.contact ?? contactId,
      direction: row.direction ?? "outbound",
      purpose: row.purpose ?? "marketing",
      status: row.status ?? "delivered",
      body: "Your cart misses you",
      fromNumber: "+13125550100",
      toNumber: "+13125550160",
      occurredAt: row.requestedAt ?? row.occurredAt,
      sendAttemptedAt: ["queued", "held", "refused", "cancelled"].includes(row.status ?? "") ? null : row.occurredAt,
    })),
  });
// As the sender gate checks one contact: its handed-over marketing texts, then the caps' verdict.
async function check(capPerDay: number | null, capPerWeek: number | null, at = AT) {
  const caps = { capPerDay, capPerWeek, at };
  const sends = await recentMarketingSends(ctx.db, [contactId], { at, windowMs: capWindowMs(caps) });
  return capReachedAmong(sends.get(contactId) ?? [], caps);
}

describe("marketing frequency caps", () => {
  it("allows the first marketing text", async () => {
    expect(await check(1, 3)).toBeNull();
  });

  it("holds a second marketing text within 24 hours until the first leaves the window", async () => {
    await texts({ occurredAt: ago(2 * HOUR) });
    expect(await check(1, 3)).toEqual({ cap: "day", until: new Date(AT.getTime() + 22 * HOUR) });
    expect(await check(2, 3)).toBeNull();
  });

  it("counts a text by when it left, not by when it was asked for", async () => {
    await texts({ occurredAt: ago(HOUR), requestedAt: ago(30 * HOUR) });
    expect(await check(1, null)).toEqual({ cap: "day", until: new Date(AT.getTime() + 23 * HOUR) });
  });

  it("counts only outbound marketing texts to this contact that were handed to Telnyx", async () => {
    await texts(
      { occurredAt: ago(HOUR), status: "queued" },
      { occurredAt: ago(HOUR), purpose: "transactional" },
      { occurredAt: ago(HOUR), purpose: "compliance" },
      { occurredAt: ago(HOUR), direction: "inbound" },
      { occurredAt: ago(HOUR), status: "refused" },
      { occurredAt: ago(HOUR), status: "held" },
      { occurredAt: ago(HOUR), status: "cancelled" },
      { occurredAt: ago(HOUR), contact: otherContactId },
    );
    expect(await check(1, 1)).toBeNull();
    await texts({ occurredAt: ago(HOUR), status: "failed" });
    expect(await check(1, 1)).not.toBeNull();
  });

  it("uses rolling windows: exactly 24 hours ago has left, this very instant counts", async () => {
    await texts({ occurredAt: ago(DAY_MS) });
    expect(await check(1, null)).toBeNull();
    await texts({ occurredAt: AT });
    expect(await check(1, null)).toEqual({ cap: "day", until: new Date(AT.getTime() + DAY_MS) });
  });

  it("holds the fourth text in a week until the oldest is seven days old", async () => {
    await texts({ occurredAt: ago(6 * DAY_MS) }, { occurredAt: ago(4 * DAY_MS) }, { occurredAt: ago(2 * DAY_MS) });
    expect(await check(1, 3)).toEqual({ cap: "week", until: new Date(AT.getTime() + DAY_MS) });
  });

  it("answers the later of the two when both caps are full", async () => {
    await texts({ occurredAt: ago(6 * DAY_MS) }, { occurredAt: ago(3 * DAY_MS) }, { occurredAt: ago(HOUR) });
    expect(await check(1, 3)).toEqual({ cap: "week", until: new Date(AT.getTime() + DAY_MS) });
    expect(await check(1, 5)).toEqual({ cap: "day", until: new Date(AT.getTime() + 23 * HOUR) });
  });

  it("after a cap is lowered, waits for enough texts to leave, not just the oldest", async () => {
    await texts({ occurredAt: ago(5 * HOUR) }, { occurredAt: ago(2 * HOUR) });
    expect(await check(1, null)).toEqual({ cap: "day", until: new Date(AT.getTime() + 22 * HOUR) });
  });

  it("has no cap when both are null and refuses caps that are not whole numbers ≥ 1", async () => {
    await texts({ occurredAt: ago(HOUR) });
    expect(await check(null, null)).toBeNull();
    await expect(check(0, 3)).rejects.toThrow(RangeError);
    await expect(check(1, 2.5)).rejects.toThrow(RangeError);
  });

  it("frees exactly at `until`: one millisecond earlier is still capped", async () => {
    const history = fc.array(fc.integer({ min: 0, max: 8 * 24 * 60 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), async (minutesAgo, perDay, perWeek) => {
        await db.message.deleteMany({ where: { shopId } });
        await texts(...minutesAgo.map((m) => ({ occurredAt: ago(m * 60_000) })));
        const reached = await check(perDay, perWeek);
        if (reached === null) return;
        expect(reached.until.getTime()).toBeGreaterThan(AT.getTime());
        expect(await check(perDay, perWeek, reached.until)).toBeNull();
        expect(await check(perDay, perWeek, new Date(reached.until.getTime() - 1))).not.toBeNull();
      }),
      { numRuns: 30 },
    );
  });
});
