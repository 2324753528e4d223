// The dashboard's figures for one shop and one period, each computed from stored rows. What
// each figure means, and why, is in docs/decisions/010-dashboard-figures.md.
import type { AppContext } from "~/context.server";
import { classifyInboundText } from "~/compliance/keywords";
import { cartRecoverySettingsOf } from "~/flows/cart-recovery/settings";
import { sumDecimals } from "./decimal-sum";
import { dayKeysBetween, dayKeyIn } from "./shop-days";
import { REPLY_WINDOW_DAYS } from "./dashboard-definitions";
import { signUpsBySource, type SignUpsBySource } from "./sign-ups-by-source.server";

/** Handed to Telnyx and not failed: the statuses that cost money. */
export const SENT_STATUSES = ["sending", "sent", "delivered"];
/** Texts the app starts on its own; compliance answers and FAQ replies answer the shopper. */
const PROACTIVE_PURPOSES = ["marketing", "transactional"];
const DAY_MS = 24 * 3_600_000;

export interface DashboardShop {
  id: string;
  currency: string;
  ianaTimezone: string;
  settings: string;
}

export interface DailyFigures {
  /** The shop's local date, YYYY-MM-DD. */
  day: string;
  recoveredRevenue: number;
  textsSent: number;
}

export interface DashboardFigures {
  periodDays: number;
  from: string;
  to: string;
  currency: string;
  attribution: { clickWindowDays: number; textWindowHours: number };
  recoveredRevenue: string;
  ordersRecovered: number;
  checkoutsAbandoned: number;
  abandonedCheckoutsRecovered: number;
  recoveryRate: number | null;
  textsSent: number;
  spend: string;
  roi: number | null;
  contactsTexted: number;
  contactsReplied: number;
  replyRate: number | null;
  contactsOptedOut: number;
  optOutRate: number | null;
  staffFirstResponses: number;
  medianFirstResponseMs: number | null;
  newSubscribers: SignUpsBySource;
  daily: DailyFigures[];
}

interface Period {
  shopId: string;
  from: Date;
  to: Date;
}

export async function dashboardFigures(ctx: AppContext, shop: DashboardShop, periodDays: number): Promise<DashboardFigures> {
  const to = ctx.clock.now();
  const period: Period = { shopId: shop.id, from: new Date(to.getTime() - periodDays * DAY_MS), to };
  const [orders, texts, checkouts, replies, optOuts, responseTimes, newSubscribers] = await Promise.all([
    recoveredOrders(ctx, period),
    sentTexts(ctx, period),
    abandonedCheckouts(ctx, period),
    replyCounts(ctx, period),
    contactsOptedOut(ctx, period),
    staffFirstResponseTimes(ctx, period),
    signUpsBySource(ctx, shop.id, period.from),
  ]);
  const recoveredRevenue = sumDecimals(orders.map((order) => order.totalPrice.toFixed()));
  const spend = sumDecimals(texts.map((text) => text.cost?.toFixed() ?? "0"));
  return {
    periodDays,
    from: period.from.toISOString(),
    to: to.toISOString(),
    currency: shop.currency,
    attribution: cartRecoverySettingsOf(shop.settings).attribution,
    recoveredRevenue,
    ordersRecovered: orders.length,
    checkoutsAbandoned: checkouts.abandoned,
    abandonedCheckoutsRecovered: checkouts.recovered,
    recoveryRate: ratio(checkouts.recovered, checkouts.abandoned),
    textsSent: texts.length,
    spend,
    roi: Number(spend) > 0 ? (Number(recoveredRevenue) - Number(spend)) / Number(spend) : null,
    contactsTexted: replies.texted,
    contactsReplied: replies.replied,
    replyRate: ratio(replies.replied, replies.texted),
    contactsOptedOut: optOuts,
    optOutRate: ratio(optOuts, replies.texted),
    staffFirstResponses: responseTimes.length,
    medianFirstResponseMs: median(responseTimes),
    newSubscribers,
    daily: dailyFigures(shop.ianaTimezone, period, orders, texts),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Served by the Order index [shopId, recoveredAt].
function recoveredOrders({ db }: AppContext, { shopId, from, to }: Period) {
  return db.order.findMany({
    where: { shopId, recoveredAt: { gte: from, lte: to } },
    select: { totalPrice: true, recoveredAt: true },
  });
}

function sentTexts({ db }: AppContext, { shopId, from, to }: Period) {
  return db.message.findMany({
    where: { shopId, direction: "outbound", status: { in: SENT_STATUSES }, sendAttemptedAt: { gte: from, lte: to } },
    select: { cost: true, sendAttemptedAt: true },
  });
}

// A cohort: the checkouts abandoned in the period, and how many of them ended in a recovered order.
async function abandonedCheckouts({ db }: AppContext, { shopId, from, to }: Period) {
  const abandonedInPeriod = { shopId, abandonedAt: { gte: from, lte: to } };
  const [abandoned, recovered] = await Promise.all([
    db.checkout.count({ where: abandonedInPeriod }),
    db.checkout.count({ where: { ...abandonedInPeriod, recoveredOrderId: { not: null } } }),
  ]);
  return { abandoned, recovered };
}

// Contacts who got an automated text in the period, and those of them who answered within the
// reply window of one of those texts. An opt-out keyword is not a reply: the opt-out rate counts it.
async function replyCounts({ db }: AppContext, { shopId, from, to }: Period) {
  const texts = await db.message.findMany({
    where: {
      shopId,
      direction: "outbound",
      sentBy: null,
      purpose: { in: PROACTIVE_PURPOSES },
      status: { in: SENT_STATUSES },
      sendAttemptedAt: { gte: from, lte: to },
      contactId: { not: null },
    },
    select: { contactId: true, sendAttemptedAt: true },
  });
  const textedAt = new Map<string, number[]>();
  for (const text of texts) textedAt.set(text.contactId!, [...(textedAt.get(text.contactId!) ?? []), text.sendAttemptedAt!.getTime()]);
  const inbound = await db.message.findMany({
    where: { shopId, direction: "inbound", contactId: { in: [...textedAt.keys()] }, occurredAt: { gt: from, lte: to } },
    select: { contactId: true, body: true, occurredAt: true },
  });
  const replied = new Set<string>();
  for (const message of inbound) {
    if (classifyInboundText(message.body, { optInKeywords: [], optedOut: false }).intent === "opt_out") continue;
    const at = message.occurredAt.getTime();
    if (textedAt.get(message.contactId!)!.some((sent) => sent < at && at - sent <= REPLY_WINDOW_DAYS * DAY_MS)) replied.add(message.contactId!);
  }
  return { texted: textedAt.size, replied: replied.size };
}

// Phones that revoked consent in the period (a STOP, an admin, a Shopify sync), each counted once.
async function contactsOptedOut({ db }: AppContext, { shopId, from, to }: Period) {
  const revocations = await db.consentEvent.findMany({
    where: { shopId, granted: false, occurredAt: { gte: from, lte: to } },
    distinct: ["phone"],
    select: { phone: true },
  });
  return revocations.length;
}

// For each wait in a thread — from the shopper's text that started it to the first text a staff
// member sent after it (automated answers don't end a wait) — the time it took, for waits
// answered in the period.
async function staffFirstResponseTimes({ db }: AppContext, { shopId, from, to }: Period): Promise<number[]> {
  const answered = await db.message.findMany({
    where: { shopId, direction: "outbound", sentBy: { not: null }, occurredAt: { gte: from, lte: to } },
    distinct: ["conversationId"],
    select: { conversationId: true },
  });
  const conversationIds = answered.map((m) => m.conversationId).filter((id): id is string => id !== null);
  const messages = await db.message.findMany({
    where: { shopId, conversationId: { in: conversationIds }, occurredAt: { lte: to } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, direction: true, sentBy: true, occurredAt: true },
  });
  const waitingSince = new Map<string, number>();
  const durations: number[] = [];
  for (const message of messages) {
    const thread = message.conversationId!;
    const at = message.occurredAt.getTime();
    if (message.direction === "inbound") {
      if (!waitingSince.has(thread)) waitingSince.set(thread, at);
    } else if (message.sentBy !== null && waitingSince.has(thread)) {
      if (at >= from.getTime()) durations.push(at - waitingSince.get(thread)!);
      waitingSince.delete(thread);
    }
  }
  return durations;
}

function dailyFigures(
  timeZone: string,
  period: Period,
  orders: { totalPrice: { toFixed(): string }; recoveredAt: Date | null }[],
  texts: { sendAttemptedAt: Date | null }[],
): DailyFigures[] {
  const revenueByDay = new Map<string, string[]>();
  for (const order of orders) {
    const day = dayKeyIn(timeZone, order.recoveredAt!);
    revenueByDay.set(day, [...(revenueByDay.get(day) ?? []), order.totalPrice.toFixed()]);
  }
  const textsByDay = new Map<string, number>();
  for (const text of texts) {
    const day = dayKeyIn(timeZone, text.sendAttemptedAt!);
    textsByDay.set(day, (textsByDay.get(day) ?? 0) + 1);
  }
  return dayKeysBetween(timeZone, period.from, period.to).map((day) => ({
    day,
    recoveredRevenue: Number(sumDecimals(revenueByDay.get(day) ?? [])),
    textsSent: textsByDay.get(day) ?? 0,
  }));
}
