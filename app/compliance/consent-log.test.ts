import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { CONSENT_LOG_PAGE_SIZE, consentLogBatches, consentLogFiltersFrom, consentLogPage, type ConsentLogFilters } from "./consent-log.server";

const { db } = useTestDatabase();
const ctx: AppContext = { db, clock: new VirtualClock(new Date("2026-05-01T12:00:00Z")) };
const EVENTS = 2 * CONSENT_LOG_PAGE_SIZE + 20;
const START = Date.parse("2026-04-01T00:00:00Z");
// Event i: phone +1312555 then i in 4 digits, one minute after event i-1; every third is a
// revocation by keyword, the others grants at checkout. Two share a minute, to test ties.
const eventAt = (i: number) => new Date(START + Math.min(i, EVENTS - 2) * 60_000);
const NO_FILTERS: ConsentLogFilters = { source: null, status: null, phoneDigits: null };
let shopId: string;
let otherShopId: string;

async function seed(forShop: string) {
  await db.consentEvent.createMany({
    data: Array.from({ length: EVENTS }, (_, i) => ({
      shopId: forShop,
      phone: `+1312555${String(i).padStart(4, "0")}`,
      scope: "marketing",
      granted: i % 3 !== 0,
      source: i % 3 === 0 ? "keyword" : "checkout",
      text: i % 3 === 0 ? "STOP" : "Text me offers",
      occurredAt: eventAt(i),
    })),
  });
}

beforeAll(async () => {
  shopId = (await createShop(ctx)).id;
  otherShopId = (await createShop(ctx)).id;
  await seed(otherShopId);
  await seed(shopId);
});

async function allPagesForward(filters: ConsentLogFilters) {
  const pages = [await consentLogPage(ctx, shopId, filters)];
  while (pages.at(-1)!.nextCursor) pages.push(await consentLogPage(ctx, shopId, filters, { after: pages.at(-1)!.nextCursor }));
  return pages;
}

describe("the consent log", () => {
  it("pages through a shop's events newest first, 50 at a time, each once", async () => {
    const pages = await allPagesForward(NO_FILTERS);
    expect(pages.map((page) => page.rows.length)).toEqual([CONSENT_LOG_PAGE_SIZE, CONSENT_LOG_PAGE_SIZE, EVENTS - 2 * CONSENT_LOG_PAGE_SIZE]);
    const rows = pages.flatMap((page) => page.rows);
    expect(new Set(rows.map((row) => row.id)).size).toBe(EVENTS);
    const times = rows.map((row) => row.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(pages[0].previousCursor).toBeNull();
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it("goes back to the same rows it came from", async () => {
    const [first, second] = await allPagesForward(NO_FILTERS);
    const back = await consentLogPage(ctx, shopId, NO_FILTERS, { before: second.previousCursor });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.previousCursor).toBeNull();
    expect(back.nextCursor).toBe(first.nextCursor);
  });

  it("filters by source, status and part of a phone number", async () => {
    const revoked = (await allPagesForward(consentLogFiltersFrom(new URLSearchParams("status=revoked")))).flatMap((p) => p.rows);
    expect(revoked).toHaveLength(Math.ceil(EVENTS / 3));
    expect(revoked.every((row) => !row.granted && row.source === "keyword")).toBe(true);
    const fromCheckout = await consentLogPage(ctx, shopId, consentLogFiltersFrom(new URLSearchParams("source=checkout&status=revoked")));
    expect(fromCheckout.rows).toEqual([]);
    const byPhone = await consentLogPage(ctx, shopId, consentLogFiltersFrom(new URLSearchParams({ phone: "(312) 555-0042" })));
    expect(byPhone.rows.map((row) => row.phone)).toEqual(["+13125550042"]);
  });

  it("ignores a cursor from another shop and unknown filter values", async () => {
    const foreign = await db.consentEvent.findFirstOrThrow({ where: { shopId: otherShopId } });
    const page = await consentLogPage(ctx, shopId, NO_FILTERS, { after: foreign.id });
    expect(page.rows[0]).toEqual((await consentLogPage(ctx, shopId, NO_FILTERS)).rows[0]);
    expect(consentLogFiltersFrom(new URLSearchParams("source=fax&status=maybe"))).toEqual(NO_FILTERS);
  });

  it("exports every matching row of the shop, in order, batch after batch", async () => {
    const batches = [];
    for await (const batch of consentLogBatches(ctx, shopId, NO_FILTERS, 7)) batches.push(...batch);
    const paged = (await allPagesForward(NO_FILTERS)).flatMap((p) => p.rows);
    expect(batches.map((row) => row.id)).toEqual(paged.map((row) => row.id));
  });
});
