// Keeps every sender within what Telnyx lets it send per second, across every worker process and
// app instance: each sending number, and each Telnyx account, is a bucket whose next free send
// slot is a row in "SendingRate". A worker books the slots of a batch in all its buckets with one
// atomic statement before it calls Telnyx (DESIGN §6, docs/decisions/006).
//
// Real time, not the app clock. Throughput is a property of the carrier's network, measured
// in wall-clock seconds; the sandbox's virtual clock stands still while jobs run (and jumps
// hours when moved), so spacing sends by it would either send everything at once or never.
// That is why these functions take their own `realNow` (default: the system clock) instead of
// ctx.clock, the one exception to "domain code reads the injected clock".
import { createHash, randomUUID } from "node:crypto";
import type { AppContext } from "../context.server";
import { engineOf, sqlBuildersOf } from "../db.server";
import { sendingLimitsOf } from "./sending-limits";

export interface SendBucket {
  /** See numberBucketKey and accountBucketKey. */
  key: string;
  perSecond: number;
}

export const numberBucketKey = (number: string) => `number:${number}`;

/**
 * Telnyx limits each account, and an API key belongs to one account, so the shops that connect
 * with the same key share one bucket. Keyed by a hash: the key itself is a secret, and a long
 * random one, so its SHA-256 reveals nothing.
 */
export const accountBucketKey = (telnyxApiKey: string) => `account:${createHash("sha256").update(telnyxApiKey).digest("hex").slice(0, 32)}`;

/** The buckets a text from this shop books: its number's and its Telnyx account's (by the shop's API key). */
export function sendBucketsFor(
  shop: { id: string; sendingNumber: string | null; sendingNumberType: string; settings: string },
  { telnyxApiKey }: { telnyxApiKey: string },
): SendBucket[] {
  if (!shop.sendingNumber) throw new Error(`Shop ${shop.id} has no sending number`);
  const limits = sendingLimitsOf(shop);
  return [
    { key: numberBucketKey(shop.sendingNumber), perSecond: limits.numberPerSecond },
    { key: accountBucketKey(telnyxApiKey), perSecond: limits.accountPerSecond },
  ];
}

/** Waiting longer than this for a slot inside a job would hold a worker idle: retry later instead. */
const DEFAULT_MAX_SLOT_WAIT_MS = 3_000;

/**
 * Slots are booked as if a second lasted this much longer. Between its slot and its request
 * reaching Telnyx a send still claims its message and goes through the SDK, which on a busy
 * machine takes up to ~100 ms more one time than the next; a bucket booked `perSecond` slots per
 * 1.15 s still has at most `perSecond` requests arriving in any 1 s. It costs 13 % of each rate.
 */
const JITTER_ALLOWANCE_US = 150_000;

/**
 * Spaces a process's requests per sender. Booked slots keep each sender's rate across processes,
 * but a worker that stalls (a busy event loop, a paused process) wakes with several slots past
 * due and would send them at once; paced, they leave one interval apart from its last request.
 * Returns when (real ms) a request booked for `slotMs`, asked at `nowMs`, may start.
 */
export function createSenderPacer(): (buckets: SendBucket[], slotMs: number, nowMs: number) => number {
  const lastStartMs = new Map<string, number>();
  return (buckets, slotMs, nowMs) => {
    const startMs = Math.max(slotMs, nowMs, ...buckets.map(({ key, perSecond }) => (lastStartMs.get(key) ?? -Infinity) + Number(slotIntervalUs(perSecond)) / 1_000));
    for (const { key } of buckets) lastStartMs.set(key, startMs);
    return startMs;
  };
}

/** Microseconds between two booked slots of a bucket, rounded up so rounding never exceeds the rate. */
export function slotIntervalUs(perSecond: number): bigint {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`perSecond must be > 0 (got ${perSecond})`);
  return BigInt(Math.ceil((1_000_000 + JITTER_ALLOWANCE_US) / perSecond));
}

export interface ReserveSendSlotsInput {
  /** Every slot is booked in each of them. */
  buckets: SendBucket[];
  count: number;
  /** Slots further away than this are not booked. */
  maxWaitMs?: number;
  realNow?: () => Date;
}

export interface ReservedSendSlots {
  /** Ascending; fewer than asked for when the rest would be more than maxWaitMs away. */
  slots: Date[];
  /** When fewer slots came back: how long until the first one not booked is free. */
  retryAfterMs: number | null;
  /** The time between two slots of these buckets: the next texts' slots follow at this pace. */
  intervalMs: number;
}

interface Plan {
  wanted: { key: string; intervalUs: bigint }[];
  count: number;
  nowUs: bigint;
  horizonUs: bigint;
  now: Date;
}

type SlotRow = { key: string; nextSlotUs: bigint | number; grantedFromUs: bigint | number };

/**
 * Books up to `count` slots, ascending, each in every bucket, so that no bucket has two slots
 * closer than its interval. One statement reads the buckets' next free slots, takes the latest
 * (or now) as the first slot and steps by the largest interval, stops at maxWaitMs, and moves
 * every bucket past the last slot by its own interval, or books nothing at all. A bucket is
 * never booked for a slot another bucket refused.
 *
 * A shared bucket (the account) hands out its slots in the order they are asked for, so a slow
 * number's slots a few seconds ahead also hold the account's next slot until then: maxWaitMs
 * bounds that wait.
 */
export async function reserveSendSlots(ctx: AppContext, input: ReserveSendSlotsInput): Promise<ReservedSendSlots> {
  if (input.buckets.length === 0) throw new RangeError("reserveSendSlots needs at least one bucket");
  const intervals = new Map<string, bigint>();
  for (const bucket of input.buckets) {
    const intervalUs = slotIntervalUs(bucket.perSecond);
    // A bucket named twice keeps its slower rate.
    if ((intervals.get(bucket.key) ?? 0n) < intervalUs) intervals.set(bucket.key, intervalUs);
  }
  const stepUs = [...intervals.values()].reduce((largest, intervalUs) => (intervalUs > largest ? intervalUs : largest), 0n);
  const intervalMs = Number(stepUs) / 1_000;
  if (input.count <= 0) return { slots: [], retryAfterMs: null, intervalMs };
  const now = (input.realNow ?? (() => new Date()))();
  const nowUs = BigInt(now.getTime()) * 1_000n;
  const plan: Plan = {
    // In key order, so two first reservations inserting the same new rows cannot deadlock.
    wanted: [...intervals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, intervalUs]) => ({ key, intervalUs })),
    count: Math.floor(input.count),
    nowUs,
    horizonUs: nowUs + BigInt(Math.max(0, Math.floor(input.maxWaitMs ?? DEFAULT_MAX_SLOT_WAIT_MS))) * 1_000n,
    now,
  };

  const rows = await bookOrExplain(ctx, plan);
  if (!Array.isArray(rows)) return { slots: [], retryAfterMs: rows.retryAfterMs, intervalMs };

  const row = rows[0]!;
  const firstUs = BigInt(row.grantedFromUs);
  const lastUs = BigInt(row.nextSlotUs) - intervals.get(row.key)!;
  const granted = Number((lastUs - firstUs) / stepUs) + 1;
  const slots = Array.from({ length: granted }, (_, i) => usToDate(firstUs + BigInt(i) * stepUs));
  const retryAfterMs = granted < plan.count ? Math.max(1, Math.ceil(Number(lastUs + stepUs - nowUs) / 1_000)) : null;
  return { slots, retryAfterMs, intervalMs };
}

// Rounded up to the millisecond, so a slot never starts before the time that was booked.
const usToDate = (us: bigint) => new Date(Number((us + 999n) / 1_000n));

/**
 * The reservation itself; no rows back when it booked nothing (too far away, or a bucket has no
 * row yet). PostgreSQL locks the buckets' rows in key order first (FOR UPDATE waits for, and
 * then reads, a concurrent reservation's result); SQLite runs one writing statement at a time.
 */
async function book(ctx: AppContext, plan: Plan): Promise<SlotRow[]> {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const postgres = engineOf(ctx.db) === "postgresql";
  const wanted = join(plan.wanted.map(({ key, intervalUs }) => sql`(CAST(${key} AS TEXT), CAST(${intervalUs} AS BIGINT))`));
  const held = postgres
    ? sql`"held" AS MATERIALIZED (
        SELECT "key", "nextSlotUs" FROM "SendingRate" WHERE "key" IN (SELECT "key" FROM "wanted") ORDER BY "key" FOR UPDATE)`
    : sql`"held" AS (SELECT "key", "nextSlotUs" FROM "SendingRate" WHERE "key" IN (SELECT "key" FROM "wanted"))`;
  const horizon = sql`CAST(${plan.horizonUs} AS BIGINT)`;
  const count = sql`CAST(${plan.count} AS BIGINT)`;
  return ctx.db.$queryRaw<SlotRow[]>(sql`
    WITH "wanted"("key", "intervalUs") AS (VALUES ${wanted}),
    ${held},
    "start" AS (
      SELECT CASE WHEN max("nextSlotUs") > CAST(${plan.nowUs} AS BIGINT) THEN max("nextSlotUs") ELSE CAST(${plan.nowUs} AS BIGINT) END AS "first",
             (SELECT max("intervalUs") FROM "wanted") AS "step",
             count(*) AS "found"
      FROM "held"),
    "plan" AS (
      SELECT "first", "step",
             CASE WHEN "first" > ${horizon} THEN 0
                  WHEN (${horizon} - "first") / "step" + 1 < ${count} THEN (${horizon} - "first") / "step" + 1
                  ELSE ${count} END AS "granted"
      FROM "start" WHERE "found" = ${plan.wanted.length})
    UPDATE "SendingRate"
    SET "nextSlotUs" = "plan"."first" + ("plan"."granted" - 1) * "plan"."step" + "wanted"."intervalUs",
        "grantedFromUs" = "plan"."first",
        "updatedAt" = ${plan.now}
    FROM "plan", "wanted"
    WHERE "SendingRate"."key" = "wanted"."key" AND "plan"."granted" > 0
    RETURNING "SendingRate"."key", "SendingRate"."nextSlotUs", "SendingRate"."grantedFromUs"`);
}

/**
 * One bucket needs no plan across rows: an upsert books it, creating its row the first time.
 * Several times cheaper than the planned statement on SQLite, where every statement of the
 * process waits its turn (docs/decisions/015).
 */
async function bookOne(ctx: AppContext, plan: Plan): Promise<SlotRow[]> {
  const { sql } = sqlBuildersOf(ctx.db);
  const { key, intervalUs } = plan.wanted[0]!;
  const interval = sql`CAST(${intervalUs} AS BIGINT)`;
  const horizon = sql`CAST(${plan.horizonUs} AS BIGINT)`;
  const count = sql`CAST(${plan.count} AS BIGINT)`;
  const nowUs = sql`CAST(${plan.nowUs} AS BIGINT)`;
  const first = sql`(CASE WHEN "SendingRate"."nextSlotUs" > ${nowUs} THEN "SendingRate"."nextSlotUs" ELSE ${nowUs} END)`;
  const granted = sql`(CASE WHEN (${horizon} - ${first}) / ${interval} + 1 < ${count} THEN (${horizon} - ${first}) / ${interval} + 1 ELSE ${count} END)`;
  const grantedIfNew = BigInt(Math.min(plan.count, Number((plan.horizonUs - plan.nowUs) / intervalUs) + 1));
  return ctx.db.$queryRaw<SlotRow[]>(sql`
    INSERT INTO "SendingRate" ("id", "createdAt", "updatedAt", "key", "nextSlotUs", "grantedFromUs")
    VALUES (${randomUUID()}, ${plan.now}, ${plan.now}, ${key}, CAST(${plan.nowUs + grantedIfNew * intervalUs} AS BIGINT), ${nowUs})
    ON CONFLICT ("key") DO UPDATE SET
      "nextSlotUs" = ${first} + ${granted} * ${interval},
      "grantedFromUs" = ${first},
      "updatedAt" = ${plan.now}
    WHERE ${first} <= ${horizon}
    RETURNING "key", "nextSlotUs", "grantedFromUs"`);
}

/**
 * Books, or says how long until the buckets are free when that is beyond maxWaitMs. Nothing
 * booked with every bucket free in time means a bucket had no row yet, or its row came (from a
 * concurrent first reservation) after the booking looked: then it books once more.
 */
async function bookOrExplain(ctx: AppContext, plan: Plan): Promise<SlotRow[] | { retryAfterMs: number }> {
  for (let attempt = 0; ; attempt++) {
    const rows = plan.wanted.length === 1 ? await bookOne(ctx, plan) : await book(ctx, plan);
    if (rows.length > 0) return rows;
    const stored = await ctx.db.sendingRate.findMany({ where: { key: { in: plan.wanted.map((w) => w.key) } }, select: { key: true, nextSlotUs: true } });
    const freeUs = stored.reduce((latest, row) => (row.nextSlotUs > latest ? row.nextSlotUs : latest), plan.nowUs);
    if (freeUs > plan.horizonUs || attempt === 2) return { retryAfterMs: Math.max(1, Math.ceil(Number(freeUs - plan.nowUs) / 1_000)) };
    if (stored.length < plan.wanted.length) await addMissingBuckets(ctx, plan);
  }
}

async function addMissingBuckets(ctx: AppContext, plan: Plan): Promise<void> {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const rows = plan.wanted.map(({ key }) => sql`(${randomUUID()}, ${plan.now}, ${plan.now}, ${key}, CAST(0 AS BIGINT))`);
  await ctx.db.$executeRaw(sql`
    INSERT INTO "SendingRate" ("id", "createdAt", "updatedAt", "key", "nextSlotUs")
    VALUES ${join(rows)}
    ON CONFLICT ("key") DO NOTHING`);
}

/**
 * Lines up `count` texts that found no free slot behind the texts already sent back to wait for
 * this sender, one interval apart, and says how long (ms) until the first of them. Without it,
 * each batch's leftovers would come back in the same few seconds as every other batch's, find
 * one slot among them, and be sent back again, for as long as the backlog lasts.
 */
export async function lineUpBacklog(
  ctx: AppContext,
  input: { key: string; count: number; retryAfterMs: number; intervalMs: number; realNow?: () => Date },
): Promise<number> {
  const { sql } = sqlBuildersOf(ctx.db);
  const nowUs = BigInt((input.realNow ?? (() => new Date()))().getTime()) * 1_000n;
  const earliestUs = sql`CAST(${nowUs + BigInt(Math.ceil(input.retryAfterMs)) * 1_000n} AS BIGINT)`;
  const lengthUs = BigInt(Math.ceil(input.count * input.intervalMs * 1_000));
  const rows = await ctx.db.$queryRaw<{ backlogUntilUs: bigint | number }[]>(sql`
    UPDATE "SendingRate"
    SET "backlogUntilUs" = CASE WHEN "backlogUntilUs" > ${earliestUs} THEN "backlogUntilUs" ELSE ${earliestUs} END + CAST(${lengthUs} AS BIGINT)
    WHERE "key" = ${input.key}
    RETURNING "backlogUntilUs"`);
  const untilUs = rows[0] ? BigInt(rows[0].backlogUntilUs) : null;
  if (untilUs === null) return input.retryAfterMs;
  return Math.max(input.retryAfterMs, Math.ceil(Number(untilUs - lengthUs - nowUs) / 1_000));
}

/**
 * Moves the bucket's next slot at least `forMs` from now (Telnyx answered 429 with Retry-After):
 * only this sender waits; slots already handed out stay as they are.
 */
export async function pauseSender(ctx: AppContext, input: { key: string; forMs: number; realNow?: () => Date }): Promise<void> {
  const { sql } = sqlBuildersOf(ctx.db);
  const now = (input.realNow ?? (() => new Date()))();
  const untilUs = sql`CAST(${(BigInt(now.getTime()) + BigInt(Math.max(0, Math.ceil(input.forMs)))) * 1_000n} AS BIGINT)`;
  await ctx.db.$executeRaw(sql`
    INSERT INTO "SendingRate" ("id", "createdAt", "updatedAt", "key", "nextSlotUs")
    VALUES (${randomUUID()}, ${now}, ${now}, ${input.key}, ${untilUs})
    ON CONFLICT ("key") DO UPDATE SET
      "nextSlotUs" = CASE WHEN "SendingRate"."nextSlotUs" > ${untilUs} THEN "SendingRate"."nextSlotUs" ELSE ${untilUs} END,
      "updatedAt" = ${now}`);
}
