// How workers take jobs: one statement claims up to N due jobs, by priority and with the shops
// taken in turn, so one shop's backlog never starves another's jobs of the same priority. A
// claim holds a lock in real time that the worker's heartbeat renews (renewLocks); a worker that
// dies stops renewing, and once its locks have expired its jobs are queued again (rescueExpiredJobs).
//
// Locks are in real time, not the app clock: they measure whether a process is alive, and the
// sandbox's virtual clock jumps hours while a job runs.
import type { AppContext } from "../context.server";
import { engineOf, sqlBuildersOf, type Db } from "../db.server";
import { announce, JOB_PRIORITY, jobFromRow, type Job } from "./queue.server";

export interface ClaimOptions {
  workerId: string;
  limit: number;
  /** How long the claim holds unless renewed. */
  lockMs: number;
  realNow?: () => Date;
}

/**
 * Atomically marks up to `limit` due jobs as running for this worker and returns them in the
 * order to start them. Each claim counts as an attempt, so a job that keeps killing workers runs out.
 */
export async function claimDueJobs(ctx: AppContext, options: ClaimOptions): Promise<Job[]> {
  if (options.limit < 1) return [];
  const claim = {
    ...options,
    now: ctx.clock.now(),
    lockedUntil: new Date((options.realNow?.() ?? new Date()).getTime() + options.lockMs),
  };
  const rows = engineOf(ctx.db) === "postgresql" ? await claimOnPostgres(ctx.db, claim) : await claimOnSqlite(ctx.db, claim);
  return rows.map(jobFromRow).sort((a, b) => a.priority - b.priority || a.runAt.getTime() - b.runAt.getTime());
}

type Claim = ClaimOptions & { now: Date; lockedUntil: Date };

// Both engines find the shops with queued jobs by skipping through the (status, shopId, …) index
// one shop at a time, take each shop's first `limit` due jobs, and claim the best `limit` of
// those ranked by priority and then by each job's place in its shop's line.
//
// Each step of the recursion is one index probe for the next shop id, however many jobs each
// shop has queued; the last step yields NULL, which ends it.
//
// A shop's due jobs are read one priority at a time, each a seek to the due end of that
// priority's range: read in (priority, runAt) order in one go, a claim would step over every
// job of a higher priority that is not due yet (a slow number's backlog lined up for hours)
// before it reached the due jobs behind them. Jobs of no shop (webhook ingestion, upkeep) are
// never lined up like that, so they keep the one read.
function shopsWithQueuedJobs(db: Db) {
  const { sql, join } = sqlBuildersOf(db);
  const priorities = join(Object.values(JOB_PRIORITY).map((priority) => sql`(CAST(${priority} AS INTEGER))`));
  return sql`"shops"("shopId") AS (
      SELECT (SELECT "shopId" FROM "Job" WHERE "status" = 'queued' AND "shopId" IS NOT NULL ORDER BY "shopId" LIMIT 1)
      UNION ALL
      SELECT (SELECT "shopId" FROM "Job" WHERE "status" = 'queued' AND "shopId" > "shops"."shopId" ORDER BY "shopId" LIMIT 1)
      FROM "shops" WHERE "shops"."shopId" IS NOT NULL),
    "priorities"("priority") AS (VALUES ${priorities})`;
}

// PostgreSQL: SKIP LOCKED in each shop's subquery lets concurrent workers take disjoint rows
// instead of queueing behind each other. The pg adapter sends a Date as UTC text without a zone,
// which PostgreSQL reads as timestamp(3) exactly as stored.
function claimOnPostgres(db: Db, c: Claim) {
  return db.$queryRaw<Record<string, unknown>[]>(sqlBuildersOf(db).sql`
    WITH RECURSIVE ${shopsWithQueuedJobs(db)}, "candidates" AS (
      SELECT "due"."id", "due"."priority", "due"."runAt",
             row_number() OVER (PARTITION BY "shops"."shopId" ORDER BY "due"."priority", "due"."runAt") AS "turn"
      FROM "shops" CROSS JOIN "priorities" CROSS JOIN LATERAL (
        SELECT "id", "priority", "runAt" FROM "Job"
        WHERE "status" = 'queued' AND "shopId" = "shops"."shopId" AND "priority" = "priorities"."priority" AND "runAt" <= ${c.now}
        ORDER BY "runAt" LIMIT ${c.limit}
        FOR UPDATE SKIP LOCKED) AS "due"
      UNION ALL
      SELECT "id", "priority", "runAt", row_number() OVER (ORDER BY "priority", "runAt") FROM (
        SELECT "id", "priority", "runAt" FROM "Job"
        WHERE "status" = 'queued' AND "shopId" IS NULL AND "runAt" <= ${c.now}
        ORDER BY "priority", "runAt" LIMIT ${c.limit}
        FOR UPDATE SKIP LOCKED) AS "unowned"
    )
    UPDATE "Job" SET "status" = 'running', "lockedBy" = ${c.workerId}, "lockedUntil" = ${c.lockedUntil},
                     "attempts" = "attempts" + 1, "updatedAt" = ${c.now}
    WHERE "id" IN (SELECT "id" FROM "candidates" ORDER BY "priority", "turn", "runAt" LIMIT ${c.limit})
    RETURNING *`);
}

// One statement is one write transaction in SQLite, so the claim is atomic even between
// connections. Without statistics SQLite's planner takes the (status, runAt) index for a shop's
// due jobs and sorts every due job of every shop; the per-shop index reads only the first N. Dates are stored as fixed-width ISO text ("2026-03-01T12:34:56.789+00:00") and
// the adapter sends Date parameters in that same form, so text comparison is time order.
function claimOnSqlite(db: Db, c: Claim) {
  return db.$queryRaw<Record<string, unknown>[]>(sqlBuildersOf(db).sql`
    WITH RECURSIVE ${shopsWithQueuedJobs(db)}, "candidates" AS (
      SELECT "Job"."id", "Job"."priority", "Job"."runAt",
             row_number() OVER (PARTITION BY "Job"."shopId" ORDER BY "Job"."priority", "Job"."runAt") AS "turn"
      FROM "shops" CROSS JOIN "priorities" JOIN "Job" ON "Job"."id" IN (
        SELECT "id" FROM "Job" AS "due" INDEXED BY "Job_status_shopId_priority_runAt_idx"
        WHERE "due"."status" = 'queued' AND "due"."shopId" = "shops"."shopId" AND "due"."priority" = "priorities"."priority" AND "due"."runAt" <= ${c.now}
        ORDER BY "due"."runAt" LIMIT ${c.limit})
      UNION ALL
      SELECT "id", "priority", "runAt", row_number() OVER (ORDER BY "priority", "runAt") FROM (
        SELECT "id", "priority", "runAt" FROM "Job"
        WHERE "status" = 'queued' AND "shopId" IS NULL AND "runAt" <= ${c.now}
        ORDER BY "priority", "runAt" LIMIT ${c.limit})
    )
    UPDATE "Job" SET "status" = 'running', "lockedBy" = ${c.workerId}, "lockedUntil" = ${c.lockedUntil},
                     "attempts" = "attempts" + 1, "updatedAt" = ${c.now}
    WHERE "id" IN (SELECT "id" FROM "candidates" ORDER BY "priority", "turn", "runAt" LIMIT ${c.limit})
    RETURNING *`);
}

/** The heartbeat: extends the locks of every job this worker is running. */
export async function renewLocks(ctx: AppContext, { workerId, lockMs, realNow }: Omit<ClaimOptions, "limit">): Promise<number> {
  const lockedUntil = new Date((realNow?.() ?? new Date()).getTime() + lockMs);
  const { count } = await ctx.db.job.updateMany({ where: { status: "running", lockedBy: workerId }, data: { lockedUntil } });
  return count;
}

/**
 * Queues again the jobs whose worker stopped renewing its lock (it crashed or hung), except
 * those of `aliveWorkers`. The attempt they used stays counted. Returns how many were rescued.
 */
export async function rescueExpiredJobs(
  ctx: AppContext,
  { realNow, aliveWorkers = [] }: { realNow?: () => Date; aliveWorkers?: string[] } = {},
): Promise<number> {
  const now = realNow?.() ?? new Date();
  const { count } = await ctx.db.job.updateMany({
    where: { status: "running", lockedUntil: { lt: now }, lockedBy: { notIn: aliveWorkers } },
    data: { status: "queued", lockedBy: null, lockedUntil: null, updatedAt: ctx.clock.now() },
  });
  return count;
}

/**
 * A worker shutting down hands back the jobs it is still running, so another worker takes them
 * at once instead of after their lock expires. Handlers are idempotent, and the attempt is not
 * counted: the run was interrupted, not failed. Returns how many were released.
 */
export async function releaseJobs(ctx: AppContext, { workerId }: { workerId: string }): Promise<number> {
  const { count } = await ctx.db.job.updateMany({
    where: { status: "running", lockedBy: workerId },
    data: { status: "queued", lockedBy: null, lockedUntil: null, attempts: { decrement: 1 }, updatedAt: ctx.clock.now() },
  });
  if (count > 0) await announce(ctx.db);
  return count;
}
