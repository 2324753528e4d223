// A campaign's report per arm (each variant and the holdout), computed from stored rows in a few
// statements that group by arm: the recipients, their texts and their texts' clicks, each one
// range of an index that leads with the campaign and its arm (texts and links carry their arm),
// and the small sets (orders in the window, opt-outs, replies). What each figure means is in
// campaign-report-definitions.ts; why, in docs/decisions/028 and 031.
import { inTransaction, type AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf } from "~/db.server";
import { SENT_STATUSES } from "~/analytics/dashboard.server";
import { classifyInboundText } from "~/compliance/keywords";
import { CAMPAIGN_REPORT_DEFINITIONS, ORDER_WINDOW_DAYS } from "./campaign-report-definitions";
import { incrementalRevenue, variantWinner, wilsonInterval, type Interval, type RevenueSums } from "./campaign-stats";
import { HOLDOUT_ARM, REST_ARM } from "./campaign-arms";

const DAY_MS = 86_400_000;

export interface ArmReport {
  name: string;
  recipients: number;
  sent: number;
  delivered: number;
  clicks: number;
  replies: number;
  optOuts: number;
  orders: number;
  /** Recipients with at least one order in the window. */
  converted: number;
  revenue: string;
  conversionRate: number | null;
  interval: Interval | null;
  cost: string;
}

export interface CampaignReport {
  id: string;
  name: string;
  status: string;
  currency: string;
  /** What the launch estimated (recipients, segments per text, cost), as frozen then. */
  estimate: unknown;
  /** Null until launch. `complete` once the window has ended. */
  window: { from: string; to: string; days: number; complete: boolean } | null;
  arms: ArmReport[];
  lift: {
    treatedRecipients: number;
    holdoutRecipients: number;
    incrementalRevenue: number | null;
    interval: Interval | null;
    /** The interval lies wholly above or below 0. */
    significant: boolean;
    winner: string | null;
    winnerReason: string;
  };
  definitions: typeof CAMPAIGN_REPORT_DEFINITIONS;
}

type Num = bigint | number | string | { toString(): string } | null;
const n = (value: Num | undefined) => Number(value ?? 0);
/** Money from SQL sums: exact on PostgreSQL, a double on SQLite; six decimals keep every cent. */
const money = (value: Num | undefined) => String(Number(n(value).toFixed(6)));

interface RecipientRow { arm: string; recipients: Num; lastSendAt: Date | string | null }
interface TextRow { arm: string; sent: Num; delivered: Num; cost: Num }
interface OrderRow { arm: string; orders: Num; converted: Num; revenue: Num; revenueSquares: Num }
interface CountRow { arm: string; count: Num }
interface ReplyRow { arm: string; contactId: string; body: string }

/** The report of one of the shop's campaigns; null for another shop's or no campaign. */
export async function campaignReport(ctx: AppContext, shopId: string, campaignId: string): Promise<CampaignReport | null> {
  const campaign = await ctx.db.campaign.findFirst({
    where: { id: campaignId, shopId },
    select: { id: true, name: true, status: true, estimate: true, launchedAt: true, shop: { select: { currency: true } }, variants: { select: { name: true }, orderBy: { name: "asc" } } },
  });
  if (!campaign) return null;
  const recipients = campaign.launchedAt ? await recipientsByArm(ctx, campaignId) : [];
  // The window ends ORDER_WINDOW_DAYS after the last due time.
  const lastSendAt = Math.max(0, ...recipients.map((r) => (r.lastSendAt ? new Date(r.lastSendAt).getTime() : 0)));
  const window = campaign.launchedAt && {
    from: campaign.launchedAt,
    to: new Date(Math.max(campaign.launchedAt.getTime(), lastSendAt) + ORDER_WINDOW_DAYS * DAY_MS),
  };
  const [texts, orders, optOuts, clicks, replies] = window
    ? await Promise.all([
        textsByArm(ctx, campaignId),
        ordersByArm(ctx, shopId, campaignId, window),
        optOutsByArm(ctx, shopId, campaignId, window),
        clicksByArm(ctx, campaignId),
        repliersByArm(ctx, campaignId),
      ])
    : [[], [], [], [], new Map<string, number>()];

  // The rest of a test share is no arm yet: it is sent the winner (or the split) later.
  const names = [...new Set([...campaign.variants.map((v) => v.name), ...recipients.map((r) => r.arm).filter((arm) => arm !== HOLDOUT_ARM && arm !== REST_ARM).sort()])];
  if (recipients.some((r) => r.arm === HOLDOUT_ARM)) names.push(HOLDOUT_ARM);
  const byArm = <T extends { arm: string }>(rows: T[], arm: string) => rows.find((row) => row.arm === arm);
  const arms = names.map((name): ArmReport => {
    const text = byArm(texts, name);
    const order = byArm(orders, name);
    const count = n(byArm(recipients, name)?.recipients);
    const converted = n(order?.converted);
    return {
      name,
      recipients: count,
      sent: n(text?.sent),
      delivered: n(text?.delivered),
      clicks: n(byArm(clicks, name)?.count),
      replies: replies.get(name) ?? 0,
      optOuts: n(byArm(optOuts, name)?.count),
      orders: n(order?.orders),
      converted,
      revenue: money(order?.revenue),
      conversionRate: count > 0 ? converted / count : null,
      interval: wilsonInterval(converted, count),
      cost: money(text?.cost),
    };
  });

  const sums = (rows: string[]): RevenueSums => ({
    recipients: rows.reduce((total, arm) => total + n(byArm(recipients, arm)?.recipients), 0),
    sum: rows.reduce((total, arm) => total + n(byArm(orders, arm)?.revenue), 0),
    sumOfSquares: rows.reduce((total, arm) => total + n(byArm(orders, arm)?.revenueSquares), 0),
  });
  const variants = arms.filter((arm) => arm.name !== HOLDOUT_ARM);
  const treated = sums(variants.map((arm) => arm.name));
  const holdout = sums([HOLDOUT_ARM]);
  const lift = incrementalRevenue(treated, holdout);
  const { winner, reason } = variantWinner(variants.map((arm) => ({ name: arm.name, successes: arm.converted, trials: arm.recipients })));
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    currency: campaign.shop.currency,
    estimate: campaign.estimate ? JSON.parse(campaign.estimate) : null,
    window: window && { from: window.from.toISOString(), to: window.to.toISOString(), days: ORDER_WINDOW_DAYS, complete: window.to <= ctx.clock.now() },
    arms,
    lift: {
      treatedRecipients: treated.recipients,
      holdoutRecipients: holdout.recipients,
      incrementalRevenue: lift && roundCents(lift.estimate),
      interval: lift?.interval ? [roundCents(lift.interval[0]), roundCents(lift.interval[1])] : null,
      significant: Boolean(lift?.interval && (lift.interval[0] > 0 || lift.interval[1] < 0)),
      winner,
      winnerReason: reason,
    },
    definitions: CAMPAIGN_REPORT_DEFINITIONS,
  };
}

const roundCents = (value: number) => Math.round(value * 100) / 100;

// Recipients and the last due time per arm, from the recipients' [campaignId, arm, sendAt] index.
function recipientsByArm({ db }: AppContext, campaignId: string) {
  const { sql } = sqlBuildersOf(db);
  return db.$queryRaw<RecipientRow[]>(sql`
    SELECT "arm", COUNT(*) AS "recipients", MAX("sendAt") AS "lastSendAt"
    FROM "CampaignRecipient" WHERE "campaignId" = ${campaignId}
    GROUP BY "arm"`);
}

// The campaign's texts per arm, from Message's [campaignId, campaignArm, status, cost] index;
// replies carry the campaign but no arm.
function textsByArm(ctx: AppContext, campaignId: string) {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const texts = (db: AppContext["db"]) => db.$queryRaw<TextRow[]>(sql`
    SELECT "campaignArm" AS "arm",
      SUM(CASE WHEN "status" IN (${join(SENT_STATUSES)}) THEN 1 ELSE 0 END) AS "sent",
      SUM(CASE WHEN "status" = 'delivered' THEN 1 ELSE 0 END) AS "delivered",
      SUM("cost") AS "cost"
    FROM "Message"
    WHERE "campaignId" = ${campaignId} AND "campaignArm" IS NOT NULL
    GROUP BY "campaignArm"`);
  if (engineOf(ctx.db) !== "postgresql") return texts(ctx.db);
  // PostgreSQL plans this range (numeric cost keeps its index from deduplicating) with parallel
  // workers, whose start costs more than the read: 60–100 ms against 23 ms alone (decision 031).
  // Inside a caller's transaction the setting holds to its end; it changes plans, not results.
  return inTransaction(ctx, async ({ db }) => {
    await db.$executeRaw(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return texts(db);
  });
}

// Each recipient's orders in the window, summed per recipient first so the variance of revenue
// per recipient can be had from Σ and Σ² per arm.
function ordersByArm({ db }: AppContext, shopId: string, campaignId: string, { from, to }: { from: Date; to: Date }) {
  const { sql } = sqlBuildersOf(db);
  return db.$queryRaw<OrderRow[]>(sql`
    WITH "bought" AS (
      SELECT o."contactId" AS "contactId", COUNT(*) AS "orders", SUM(o."totalPrice") AS "revenue"
      FROM "Order" o
      WHERE o."shopId" = ${shopId} AND o."contactId" IS NOT NULL AND o."placedAt" >= ${from} AND o."placedAt" < ${to}
      GROUP BY o."contactId")
    SELECT r."arm" AS "arm", SUM(b."orders") AS "orders", COUNT(b."contactId") AS "converted",
      SUM(b."revenue") AS "revenue", SUM(b."revenue" * b."revenue") AS "revenueSquares"
    FROM "CampaignRecipient" r JOIN "bought" b ON b."contactId" = r."contactId"
    WHERE r."campaignId" = ${campaignId}
    GROUP BY r."arm"`);
}

// Served by the consent events' [shopId, occurredAt] index.
function optOutsByArm({ db }: AppContext, shopId: string, campaignId: string, { from, to }: { from: Date; to: Date }) {
  const { sql } = sqlBuildersOf(db);
  return db.$queryRaw<CountRow[]>(sql`
    SELECT r."arm" AS "arm", COUNT(DISTINCT e."contactId") AS "count"
    FROM "ConsentEvent" e JOIN "CampaignRecipient" r ON r."campaignId" = ${campaignId} AND r."contactId" = e."contactId"
    WHERE e."shopId" = ${shopId} AND e."scope" = 'marketing' AND e."granted" = ${false} AND e."occurredAt" >= ${from} AND e."occurredAt" < ${to}
    GROUP BY r."arm"`);
}

// The clicks on the campaign's texts' links, from Link's [campaignId, campaignArm, clicks] index.
function clicksByArm({ db }: AppContext, campaignId: string) {
  const { sql } = sqlBuildersOf(db);
  return db.$queryRaw<CountRow[]>(sql`
    SELECT "campaignArm" AS "arm", SUM("clicks") AS "count"
    FROM "Link" WHERE "campaignId" = ${campaignId}
    GROUP BY "campaignArm"`);
}

// Replies are few next to recipients; they are read so an opt-out word is told apart from a
// reply by the same rule the inbound texts are read by. Served by Message's [campaignId, direction].
async function repliersByArm({ db }: AppContext, campaignId: string): Promise<Map<string, number>> {
  const { sql } = sqlBuildersOf(db);
  const rows = await db.$queryRaw<ReplyRow[]>(sql`
    SELECT r."arm" AS "arm", m."contactId" AS "contactId", m."body" AS "body"
    FROM "Message" m JOIN "CampaignRecipient" r ON r."campaignId" = m."campaignId" AND r."contactId" = m."contactId"
    WHERE m."campaignId" = ${campaignId} AND m."direction" = 'inbound'`);
  const repliers = new Map<string, Set<string>>();
  for (const { arm, contactId, body } of rows) {
    if (classifyInboundText(body, { optInKeywords: [], optedOut: false }).intent === "opt_out") continue;
    repliers.set(arm, (repliers.get(arm) ?? new Set()).add(contactId));
  }
  return new Map([...repliers].map(([arm, contacts]) => [arm, contacts.size]));
}
