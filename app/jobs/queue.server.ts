// The durable job queue: rows in "Job" that workers claim atomically, run, and settle.
// Delivery is at least once (a worker can die after a handler's side effect and before
// completeJob), so every handler must be safe to run twice.
import { randomUUID } from "node:crypto";
import type { Job } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "../context.server";
import type { Db, Prisma } from "../db.server";

export type { Job };
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
/** The app's client or the client of a `$transaction` the caller has open. */
export type DbOrTx = Db | Prisma.TransactionClient;

export const DEFAULT_MAX_ATTEMPTS = 5;
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
  /** The job is created once per key, ever: a later enqueue returns the first job. */
  dedupeKey?: string | null;
  maxAttempts?: number;
}

export async function enqueueJob(ctx: AppContext, input: EnqueueJobInput, tx?: DbOrTx): Promise<Job> {
  const db = tx ?? ctx.db;
  const now = ctx.clock.now();
  const payload = JSON.stringify(input.payload);
  if (payload === undefined) throw new TypeError(`Job "${input.kind}": payload must be JSON`);
  const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError("maxAttempts must be ≥ 1");
  // ON CONFLICT DO NOTHING instead of catching P2002: on PostgreSQL a unique violation aborts
  // the caller's whole transaction, so a duplicate must never raise. Also safe under races:
  // PostgreSQL waits for the racing insert's transaction; SQLite serializes writers.
  const inserted = await db.$queryRaw<Record<string, unknown>[]>`
    INSERT INTO "Job" ("id", "createdAt", "updatedAt", "shopId", "kind", "payload", "status",
                       "runAt", "attempts", "maxAttempts", "dedupeKey")
    VALUES (${randomUUID()}, ${now}, ${now}, ${input.shopId ?? null}, ${input.kind}, ${payload},
            'queued', ${input.runAt ?? now}, 0, ${maxAttempts}, ${input.dedupeKey ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING *`;
  if (inserted[0]) return jobFromRow(inserted[0]);
  return db.job.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey! } });
}

export type CancelJobsFilter =
  | { ids: string[] }
  | { shopId?: string; kinds?: string[]; dedupeKeyPrefix?: string };

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
  const now = ctx.clock.now();
  const { count } = await db.job.updateMany({
    where: { ...(await cancellableJobs(db, filter)), status: "queued" },
    data: { status: "cancelled", cancelReason: reason, finishedAt: now, updatedAt: now },
  });
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
  // SQLite's LIKE (behind startsWith) ignores case: narrow with it, then match exactly here.
  const candidates = await db.job.findMany({
    where: { ...where, status: "queued", dedupeKey: { startsWith: dedupeKeyPrefix } },
    select: { id: true, dedupeKey: true },
  });
  const ids = candidates.filter((job) => job.dedupeKey?.startsWith(dedupeKeyPrefix)).map((job) => job.id);
  return { id: { in: ids } };
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  /** How long the claim holds; past it the job is presumed lost and claimable again. */
  lockMs: number;
}

/**
 * Atomically marks up to `limit` due jobs as running for this worker and returns them, oldest
 * runAt first. Due: queued with runAt ≤ now, or running with an expired lock (a crashed
 * worker). Each claim counts as an attempt, so a job that keeps killing workers runs out.
 */
export async function claimDueJobs(ctx: AppContext, options: ClaimOptions): Promise<Job[]> {
  const now = ctx.clock.now();
  const claim = { ...options, now, lockedUntil: new Date(now.getTime() + options.lockMs) };
  const rows = engineOf(ctx.db) === "postgresql" ? await claimOnPostgres(ctx.db, claim) : await claimOnSqlite(ctx.db, claim);
  return rows.map(jobFromRow).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

type Claim = ClaimOptions & { now: Date; lockedUntil: Date };

// The pg adapter sends a Date as UTC text without a zone ("2026-03-01 12:34:56.789"), which
// PostgreSQL reads as timestamp(3) exactly as stored, whatever the session TimeZone is.
// SKIP LOCKED lets concurrent workers take disjoint rows instead of queueing behind each other.
function claimOnPostgres(db: Db, c: Claim) {
  return db.$queryRaw<Record<string, unknown>[]>`
    UPDATE "Job" SET "status" = 'running', "lockedBy" = ${c.workerId}, "lockedUntil" = ${c.lockedUntil},
                     "attempts" = "attempts" + 1, "updatedAt" = ${c.now}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'queued' AND "runAt" <= ${c.now}) OR ("status" = 'running' AND "lockedUntil" < ${c.now})
      ORDER BY "runAt" LIMIT ${c.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

// One statement is one write transaction in SQLite, so the claim is atomic even between
// connections. Dates are stored as fixed-width ISO text ("2026-03-01T12:34:56.789+00:00") and
// the adapter sends Date parameters in that same form, so text comparison is time order.
function claimOnSqlite(db: Db, c: Claim) {
  return db.$queryRaw<Record<string, unknown>[]>`
    UPDATE "Job" SET "status" = 'running', "lockedBy" = ${c.workerId}, "lockedUntil" = ${c.lockedUntil},
                     "attempts" = "attempts" + 1, "updatedAt" = ${c.now}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'queued' AND "runAt" <= ${c.now}) OR ("status" = 'running' AND "lockedUntil" < ${c.now})
      ORDER BY "runAt" LIMIT ${c.limit})
    RETURNING *`;
}

/** Marks a claimed job succeeded. False when the claim was lost (lock expired, re-claimed). */
export async function completeJob(ctx: AppContext, job: Job): Promise<boolean> {
  const now = ctx.clock.now();
  const { count } = await ctx.db.job.updateMany({
    where: stillClaimed(job),
    data: { status: "succeeded", finishedAt: now, lockedUntil: null, lastError: null, updatedAt: now },
  });
  return count === 1;
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
  const now = ctx.clock.now();
  const lastError = describeError(error).slice(0, LAST_ERROR_MAX_CHARS);
  const settled = { lockedUntil: null, lastError, updatedAt: now };
  let data: Prisma.JobUpdateManyMutationInput;
  if (error instanceof RetryJobAfter) {
    const delayMs = Math.max(error.delayMs, MIN_REQUESTED_DELAY_MS);
    data = { ...settled, status: "queued", runAt: new Date(now.getTime() + delayMs), attempts: { decrement: 1 } };
  } else if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
    data = { ...settled, status: "failed", finishedAt: now };
  } else {
    data = { ...settled, status: "queued", runAt: new Date(now.getTime() + retryDelayMs(job.attempts)) };
  }
  const { count } = await ctx.db.job.updateMany({ where: stillClaimed(job), data });
  if (count === 0) return "lost";
  return data.status === "failed" ? "failed" : "retrying";
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

// The claim's identity: a worker whose lock expired and whose job was claimed again (maybe by
// itself) must not settle the newer run.
function stillClaimed(job: Job): Prisma.JobWhereInput {
  return { id: job.id, status: "running", lockedBy: job.lockedBy, lockedUntil: job.lockedUntil, attempts: job.attempts };
}

// Prisma exposes no public way to ask a client for its engine; both generated clients carry
// their provider here (exercised by the suite on both engines).
function engineOf(db: Db): "postgresql" | "sqlite" {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql" || provider === "sqlite") return provider;
  throw new Error(`Unsupported database provider "${provider}"`);
}

// Raw rows: both adapters already return Dates and numbers for these columns; this keeps the
// Job type honest should a driver start returning text.
function jobFromRow(row: Record<string, unknown>): Job {
  const date = (value: unknown) => (value == null || value instanceof Date ? value : new Date(String(value)));
  return {
    ...row,
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
    runAt: date(row.runAt),
    lockedUntil: date(row.lockedUntil),
    finishedAt: date(row.finishedAt),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
  } as Job;
}
