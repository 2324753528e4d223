import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { dashboardFigures } from "./dashboard.server";
import { periodDaysFrom, REPLY_WINDOW_DAYS } from "./dashboard-definitions";
import { sumDecimals } from "./decimal-sum";

const { db } = useTestDatabase();
const NOW = new Date("2026-06-15T17:00:00.000Z");
const PERIOD_DAYS = 30;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ago = (days: number, minutes = 0) => new Date(NOW.getTime() - days * DAY + minutes * MINUTE);
const ctx: AppContext = { db, clock: new VirtualClock(NOW) };
const inPeriod = (daysAgo: number | null) => daysAgo !== null && daysAgo <= PERIOD_DAYS;

// The seed, as plain definitions: the expected figures below are worked out from these.
const ORDERS = [
  { total: "120.50", recoveredDaysAgo: 2 },
  { total: "79.99", recoveredDaysAgo: 10 },
  { total: "0.01", recoveredDaysAgo: 29 },
  { total: "45.00", recoveredDaysAgo: 40 },
  { total: "300.00", recoveredDaysAgo: null },
];
const CHECKOUTS = [
  { abandonedDaysAgo: 1, recovered: true },
  { abandonedDaysAgo: 5, recovered: false },
  { abandonedDaysAgo: 12, recovered: true },
  { abandonedDaysAgo: 20, recovered: false },
  { abandonedDaysAgo: 45, recovered: true },
  { abandonedDaysAgo: null, recovered: false },
];
const CONTACTS = ["+13125550001", "+13125550002", "+13125550003", "+13125550004", "+13125550005"] as const;
type Phone = (typeof CONTACTS)[number];
interface SeedText {
  phone: Phone;
  direction: "outbound" | "inbound";
  at: Date;
  body?: string;
  purpose?: string;
  status?: string;
  cost?: string;
  sentBy?: string;
}
const [c1, c2, c3, c4, c5] = CONTACTS;
const TEXTS: SeedText[] = [
  { phone: c1, direction: "outbound", at: ago(3), purpose: "marketing", status: "delivered", cost: "0.008" },
  { phone: c1, direction: "inbound", at: ago(3, 120), body: "Is it still in stock?" },
  { phone: c1, direction: "outbound", at: ago(3, 121), purpose: "conversational", status: "sent", cost: "0.004" },
  { phone: c1, direction: "outbound", at: ago(3, 165), purpose: "conversational", status: "delivered", cost: "0.004", sentBy: "staff-1" },
  { phone: c1, direction: "inbound", at: ago(3, 240), body: "And in blue?" },
  { phone: c1, direction: "outbound", at: ago(3, 255), purpose: "conversational", status: "delivered", cost: "0.004", sentBy: "staff-2" },
  { phone: c2, direction: "outbound", at: ago(4), purpose: "marketing", status: "sent", cost: "0.004" },
  { phone: c2, direction: "inbound", at: ago(4, 60), body: "STOP" },
  { phone: c3, direction: "inbound", at: ago(6, -60), body: "Hi" },
  { phone: c3, direction: "outbound", at: ago(6), purpose: "transactional", status: "delivered", cost: "0.012" },
  { phone: c3, direction: "inbound", at: ago(6 - REPLY_WINDOW_DAYS - 1), body: "Hello?" },
  { phone: c3, direction: "outbound", at: ago(1), purpose: "marketing", status: "queued", cost: "0.004" },
  { phone: c4, direction: "outbound", at: ago(5), purpose: "marketing", status: "failed", cost: "0.004" },
  { phone: c4, direction: "inbound", at: ago(2, -30), body: "Where is my order?" },
  { phone: c4, direction: "inbound", at: ago(2, -10), body: "Hello??" },
  { phone: c4, direction: "outbound", at: ago(2), purpose: "conversational", status: "delivered", cost: "0.004", sentBy: "staff-1" },
  { phone: c5, direction: "inbound", at: ago(50), body: "Question" },
  { phone: c5, direction: "outbound", at: ago(50, 10), purpose: "conversational", status: "delivered", cost: "0.004", sentBy: "staff-1" },
  { phone: c5, direction: "outbound", at: ago(35), purpose: "marketing", status: "delivered", cost: "0.004" },
  { phone: c5, direction: "outbound", at: ago(1), purpose: "compliance", status: "sent", cost: "0.004" },
];
const CONSENT = [
  { phone: c2, scope: "marketing", granted: false, daysAgo: 4 },
  { phone: c2, scope: "transactional", granted: false, daysAgo: 4 },
  { phone: c3, scope: "marketing", granted: false, daysAgo: 8 },
  { phone: c4, scope: "marketing", granted: true, daysAgo: 8 },
  { phone: c5, scope: "marketing", granted: false, daysAgo: 40 },
];
// Worked out by hand from TEXTS: c1 and c4 asked, staff answered.
const STAFF_FIRST_RESPONSES_MS = [
  (165 - 120) * MINUTE, // c1: the automated answer at +121 does not end the wait
  (255 - 240) * MINUTE,
  30 * MINUTE, // c4: the wait starts at the first of two texts
]; // c5's was answered 50 days ago, outside the period

async function seed(shopId: string) {
  const contacts = new Map<string, { contactId: string; conversationId: string }>();
  for (const phone of CONTACTS) {
    const contact = await db.contact.create({ data: { shopId, phone } });
    const conversation = await db.conversation.create({ data: { shopId, contactId: contact.id, lastMessageAt: NOW } });
    contacts.set(phone, { contactId: contact.id, conversationId: conversation.id });
  }
  for (const [index, order] of ORDERS.entries()) {
    await db.order.create({
      data: {
        shopId,
        shopifyOrderId: `order-${index}`,
        name: `#${1000 + index}`,
        totalPrice: order.total,
        currency: "EUR",
        placedAt: ago(order.recoveredDaysAgo ?? 3),
        recoveredAt: order.recoveredDaysAgo === null ? null : ago(order.recoveredDaysAgo),
        attributionRule: order.recoveredDaysAgo === null ? null : "texted",
      },
    });
  }
  for (const [index, checkout] of CHECKOUTS.entries()) {
    await db.checkout.create({
      data: {
        shopId,
        token: `checkout-${index}`,
        shopifyUpdatedAt: ago(60),
        abandonedAt: checkout.abandonedDaysAgo === null ? null : ago(checkout.abandonedDaysAgo),
        recoveredOrderId: checkout.recovered ? `order-${index}` : null,
      },
    });
  }
  for (const text of TEXTS) {
    const { contactId, conversationId } = contacts.get(text.phone)!;
    const outbound = text.direction === "outbound";
    const handedOver = outbound && text.status !== "queued";
    await db.message.create({
      data: {
        shopId,
        contactId,
        conversationId,
        direction: text.direction,
        purpose: text.purpose,
        body: text.body ?? "Your cart misses you",
        fromNumber: outbound ? "+13125550100" : text.phone,
        toNumber: outbound ? text.phone : "+13125550100",
        status: text.status ?? "received",
        cost: text.cost,
        sentBy: text.sentBy,
        occurredAt: text.at,
        sendAttemptedAt: handedOver ? text.at : null,
      },
    });
  }
  for (const event of CONSENT) {
    await db.consentEvent.create({
      data: { shopId, phone: event.phone, scope: event.scope, granted: event.granted, source: "keyword", text: "STOP", occurredAt: ago(event.daysAgo) },
    });
  }
}

let shop: Awaited<ReturnType<typeof createShop>>;
beforeAll(async () => {
  shop = await createShop(ctx, { currency: "EUR" });
  // Another shop with the same rows: none of them may count for the first.
  await seed((await createShop(ctx)).id);
  await seed(shop.id);
});

describe("dashboard figures", () => {
  it("counts recovered revenue and orders from orders recovered in the period", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    const recovered = ORDERS.filter((order) => inPeriod(order.recoveredDaysAgo));
    expect(figures.recoveredRevenue).toBe(sumDecimals(recovered.map((order) => order.total)));
    expect(figures.ordersRecovered).toBe(recovered.length);
    expect(figures.currency).toBe("EUR");
  });

  it("computes the recovery rate over the checkouts abandoned in the period", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    const abandoned = CHECKOUTS.filter((checkout) => inPeriod(checkout.abandonedDaysAgo));
    const recovered = abandoned.filter((checkout) => checkout.recovered);
    expect(figures).toMatchObject({ checkoutsAbandoned: abandoned.length, abandonedCheckoutsRecovered: recovered.length });
    expect(figures.recoveryRate).toBeCloseTo(recovered.length / abandoned.length);
  });

  it("counts texts handed to Telnyx in the period, their cost, and the return on it", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    const sent = TEXTS.filter((t) => t.direction === "outbound" && ["sending", "sent", "delivered"].includes(t.status!) && t.at >= ago(PERIOD_DAYS));
    const spend = sumDecimals(sent.map((t) => t.cost!));
    expect(figures.textsSent).toBe(sent.length);
    expect(figures.spend).toBe(spend);
    expect(figures.roi).toBeCloseTo((Number(figures.recoveredRevenue) - Number(spend)) / Number(spend));
  });

  it("computes the reply and opt-out rates over the contacts the app texted", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    // Automated marketing or order texts that left in the period: c1, c2 and c3 (c4's failed,
    // c5's marketing text is too old and its compliance answer does not count).
    const texted = [c1, c2, c3];
    // c1 asked a question; c2's STOP is an opt-out; c3 wrote before the text and then too late.
    const replied = [c1];
    const optedOut = new Set(CONSENT.filter((e) => !e.granted && inPeriod(e.daysAgo)).map((e) => e.phone));
    expect(figures).toMatchObject({ contactsTexted: texted.length, contactsReplied: replied.length, contactsOptedOut: optedOut.size });
    expect(figures.replyRate).toBeCloseTo(replied.length / texted.length);
    expect(figures.optOutRate).toBeCloseTo(optedOut.size / texted.length);
  });

  it("takes the median of the staff's first responses answered in the period", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    const sorted = [...STAFF_FIRST_RESPONSES_MS].sort((a, b) => a - b);
    expect(figures.staffFirstResponses).toBe(sorted.length);
    expect(figures.medianFirstResponseMs).toBe(sorted[1]);
  });

  it("adds up to the same totals day by day, on the shop's calendar", async () => {
    const figures = await dashboardFigures(ctx, shop, PERIOD_DAYS);
    // A rolling 30 days touches 31 dates.
    expect(figures.daily).toHaveLength(PERIOD_DAYS + 1);
    expect(sumDecimals(figures.daily.map((d) => String(d.recoveredRevenue)))).toBe(figures.recoveredRevenue);
    expect(figures.daily.reduce((sum, d) => sum + d.textsSent, 0)).toBe(figures.textsSent);
    // 17:00 UTC is noon in Chicago, the factory shop's zone: the order of 2 days ago is on that date.
    expect(figures.daily.find((d) => d.day === "2026-06-13")?.recoveredRevenue).toBe(Number(ORDERS[0].total));
  });

  it("a shorter period leaves out what happened before it", async () => {
    const figures = await dashboardFigures(ctx, shop, 7);
    const recovered = ORDERS.filter((order) => order.recoveredDaysAgo !== null && order.recoveredDaysAgo <= 7);
    expect(figures.recoveredRevenue).toBe(sumDecimals(recovered.map((order) => order.total)));
    expect(figures.checkoutsAbandoned).toBe(CHECKOUTS.filter((c) => c.abandonedDaysAgo !== null && c.abandonedDaysAgo <= 7).length);
  });

  it("a shop with nothing yet has zeros and no rates, and the attribution windows it set", async () => {
    const empty = await createShop(ctx, {
      settings: JSON.stringify({ cartRecovery: { attribution: { clickWindowDays: 3, textWindowHours: 12 } } }),
    });
    const figures = await dashboardFigures(ctx, empty, PERIOD_DAYS);
    expect(figures).toMatchObject({
      recoveredRevenue: "0",
      ordersRecovered: 0,
      recoveryRate: null,
      textsSent: 0,
      spend: "0",
      roi: null,
      replyRate: null,
      optOutRate: null,
      medianFirstResponseMs: null,
      attribution: { clickWindowDays: 3, textWindowHours: 12 },
    });
  });

  it("reads the period from the page's search parameter, 30 days unless it is one of the choices", () => {
    expect([periodDaysFrom("7"), periodDaysFrom("90"), periodDaysFrom("365"), periodDaysFrom(null)]).toEqual([7, 90, 30, 30]);
  });
});
