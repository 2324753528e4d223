// The lifecycle flows' stats (flow-stats-definitions.ts says what each figure means): counted
// per enrollment, held-out shoppers the same way as the rest, so the difference in revenue per
// shopper is what the flow added (the campaign experiments' arithmetic, campaign-stats.ts).
import type { AppContext } from "~/context.server";
import { incrementalRevenue, type Interval, type RevenueSums } from "~/marketing/campaign-stats";
import { LIFECYCLE_FLOWS, type LifecycleFlow } from "./enrollments.server";
import { FLOW_ORDER_WINDOW_DAYS, FLOW_STATS_PERIOD_DAYS } from "./flow-stats-definitions";

const DAY_MS = 86_400_000;
// SQLite binds at most 999 values in one statement.
const CONTACTS_PER_QUERY = 500;
const DELIVERED_OR_SENT = ["sent", "delivered"];

export interface FlowStats {
  entered: number;
  heldOut: number;
  sent: number;
  replies: number;
  orders: number;
  revenue: number;
  optOutRate: number | null;
  spend: number;
  incrementalRevenue: { estimate: number; interval: Interval | null } | null;
}

interface Entry {
  flow: string;
  contactId: string;
  startedAt: Date;
  heldOut: boolean;
}

export async function lifecycleFlowStats(ctx: AppContext, shopId: string): Promise<Record<LifecycleFlow, FlowStats>> {
  const stats = await statsOf(ctx, shopId, LIFECYCLE_FLOWS);
  return Object.fromEntries(LIFECYCLE_FLOWS.map((flow) => [flow, stats.get(flow)!])) as Record<LifecycleFlow, FlowStats>;
}

/** One flow's stats, reading only its own enrollments and texts. */
export async function flowStats(ctx: AppContext, shopId: string, flow: LifecycleFlow): Promise<FlowStats> {
  return (await statsOf(ctx, shopId, [flow])).get(flow)!;
}

async function statsOf(ctx: AppContext, shopId: string, flows: readonly LifecycleFlow[]): Promise<Map<LifecycleFlow, FlowStats>> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - FLOW_STATS_PERIOD_DAYS * DAY_MS);
  const entries: Entry[] = await ctx.db.flowEnrollment.findMany({
    where: { shopId, flow: { in: [...flows] }, startedAt: { gte: since } },
    select: { flow: true, contactId: true, startedAt: true, heldOut: true },
  });
  const facts = await contactFacts(ctx, shopId, entries, since);
  const texts = await ctx.db.message.groupBy({
    by: ["flow"],
    where: { shopId, direction: "outbound", flow: { in: [...flows] }, occurredAt: { gte: since }, status: { in: DELIVERED_OR_SENT } },
    _count: { _all: true },
  });
  const costs = await ctx.db.message.groupBy({
    by: ["flow"],
    where: { shopId, direction: "outbound", flow: { in: [...flows] }, occurredAt: { gte: since } },
    _sum: { cost: true },
  });
  const stats = new Map<LifecycleFlow, FlowStats>();
  for (const flow of flows) {
    const ofFlow = entries.filter((entry) => entry.flow === flow);
    const treated = summarise(ofFlow.filter((entry) => !entry.heldOut), facts);
    const holdout = summarise(ofFlow.filter((entry) => entry.heldOut), facts);
    stats.set(flow, {
      entered: treated.revenue.recipients,
      heldOut: holdout.revenue.recipients,
      sent: texts.find((row) => row.flow === flow)?._count._all ?? 0,
      replies: treated.replies,
      orders: treated.orders,
      revenue: treated.revenue.sum,
      optOutRate: treated.revenue.recipients > 0 ? treated.optOuts / treated.revenue.recipients : null,
      spend: Number(costs.find((row) => row.flow === flow)?._sum.cost ?? 0),
      incrementalRevenue: incrementalRevenue(treated.revenue, holdout.revenue),
    });
  }
  return stats;
}

interface ContactFacts {
  orders: Map<string, { at: number; total: number }[]>;
  replies: Map<string, number[]>;
  optOuts: Map<string, number[]>;
}

// The orders, inbound texts and opt-outs of the enrolled contacts since the period began.
async function contactFacts(ctx: AppContext, shopId: string, entries: Entry[], since: Date): Promise<ContactFacts> {
  const facts: ContactFacts = { orders: new Map(), replies: new Map(), optOuts: new Map() };
  const push = <T>(map: Map<string, T[]>, key: string | null, value: T) => key && (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const contactIds = [...new Set(entries.map((entry) => entry.contactId))];
  for (let i = 0; i < contactIds.length; i += CONTACTS_PER_QUERY) {
    const contactId = { in: contactIds.slice(i, i + CONTACTS_PER_QUERY) };
    const [orders, replies, optOuts] = await Promise.all([
      ctx.db.order.findMany({ where: { shopId, contactId, placedAt: { gte: since } }, select: { contactId: true, placedAt: true, totalPrice: true } }),
      ctx.db.message.findMany({ where: { shopId, contactId, direction: "inbound", occurredAt: { gte: since } }, select: { contactId: true, occurredAt: true } }),
      ctx.db.consentEvent.findMany({
        where: { shopId, contactId, granted: false, source: { in: ["keyword", "carrier"] }, occurredAt: { gte: since } },
        select: { contactId: true, occurredAt: true },
      }),
    ]);
    for (const order of orders) push(facts.orders, order.contactId, { at: order.placedAt.getTime(), total: Number(order.totalPrice) });
    for (const reply of replies) push(facts.replies, reply.contactId, reply.occurredAt.getTime());
    for (const optOut of optOuts) push(facts.optOuts, optOut.contactId, optOut.occurredAt.getTime());
  }
  return facts;
}

function summarise(entries: Entry[], facts: ContactFacts) {
  const revenue: RevenueSums = { recipients: entries.length, sum: 0, sumOfSquares: 0 };
  let orders = 0;
  let replies = 0;
  let optOuts = 0;
  for (const entry of entries) {
    const from = entry.startedAt.getTime();
    const inWindow = (at: number) => at >= from && at < from + FLOW_ORDER_WINDOW_DAYS * DAY_MS;
    const placed = (facts.orders.get(entry.contactId) ?? []).filter((order) => inWindow(order.at));
    const spent = placed.reduce((sum, order) => sum + order.total, 0);
    orders += placed.length;
    revenue.sum += spent;
    revenue.sumOfSquares += spent * spent;
    if ((facts.replies.get(entry.contactId) ?? []).some(inWindow)) replies++;
    if ((facts.optOuts.get(entry.contactId) ?? []).some(inWindow)) optOuts++;
  }
  return { revenue, orders, replies, optOuts };
}
