// Runs queued jobs: one batch (runDueJobs), everything due now (drainDueJobs, for the
// sandbox's clock), or a polling loop in the app process or a process of its own (startWorker).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setImmediate as turnOfTheEventLoop } from "node:timers/promises";
import type { AppContext } from "../context.server";
import { claimDueJobs, completeJob, describeError, failJob, PermanentJobError, type Job } from "./queue.server";
import type { JobRegistry } from "./registry.server";

/** Receives one line per failure; never the payload, which can hold phone numbers and text. */
export type JobLogger = (line: string) => void;
const logToStderr: JobLogger = (line) => console.error(line);

/** Longer than any handler should take; past it the job is presumed lost and runs again. */
export const DEFAULT_LOCK_MS = 5 * 60_000;
const LOG_LINE_MAX_CHARS = 300;

export type JobOutcome = "succeeded" | "retrying" | "failed" | "lost";
export type JobRunCounts = { claimed: number } & Record<JobOutcome, number>;

export interface RunDueJobsOptions {
  /** Unique per running worker (see defaultWorkerId). */
  workerId: string;
  /** Jobs claimed per batch; they run concurrently. */
  limit: number;
  lockMs?: number;
  log?: JobLogger;
}

export function defaultWorkerId(role = "worker"): string {
  return `${role}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

// Every batch this process is claiming or running. A drain waits for them: the jobs another
// worker of the process has claimed are invisible to the drain's own claim. It does not wait
// for another drain's claim that found nothing, or two drains would wait for each other for ever.
interface BatchInFlight {
  byDrain: boolean;
  holdsJobs: boolean;
  settled: Promise<unknown>;
}
const batchesInFlight = new Set<BatchInFlight>();

/** Claims one batch of due jobs and runs it. Handler errors settle the job; they never throw. */
export function runDueJobs(ctx: AppContext, registry: JobRegistry, options: RunDueJobsOptions): Promise<JobRunCounts> {
  return runBatch(ctx, registry, options, false);
}

function runBatch(ctx: AppContext, registry: JobRegistry, options: RunDueJobsOptions, byDrain: boolean): Promise<JobRunCounts> {
  const batch: BatchInFlight = { byDrain, holdsJobs: false, settled: Promise.resolve() };
  const counts = claimAndRun(ctx, registry, options, () => (batch.holdsJobs = true)).finally(() => batchesInFlight.delete(batch));
  batch.settled = counts;
  batchesInFlight.add(batch);
  return counts;
}

async function claimAndRun(ctx: AppContext, registry: JobRegistry, options: RunDueJobsOptions, onClaimed: () => void): Promise<JobRunCounts> {
  const log = options.log ?? logToStderr;
  const jobs = await claimDueJobs(ctx, {
    workerId: options.workerId,
    limit: options.limit,
    lockMs: options.lockMs ?? DEFAULT_LOCK_MS,
  });
  if (jobs.length > 0) onClaimed();
  const outcomes = await Promise.all(jobs.map((job) => runClaimedJob(ctx, registry, job, log)));
  const counts: JobRunCounts = { claimed: jobs.length, succeeded: 0, retrying: 0, failed: 0, lost: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}

async function runClaimedJob(ctx: AppContext, registry: JobRegistry, job: Job, log: JobLogger): Promise<JobOutcome> {
  try {
    await runHandler(ctx, registry, job);
  } catch (error) {
    return settleFailure(ctx, job, error, log);
  }
  try {
    if (await completeJob(ctx, job)) return "succeeded";
    log(oneLine(`[jobs] ${label(job)} finished after its lock expired; another run owns it now`));
  } catch (error) {
    // The lock will expire and the job will run again: handlers are idempotent.
    log(oneLine(`[jobs] ${label(job)} ran but could not be marked succeeded: ${describeError(error)}`));
  }
  return "lost";
}

async function runHandler(ctx: AppContext, registry: JobRegistry, job: Job): Promise<void> {
  const definition = registry.definitionFor(job.kind);
  if (job.attempts > job.maxAttempts) {
    throw new PermanentJobError(`Gave up after ${job.maxAttempts} attempts whose locks expired (worker crashed or handler too slow)`);
  }
  let payload: unknown;
  try {
    payload = definition.parsePayload(JSON.parse(job.payload));
  } catch (error) {
    throw new PermanentJobError(`Invalid payload for "${job.kind}": ${describeError(error)}`);
  }
  await definition.run(ctx, payload, job);
}

async function settleFailure(ctx: AppContext, job: Job, error: unknown, log: JobLogger): Promise<JobOutcome> {
  try {
    const outcome = await failJob(ctx, job, error);
    log(oneLine(`[jobs] ${label(job)} ${outcome === "retrying" ? "will retry" : outcome}: ${describeError(error)}`));
    return outcome;
  } catch (settleError) {
    log(oneLine(`[jobs] ${label(job)} failed (${describeError(error)}) and could not be settled: ${describeError(settleError)}`));
    return "lost";
  }
}

function label(job: Job): string {
  return `job ${job.id} (${job.kind}) attempt ${job.attempts}/${job.maxAttempts}`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > LOG_LINE_MAX_CHARS ? `${line.slice(0, LOG_LINE_MAX_CHARS - 1)}…` : line;
}

export interface DrainOptions {
  /** Bound on batches, so a job that always enqueues more work for "now" cannot loop forever. */
  maxBatches?: number;
  limit?: number;
  log?: JobLogger;
}

/**
 * Runs batches until nothing is due at the clock's current time and no worker of this process
 * is still claiming or running a batch, including jobs that jobs enqueue for now; retries land
 * in the future (≥ 1 s), so they wait for the clock to move. Jobs locked by a worker of another
 * process are left to it.
 */
export async function drainDueJobs(ctx: AppContext, registry: JobRegistry, options: DrainOptions = {}): Promise<JobRunCounts> {
  const { maxBatches = 100, limit = 50 } = options;
  const workerId = defaultWorkerId("drain");
  const total: JobRunCounts = { claimed: 0, succeeded: 0, retrying: 0, failed: 0, lost: 0 };
  for (let batch = 0; batch < maxBatches; ) {
    const counts = await runBatch(ctx, registry, { workerId, limit, log: options.log }, true);
    for (const key of Object.keys(total) as (keyof JobRunCounts)[]) total[key] += counts[key];
    if (counts.claimed > 0) {
      batch++;
      continue;
    }
    // What the other workers hold may enqueue more for now: look again once they have settled.
    const others = [...batchesInFlight].filter((other) => other.holdsJobs || !other.byDrain);
    if (others.length === 0) return total;
    await Promise.allSettled(others.map((other) => other.settled));
  }
  throw new Error(`drainDueJobs: jobs still due after ${maxBatches} batches (${total.claimed} run); does a job keep enqueueing work for now?`);
}

export interface WorkerOptions {
  /**
   * Asked before each batch with the usual batch size; resolves with the size to claim now. A
   * worker sharing its process with the web server waits here while webhooks are being answered.
   */
  pace?: (limit: number) => Promise<number>;
  pollMs?: number;
  workerId?: string;
  limit?: number;
  lockMs?: number;
  log?: JobLogger;
}

export interface RunningWorker {
  readonly workerId: string;
  /** Stops polling and resolves once the jobs in flight have been settled. */
  stop(): Promise<void>;
}

const wakers = new Set<() => void>();

/** Work was queued for now in this process: its workers look at once instead of at their next poll. */
export function jobsQueued() {
  for (const wake of wakers) wake();
}

/** Polls for due jobs until stopped; a full batch is followed at once by the next. */
export function startWorker(ctx: AppContext, registry: JobRegistry, options: WorkerOptions = {}): RunningWorker {
  const { pollMs = 1_000, limit = 10, lockMs, workerId = defaultWorkerId() } = options;
  const log = options.log ?? logToStderr;
  let stopping = false;
  // Set when woken mid-batch, so the jobs queued meanwhile do not wait for the next poll.
  let woken = false;
  let endPause = () => {};
  const wake = () => {
    woken = true;
    endPause();
  };
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, pollMs);
      endPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  wakers.add(wake);
  const loop = (async () => {
    while (!stopping) {
      let claimed = 0;
      // A full batch is followed at once by the next: the event loop gets a turn in between, so
      // a worker in the web process does not hold HTTP requests back batch after batch.
      await turnOfTheEventLoop();
      const batch = options.pace ? await options.pace(limit) : limit;
      try {
        ({ claimed } = await runDueJobs(ctx, registry, { workerId, limit: batch, lockMs, log }));
      } catch (error) {
        log(oneLine(`[jobs] worker ${workerId} could not claim jobs: ${describeError(error)}`));
      }
      if (!stopping && claimed < batch) await pause();
      woken = false;
    }
  })();
  return {
    workerId,
    async stop() {
      stopping = true;
      wakers.delete(wake);
      wake();
      await loop;
    },
  };
}

/**
 * Moves a virtual clock to `target` the way real time would pass: it stops at each job's due
 * time on the way and runs what is due, so work a job schedules for later in the interval (the
 * next step of a flow, a retry) runs at its own time, not all at once at the end.
 */
export async function advanceClockThroughJobs(
  ctx: AppContext,
  registry: JobRegistry,
  clock: { now(): Date; setTo(at: Date): Date },
  target: Date,
  options: DrainOptions & { maxStops?: number } = {},
): Promise<void> {
  const { maxStops = 10_000 } = options;
  await drainDueJobs(ctx, registry, options);
  for (let stop = 0; stop < maxStops; stop++) {
    const next = await ctx.db.job.findFirst({
      where: { status: "queued", runAt: { gt: clock.now(), lte: target } },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    });
    clock.setTo(next?.runAt ?? target);
    await drainDueJobs(ctx, registry, options);
    if (!next) return;
  }
  throw new Error(`advanceClockThroughJobs: more than ${maxStops} stops before ${target.toISOString()}`);
}
