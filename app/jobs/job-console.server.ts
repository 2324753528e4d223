// The jobs console (the System page): what one shop's queue holds and what failed, with retry
// and cancel, as Solid Queue's Mission Control and Oban Web give their operators. Every read
// and every change is scoped to the shop, so a merchant never sees or touches another's jobs.
// Jobs of no shop (webhook ingestion) are not listed: no merchant owns them.
import type { AppContext } from "~/context.server";
import type { Prisma } from "~/db.server";
import { maskPhoneNumbers } from "~/phone-masking";
import { cancelShopJobs, retryFailedJobs } from "./queue.server";

export interface QueueDepth {
  kind: string;
  /** Queued and due: waiting for a worker. */
  dueNow: number;
  /** Queued for later (a held text, a step of a flow, a retry's backoff). */
  later: number;
  running: number;
}

export interface FailedJob {
  id: string;
  kind: string;
  /** The last error, phone numbers masked. */
  lastError: string | null;
  attempts: number;
  maxAttempts: number;
  failedAt: string | null;
}

export interface JobConsole {
  depth: QueueDepth[];
  /** The job waiting longest past its due time, and by how long. */
  oldestDue: { kind: string; runAt: string; lateMs: number } | null;
  failed: FailedJob[];
  failedCount: number;
}

/** The newest failures are listed; older ones are counted. */
export const FAILED_LISTED = 50;

export async function loadJobConsole(ctx: AppContext, shopId: string): Promise<JobConsole> {
  const [{ depth, oldestDue }, failed, failedCount] = await Promise.all([
    readQueueDepth(ctx, shopId),
    ctx.db.job.findMany({ where: { shopId, status: "failed" }, orderBy: { finishedAt: "desc" }, take: FAILED_LISTED }),
    ctx.db.job.count({ where: { shopId, status: "failed" } }),
  ]);
  return {
    depth,
    oldestDue,
    failed: failed.map((job) => ({
      id: job.id,
      kind: job.kind,
      lastError: job.lastError && maskPhoneNumbers(job.lastError),
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      failedAt: job.finishedAt?.toISOString() ?? null,
    })),
    failedCount,
  };
}

/** The queue by kind and its oldest due job: one shop's, or every shop's when no shop is given (/metrics). */
export async function readQueueDepth({ db, clock }: AppContext, shopId?: string): Promise<Pick<JobConsole, "depth" | "oldestDue">> {
  const now = clock.now();
  const counts = (where: Prisma.JobWhereInput) => db.job.groupBy({ by: ["kind"], where: { shopId, ...where }, _count: { _all: true } });
  const [dueNow, later, running, oldest] = await Promise.all([
    counts({ status: "queued", runAt: { lte: now } }),
    counts({ status: "queued", runAt: { gt: now } }),
    counts({ status: "running" }),
    db.job.findFirst({ where: { shopId, status: "queued", runAt: { lte: now } }, orderBy: { runAt: "asc" }, select: { kind: true, runAt: true } }),
  ]);
  const depth = new Map<string, QueueDepth>();
  const add = (rows: { kind: string; _count: { _all: number } }[], column: "dueNow" | "later" | "running") => {
    for (const row of rows) {
      const entry = depth.get(row.kind) ?? { kind: row.kind, dueNow: 0, later: 0, running: 0 };
      entry[column] = row._count._all;
      depth.set(row.kind, entry);
    }
  };
  add(dueNow, "dueNow");
  add(later, "later");
  add(running, "running");
  return {
    depth: [...depth.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    oldestDue: oldest && { kind: oldest.kind, runAt: oldest.runAt.toISOString(), lateMs: now.getTime() - oldest.runAt.getTime() },
  };
}

/** Puts one of the shop's failed jobs back in the queue; false when the shop has no such failed job. */
export async function retryJob(ctx: AppContext, shopId: string, jobId: string): Promise<boolean> {
  return (await retryFailedJobs(ctx, shopId, [jobId])) === 1;
}

/** Cancels one of the shop's queued or failed jobs; false when the shop has no such job. */
export async function cancelJob(ctx: AppContext, shopId: string, jobId: string, cancelledBy: string): Promise<boolean> {
  return (await cancelShopJobs(ctx, shopId, [jobId], `cancelled on the System page by ${cancelledBy}`)) === 1;
}
