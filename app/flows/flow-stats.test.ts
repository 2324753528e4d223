// The lifecycle flows' stats and holdout, from enrollments, orders, replies and opt-outs stored
// as the flows and webhooks store them. Expected figures are worked out from the seed below.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { incrementalRevenue } from "~/marketing/campaign-stats";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { enroll, isHeldOut } from "./enrollments.server";
import { lifecycleFlowStats } from "./flow-stats.server";
import { FLOW_ORDER_WINDOW_DAYS } from "./flow-stats-definitions";

const { db } = useTestDatabase();
const NOW = new Date("2026-06-15T17:00:00.000Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const ctx: AppContext = { db, clock: new VirtualClock(NOW) };

// Each shopper entered win-back `enteredDaysAgo` days ago; orders are days after entering.
const SHOPPERS = [
  { heldOut: false, enteredDaysAgo: 20, orders: [{ afterDays: 1, total: 80 }, { afterDays: FLOW_ORDER_WINDOW_DAYS + 1, total: 500 }], replied: true, optedOut: false },
  { heldOut: false, enteredDaysAgo: 20, orders: [{ afterDays: 2, total: 40 }], replied: false, optedOut: false },
  { heldOut: false, enteredDaysAgo: 10, orders: [], replied: true, optedOut: true },
  { heldOut: false, enteredDaysAgo: 5, orders: [], replied: false, optedOut: false },
  { heldOut: true, enteredDaysAgo: 20, orders: [{ afterDays: 3, total: 20 }], replied: false, optedOut: false },
  { heldOut: true, enteredDaysAgo: 15, orders: [], replied: false, optedOut: false },
];
const inWindow = (afterDays: number) => afterDays < FLOW_ORDER_WINDOW_DAYS;
const revenueOf = (shopper: (typeof SHOPPERS)[number]) => shopper.orders.filter((o) => inWindow(o.afterDays)).reduce((sum, o) => sum + o.total, 0);
const sums = (list: typeof SHOPPERS) => ({
  recipients: list.length,
  sum: list.reduce((s, x) => s + revenueOf(x), 0),
  sumOfSquares: list.reduce((s, x) => s + revenueOf(x) ** 2, 0),
});

let shopId: string;

beforeAll(async () => {
  const shop = await createShop(ctx);
  shopId = shop.id;
  for (const [i, shopper] of SHOPPERS.entries()) {
    const phone = `+1312555${String(7000 + i)}`;
    const contact = await db.contact.create({ data: { shopId, phone, marketingConsent: true, transactionalConsent: true } });
    const entered = ago(shopper.enteredDaysAgo);
    await db.flowEnrollment.create({
      data: { shopId, contactId: contact.id, flow: "win_back", triggerKey: `seed-${i}`, heldOut: shopper.heldOut, status: shopper.heldOut ? "held_out" : "finished", startedAt: entered },
    });
    for (const order of shopper.orders) {
      await db.order.create({
        data: { shopId, contactId: contact.id, shopifyOrderId: randomUUID(), name: `#${i}`, totalPrice: order.total, currency: "USD", placedAt: new Date(entered.getTime() + order.afterDays * DAY) },
      });
    }
    const conversation = await db.conversation.create({ data: { shopId, contactId: contact.id, state: "open", lastMessageAt: entered } });
    const message = (direction: string, at: Date) => ({
      shopId, contactId: contact.id, conversationId: conversation.id, direction, body: "hi", fromNumber: "+13125550100", toNumber: phone, occurredAt: at,
    });
    if (!shopper.heldOut) await db.message.create({ data: { ...message("outbound", entered), status: "delivered", flow: "win_back", cost: 0.0079 } });
    if (shopper.replied) await db.message.create({ data: { ...message("inbound", new Date(entered.getTime() + DAY)), status: "received" } });
    if (shopper.optedOut) {
      await db.consentEvent.create({ data: { shopId, contactId: contact.id, phone, scope: "marketing", granted: false, source: "keyword", text: "STOP", occurredAt: new Date(entered.getTime() + DAY) } });
    }
  }
});

describe("lifecycle flow stats", () => {
  it("counts each figure per enrollment, within the order window, and sets the treated against the holdout", async () => {
    const stats = (await lifecycleFlowStats(ctx, shopId)).win_back;
    const treated = SHOPPERS.filter((s) => !s.heldOut);
    const holdout = SHOPPERS.filter((s) => s.heldOut);
    expect(stats).toMatchObject({
      entered: treated.length,
      heldOut: holdout.length,
      sent: treated.length,
      replies: treated.filter((s) => s.replied).length,
      orders: treated.flatMap((s) => s.orders).filter((o) => inWindow(o.afterDays)).length,
      revenue: sums(treated).sum,
      optOutRate: treated.filter((s) => s.optedOut).length / treated.length,
    });
    expect(stats.spend).toBeCloseTo(treated.length * 0.0079, 6);
    expect(stats.incrementalRevenue).toEqual(incrementalRevenue(sums(treated), sums(holdout)));
    expect(stats.incrementalRevenue!.estimate).toBeCloseTo((sums(treated).sum / treated.length - sums(holdout).sum / holdout.length) * treated.length, 6);
  });

  it("shows no incremental revenue for a flow with no holdout", async () => {
    expect((await lifecycleFlowStats(ctx, shopId)).welcome.incrementalRevenue).toBeNull();
  });
});

describe("holdout", () => {
  it("holds out about the share asked for, the same contacts every time", () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `contact-${i}`);
    const held = ids.filter((contactId) => isHeldOut({ flow: "welcome", contactId, triggerKey: "t", holdoutPercent: 10 }));
    // 10 % of 4,000 is 400, with a standard deviation of about 19.
    expect(held.length).toBeGreaterThan(400 - 4 * 19);
    expect(held.length).toBeLessThan(400 + 4 * 19);
    expect(ids.filter((contactId) => isHeldOut({ flow: "welcome", contactId, triggerKey: "t", holdoutPercent: 10 }))).toEqual(held);
    expect(ids.some((contactId) => isHeldOut({ flow: "welcome", contactId, triggerKey: "t", holdoutPercent: 0 }))).toBe(false);
  });

  it("enrolls once per trigger, and records a held-out shopper without a running step", async () => {
    const contact = await db.contact.create({ data: { shopId, phone: "+13125558000", marketingConsent: true } });
    const contactId = contact.id;
    const heldKey = Array.from({ length: 200 }, (_, i) => `k${i}`).find((triggerKey) => isHeldOut({ flow: "cross_sell", contactId, triggerKey, holdoutPercent: 50 }))!;
    const first = await enroll(ctx, { shopId, contactId, flow: "cross_sell", triggerKey: heldKey, holdoutPercent: 50 });
    const again = await enroll(ctx, { shopId, contactId, flow: "cross_sell", triggerKey: heldKey, holdoutPercent: 50 });
    expect(first).toMatchObject({ created: true, enrollment: { heldOut: true, status: "held_out" } });
    expect(again).toMatchObject({ created: false, enrollment: { id: first.enrollment.id } });
  });
});
