// The durable job queue: rows in "Job", enqueued in the caller's transaction, claimed by workers
// (claim.server.ts), run, and settled here. Delivery is at least once (a worker can die after a
// handler's side effect and before the job is settled), so every handler must be safe to run twice.
import { randomUUID } from "node:crypto";
import type { Job } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "../context.server";
import { engineOf, sqlBuildersOf, type Db, type Prisma } from "../db.server";
import { JOBS_CHANNEL, jobsQueued } from "./job-signals.server";

export type { Job };
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
/** The app's client or the client of a `$transaction` the caller has open. */
export type DbOrTx = Db | Prisma.TransactionClient;

/** Lower goes first. A worker claims by priority, then takes shops in turn within one. */
export const JOB_PRIORITY = {
  /** STOP confirmations and HELP answers: owed at once, by law. */
  optOut: 0,
  /** Replies in a conversation and opt-in confirmations: a shopper is waiting. */
  conversation: 1,
  /** Shipping texts, webhook ingestion, receipts. */
  transactional: 2,
  marketing: 3,
  maintenance: 4,
} as const;

export const DEFAULT_MAX_ATTEMPTS = 5;
const DAY_MS = 24 * 3_600_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60_000;
const MIN_REQUESTED_DELAY_MS = 1_000;
const LAST_ERROR_MAX_CHARS = 2_000;

/** A handler asks to run again after `delayMs` (an HTTP 429's Retry-After). */
export class RetryJobAfter extends Error {
  readonly delayMs: number;
  constructor(delayMs: number, reason: string) {
    super(reason);
    this.name = "RetryJobAfter";
    this.delayMs = delayMs;
  }
}

/** A failure that retrying cannot fix (bad payload, unknown kind, a 4xx refusal). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export interface EnqueueJobInput {
  kind: string;
  /** Anything JSON can represent; stored as text. */
  payload: unknown;
  /** Defaults to the clock's now. */
  runAt?: Date;
  shopId?: string | null;
  /**
   * The job is created once per key: a later enqueue returns the first job, for as long as that
   * job is kept (until it finishes and ages past retention, or `keepKeyForDays` after its runAt).
   */
  dedupeKey?: string | null;
  /** How long the dedupe key must stay taken when repeats can come later than retention. */
  keepKeyForDays?: number;
  maxAttempts?: number;
  /** See JOB_PRIORITY; default transactional. */
  priority?: number;
}

export async function enqueueJob(ctx: AppContext, input: EnqueueJobInput, tx?: DbOrTx): Promise<Job> {
  const [job] = await enqueueJobs(ctx, [input], tx);
  return job!;
}

/**
 * Enqueues many jobs with one statement (and one more for repeats of existing keys). Returns
 * them in input order; a repeated dedupe key returns the job that holds it.
 */
export async function enqueueJobs(ctx: AppContext, inputs: EnqueueJobInput[], tx?: DbOrTx): Promise<Job[]> {
  if (inputs.length === 0) return [];
  const db = tx ?? ctx.db;
  const { sql, join } = sqlBuildersOf(db);
  const now = ctx.clock.now();
  const rows = inputs.map((input) => {
    const payload = JSON.stringify(input.payload);
    if (payload === undefined) throw new TypeError(`Job "${input.kind}": payload must be JSON`);
    const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError("maxAttempts must be ≥ 1");
    const priority = input.priority ?? JOB_PRIORITY.transactional;
    if (!Number.isInteger(priority) || priority < 0 || priority > JOB_PRIORITY.maintenance) throw new RangeError("priority must be 0…4");
    const runAt = input.runAt ?? now;
    const keepUntil = input.dedupeKey && input.keepKeyForDays ? new Date(runAt.getTime() + input.keepKeyForDays * DAY_MS) : null;
    return sql`(${randomUUID()}, ${now}, ${now}, ${input.shopId ?? null}, ${input.kind}, ${payload}, 'queued', ${priority},
                ${runAt}, 0, ${maxAttempts}, ${input.dedupeKey ?? null}, ${keepUntil})`;
  });
  // ON CONFLICT DO NOTHING instead of catching P2002: on PostgreSQL a unique violation aborts
  // the caller's whole transaction, so a duplicate must never raise. Also safe under races:
  // PostgreSQL waits for the racing insert's transaction; SQLite serializes writers.
  const inserted = (
    await db.$queryRaw<Record<string, unknown>[]>(sql`
      INSERT INTO "Job" ("id", "createdAt", "updatedAt", "shopId", "kind", "payload", "status", "priority",
                         "runAt", "attempts", "maxAttempts", "dedupeKey", "keepUntil")
      VALUES ${join(rows)}
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING *`)
  ).map(jobFromRow);
  if (inserted.some((job) => job.runAt.getTime() <= now.getTime())) await announce(db);
  return inOrder(db, inputs, inserted);
}

async function inOrder(db: DbOrTx, inputs: EnqueueJobInput[], inserted: Job[]): Promise<Job[]> {
  if (inserted.length === inputs.length) return inserted;
  const byKey = new Map(inserted.filter((job) => job.dedupeKey).map((job) => [job.dedupeKey!, job]));
  const missing = inputs.map((input) => input.dedupeKey).filter((key): key is string => Boolean(key) && !byKey.has(key!));
  for (const job of await db.job.findMany({ where: { dedupeKey: { in: missing } } })) byKey.set(job.dedupeKey!, job);
  const keyless = inserted.filter((job) => !job.dedupeKey);
  return inputs.map((input) => (input.dedupeKey ? byKey.get(input.dedupeKey)! : keyless.shift()!));
}

// Wakes workers: this process's at once; on PostgreSQL every process's, when the caller's
// transaction commits (NOTIFY is delivered at commit, and not at all on rollback).
export async function announce(db: DbOrTx) {
  if (engineOf(db) === "postgresql") await db.$executeRawUnsafe(`NOTIFY ${JOBS_CHANNEL}`);
  jobsQueued();
}

export type CancelJobsFilter =
  | { ids: string[] }
  | { shopId?: string; kinds?: string[]; dedupeKeyPrefix?: string | string[] };

/**
 * Cancels matching jobs that have not started. Pass the caller's transaction so the cause
 * (an order, a STOP) and the cancel commit together. A job already running finishes: its
 * handler must re-check the facts it acts on. Returns how many jobs were cancelled.
 */
export async function cancelJobs(
  ctx: AppContext,
  filter: CancelJobsFilter,
  reason: string,
  tx?: DbOrTx,
): Promise<number> {
  const db = tx ?? ctx.db;
  return markCancelled(ctx, db, { ...(await cancellableJobs(db, filter)), status: "queued" }, reason);
}

/**
 * The console's cancel: one shop's jobs by id, queued or failed (a failed job is discarded, and
 * retention then prunes it like any finished job). Returns how many were cancelled.
 */
export function cancelShopJobs(ctx: AppContext, shopId: string, ids: string[], reason: string): Promise<number> {
  return markCancelled(ctx, ctx.db, { id: { in: ids }, shopId, status: { in: ["queued", "failed"] } }, reason);
}

async function markCancelled(ctx: AppContext, db: DbOrTx, where: Prisma.JobWhereInput, reason: string): Promise<number> {
  const now = ctx.clock.now();
  const { count } = await db.job.updateMany({ where, data: { status: "cancelled", cancelReason: reason, finishedAt: now, updatedAt: now } });
  return count;
}

/**
 * The console's retry: one shop's failed jobs back in the queue, due now, with all their
 * attempts again (the cause was fixed, so the job deserves a full run of them). Workers are told
 * at once. Returns how many were queued.
 */
export async function retryFailedJobs(ctx: AppContext, shopId: string, ids: string[]): Promise<number> {
  const now = ctx.clock.now();
  const { count } = await ctx.db.job.updateMany({
    where: { id: { in: ids }, shopId, status: "failed" },
    data: { status: "queued", runAt: now, attempts: 0, finishedAt: null, updatedAt: now },
  });
  if (count > 0) await announce(ctx.db);
  return count;
}

async function cancellableJobs(db: DbOrTx, filter: CancelJobsFilter): Promise<Prisma.JobWhereInput> {
  if ("ids" in filter) return { id: { in: filter.ids } };
  const { shopId, kinds, dedupeKeyPrefix } = filter;
  if (shopId === undefined && kinds === undefined && dedupeKeyPrefix === undefined) {
    throw new Error("cancelJobs needs ids, a shopId, kinds or a dedupeKeyPrefix");
  }
  const where: Prisma.JobWhereInput = { shopId, ...(kinds && { kind: { in: kinds } }) };
  if (dedupeKeyPrefix === undefined) return where;
  const prefixes = [dedupeKeyPrefix].flat();
  // SQLite's LIKE (behind startsWith) ignores case: narrow with it, then match exactly here.
  const candidates = await db.job.findMany({
    where: { ...where, status: "queued", OR: prefixes.map((prefix) => ({ dedupeKey: { startsWith: prefix } })) },
    select: { id: true, dedupeKey: true },
  });
  const ids = candidates.filter((job) => prefixes.some((prefix) => job.dedupeKey?.startsWith(prefix))).map((job) => job.id);
  return { id: { in: ids } };
}

/**
 * Marks claimed jobs succeeded, in one statement; returns the ids it settled. A job missing from
 * the answer lost its claim (its worker's lock expired and it was claimed again).
 */
export async function completeJobs(ctx: AppContext, jobs: Job[]): Promise<Set<string>> {
  if (jobs.length === 0) return new Set();
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  const claims = jobs.map((job) => sql`(${job.id}, ${job.lockedBy}, CAST(${job.attempts} AS INTEGER))`);
  const rows = await ctx.db.$queryRaw<{ id: string }[]>(sql`
    UPDATE "Job" SET "status" = 'succeeded', "finishedAt" = ${now}, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'running' AND ("id", "lockedBy", "attempts") IN (VALUES ${join(claims)})
    RETURNING "id"`);
  return new Set(rows.map((row) => row.id));
}

export type FailOutcome = "retrying" | "failed" | "lost";

/**
 * Settles a claimed job whose handler threw: a PermanentJobError, or the last allowed attempt,
 * fails it; RetryJobAfter re-queues it after the asked delay; anything else re-queues it with
 * exponential backoff. RetryJobAfter gives the attempt back: a 429 says "not now", not "this
 * job is broken", and burning attempts during a burst would fail good texts. Its delay is at
 * least a second so a handler cannot spin the worker; staleness is the handler's call.
 */
export async function failJob(ctx: AppContext, job: Job, error: unknown): Promise<FailOutcome> {
  const [outcome] = await failJobs(ctx, [{ job, error }]);
  return outcome!;
}

/** failJob for many jobs in one statement (a backlog sent back to wait settles at once); outcomes in order. */
export async function failJobs(ctx: AppContext, failures: { job: Job; error: unknown }[]): Promise<FailOutcome[]> {
  if (failures.length === 0) return [];
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  const time = (at: Date) => (engineOf(ctx.db) === "postgresql" ? sql`CAST(${at} AS TIMESTAMP(3))` : sql`${at}`);
  const settled = failures.map(({ job, error }) => {
    const lastError = describeError(error).slice(0, LAST_ERROR_MAX_CHARS);
    if (error instanceof RetryJobAfter) {
      return { job, lastError, status: "queued", runAt: new Date(now.getTime() + Math.max(error.delayMs, MIN_REQUESTED_DELAY_MS)), givenBack: 1 };
    }
    if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) return { job, lastError, status: "failed", runAt: job.runAt, givenBack: 0 };
    return { job, lastError, status: "queued", runAt: new Date(now.getTime() + retryDelayMs(job.attempts)), givenBack: 0 };
  });
  const rows = settled.map(
    ({ job, lastError, status, runAt, givenBack }) =>
      sql`(${job.id}, ${job.lockedBy}, CAST(${job.attempts} AS INTEGER), ${status}, ${time(runAt)}, CAST(${givenBack} AS INTEGER), ${lastError})`,
  );
  const updated = await ctx.db.$queryRaw<{ id: string }[]>(sql`
    WITH "settled"("id", "lockedBy", "attempts", "status", "runAt", "givenBack", "lastError") AS (VALUES ${join(rows)})
    UPDATE "Job" SET "status" = "settled"."status",
                     "runAt" = "settled"."runAt",
                     "attempts" = "Job"."attempts" - "settled"."givenBack",
                     "lastError" = "settled"."lastError",
                     "finishedAt" = CASE WHEN "settled"."status" = 'failed' THEN ${time(now)} ELSE NULL END,
                     "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = ${time(now)}
    FROM "settled"
    WHERE "Job"."id" = "settled"."id" AND "Job"."status" = 'running'
      AND "Job"."lockedBy" = "settled"."lockedBy" AND "Job"."attempts" = "settled"."attempts"
    RETURNING "Job"."id"`);
  const found = new Set(updated.map((row) => row.id));
  return settled.map(({ job, status }) => (!found.has(job.id) ? "lost" : status === "failed" ? "failed" : "retrying"));
}

/** Backoff after the given attempt: 30 s · 2^(attempts-1), capped at an hour, plus ≤ 10 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0), BACKOFF_CAP_MS);
  return Math.round(base * (1 + 0.1 * random()));
}

export function describeError(error: unknown): string {
  if (error instanceof RetryJobAfter) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export const DEFAULT_RETENTION_MS = 7 * DAY_MS;
const PRUNE_CHUNK = 5_000;

/**
 * Deletes succeeded and cancelled jobs that finished before `olderThan`, a chunk at a time so no
 * statement holds the table long; failed jobs stay for inspection, and a job whose dedupe key
 * must stay taken (keepUntil) stays until then. Returns how many were deleted.
 */
export async function pruneJobs(ctx: AppContext, { olderThan }: { olderThan: Date }): Promise<number> {
  const now = ctx.clock.now();
  let total = 0;
  for (;;) {
    const deleted = await ctx.db.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job"
        WHERE "status" IN ('succeeded', 'cancelled') AND "finishedAt" < ${olderThan}
          AND ("keepUntil" IS NULL OR "keepUntil" < ${now})
        LIMIT ${PRUNE_CHUNK})`;
    total += deleted;
    if (deleted < PRUNE_CHUNK) return total;
  }
}

// Raw rows: both adapters already return Dates and numbers for these columns; this keeps the
// Job type honest should a driver start returning text.
export function jobFromRow(row: Record<string, unknown>): Job {
  const date = (value: unknown) => (value == null || value instanceof Date ? value : new Date(String(value)));
  return {
    ...row,
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
    runAt: date(row.runAt),
    lockedUntil: date(row.lockedUntil),
    finishedAt: date(row.finishedAt),
    keepUntil: date(row.keepUntil),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
    priority: Number(row.priority),
  } as Job;
}
