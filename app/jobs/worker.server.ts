// Runs queued jobs: one claim (runDueJobs), everything due now (drainDueJobs, for the sandbox's
// clock), or a continuous pool in the app process or a process of its own (startWorker): a free
// slot takes the next job as soon as one is due, with no batch barrier; claims and completions
// go to the database in batches; a heartbeat renews the locks of running jobs.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep, setImmediate as turnOfTheEventLoop } from "node:timers/promises";
import type { AppContext } from "../context.server";
import { claimDueJobs, releaseJobs, renewLocks, rescueExpiredJobs } from "./claim.server";
import { coalesce } from "./coalesce";
import { onJobsQueued } from "./job-signals.server";
import { completeJobs, DEFAULT_RETENTION_MS, describeError, failJobs, PermanentJobError, pruneJobs, type Job } from "./queue.server";
import type { JobRegistry } from "./registry.server";
import { errorSummary, logger } from "../logger.server";
import { jobRunSeconds, jobsFinished } from "../metrics.server";

/** Receives one entry per failure, with the job's ids; never its payload, which can hold phone numbers and text. */
export type JobLogger = (fields: JobLogFields, message: string) => void;
export interface JobLogFields {
  jobId?: string;
  jobKind?: string;
  shopId?: string | null;
  attempt?: number;
  maxAttempts?: number;
  outcome?: JobOutcome;
  workerId?: string;
  /** errorSummary's lines: masked and short. */
  error?: string;
  settleError?: string;
  /** Jobs a stopping worker handed back. */
  released?: number;
}
const jobsLog = logger.child({ component: "jobs" });
/** A retry, or a job that another run took over, is a warning; an error that stops a job or the worker is an error. */
export const logJobEvent: JobLogger = (fields, message) => jobsLog[fields.error && fields.outcome !== "retrying" ? "error" : "warn"](fields, message);

/** Real time a claim holds without a heartbeat; the heartbeat renews it every third of that. */
export const DEFAULT_LOCK_MS = 60_000;
export const DEFAULT_CONCURRENCY = 50;
// Leaves the 10 s a platform gives a process between SIGTERM and SIGKILL room for the release.
const DEFAULT_SHUTDOWN_GRACE_MS = 8_000;
const PRUNE_EVERY_MS = 10 * 60_000;
const CLAIM_COOLDOWN_MS = 20;

export type JobOutcome = "succeeded" | "retrying" | "failed" | "lost";
export type JobRunCounts = { claimed: number } & Record<JobOutcome, number>;

export interface RunDueJobsOptions {
  /** Unique per running worker (see defaultWorkerId). */
  workerId: string;
  /** Jobs claimed at once; they run concurrently. */
  limit: number;
  lockMs?: number;
  log?: JobLogger;
  realNow?: () => Date;
}

export function defaultWorkerId(role = "worker"): string {
  return `${role}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

// Every claim this process is making or running. A drain waits for them: the jobs another
// worker of the process has claimed are invisible to the drain's own claim. It does not wait
// for another drain's claim that found nothing, or two drains would wait for each other for ever.
interface ClaimInFlight {
  byDrain: boolean;
  holdsJobs: boolean;
  settled: Promise<unknown>;
}
const claimsInFlight = new Set<ClaimInFlight>();
/** The workers of this process that have not been stopped: their locks are known to be held. */
const aliveWorkers = new Set<string>();

interface Claimed {
  count: number;
  /** One per claimed job, resolving with its outcome once the job is settled in the database. */
  outcomes: Promise<JobOutcome>[];
}

/** Claims and runs jobs for one worker id, settling the successes of many jobs in one statement. */
function createRunner(ctx: AppContext, registry: JobRegistry, options: Omit<RunDueJobsOptions, "limit">, byDrain: boolean) {
  const log = options.log ?? logJobEvent;
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  // The jobs that finish in one turn of the event loop are marked succeeded by one statement.
  const complete = coalesce(async (jobs: Job[]): Promise<JobOutcome[]> => {
    try {
      const settled = await completeJobs(ctx, jobs);
      return jobs.map((job) => {
        if (settled.has(job.id)) return "succeeded";
        log({ ...jobFields(job), outcome: "lost" }, "job finished after its lock expired; another run owns it now");
        return "lost";
      });
    } catch (error) {
      // The locks will expire and the jobs will run again: handlers are idempotent.
      for (const job of jobs) log({ ...jobFields(job), outcome: "lost", error: errorSummary(error) }, "job ran but could not be marked succeeded");
      return jobs.map(() => "lost");
    }
  });

  // Likewise the failures: a backlog sent back to wait for its sender's slots settles at once.
  const fail = coalesce(async (failures: { job: Job; error: unknown }[]): Promise<JobOutcome[]> => {
    try {
      const outcomes = await failJobs(ctx, failures);
      failures.forEach(({ job, error }, i) =>
        log({ ...jobFields(job), outcome: outcomes[i], error: errorSummary(error) }, outcomes[i] === "retrying" ? "job will retry" : `job ${outcomes[i]}`),
      );
      return outcomes;
    } catch (settleError) {
      for (const { job, error } of failures) {
        log({ ...jobFields(job), outcome: "lost", error: errorSummary(error), settleError: errorSummary(settleError) }, "job failed and could not be settled");
      }
      return failures.map(() => "lost");
    }
  });

  const settle = (job: Job, run: Promise<void>): Promise<JobOutcome> => {
    const timer = jobRunSeconds.startTimer({ kind: job.kind });
    return run
      .then(
        () => complete(job),
        (error: unknown) => fail({ job, error }),
      )
      .then((outcome) => {
        timer();
        jobsFinished.inc({ kind: job.kind, outcome });
        return outcome;
      });
  };

  const start = (jobs: Job[]): Promise<JobOutcome>[] => {
    const byKind = new Map<string, Job[]>();
    for (const job of jobs) byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), job]);
    return [...byKind.values()].flatMap((group) => runGroup(ctx, registry, group).map((run, i) => settle(group[i]!, run)));
  };

  return {
    claim(limit: number): Promise<Claimed> {
      const entry: ClaimInFlight = { byDrain, holdsJobs: false, settled: Promise.resolve() };
      const claimed = claimDueJobs(ctx, { workerId: options.workerId, limit, lockMs, realNow: options.realNow }).then((jobs) => {
        if (jobs.length > 0) entry.holdsJobs = true;
        return { count: jobs.length, outcomes: start(jobs) };
      });
      // A failed claim is the claimer's to handle; a drain waiting on it only needs it over, and
      // a rejection left unhandled here would end the process.
      entry.settled = claimed.then(({ outcomes }) => Promise.all(outcomes), () => undefined).finally(() => claimsInFlight.delete(entry));
      claimsInFlight.add(entry);
      return claimed;
    },
    heartbeat: () => renewLocks(ctx, { workerId: options.workerId, lockMs, realNow: options.realNow }),
  };
}

// The jobs of one kind claimed together: one runBatch call when the kind has one, so it can
// share its reads and writes, else a run each. Either way every job settles on its own.
function runGroup(ctx: AppContext, registry: JobRegistry, jobs: Job[]): Promise<void>[] {
  let definition;
  try {
    definition = registry.definitionFor(jobs[0]!.kind);
  } catch (error) {
    return jobs.map(() => Promise.reject(error));
  }
  const parsed = jobs.map((job) => parseJob(definition, job));
  const runnable = parsed.flatMap((entry, i) => ("payload" in entry ? [{ payload: entry.payload, job: jobs[i]! }] : []));
  let runs: Promise<void>[];
  if (definition.runBatch && runnable.length > 0) {
    try {
      runs = definition.runBatch(ctx, runnable);
    } catch (error) {
      runs = runnable.map(() => Promise.reject(error));
    }
  } else {
    runs = runnable.map(({ payload, job }) => Promise.resolve().then(() => definition.run(ctx, payload, job)));
  }
  let next = 0;
  return parsed.map((entry) => ("error" in entry ? Promise.reject(entry.error) : runs[next++]!));
}

function parseJob(definition: ReturnType<JobRegistry["definitionFor"]>, job: Job): { payload: unknown } | { error: Error } {
  if (job.attempts > job.maxAttempts) {
    return { error: new PermanentJobError(`Gave up after ${job.maxAttempts} attempts whose locks expired (worker crashed or handler too slow)`) };
  }
  try {
    return { payload: definition.parsePayload(JSON.parse(job.payload)) };
  } catch (error) {
    return { error: new PermanentJobError(`Invalid payload for "${job.kind}": ${describeError(error)}`) };
  }
}

function jobFields(job: Job): JobLogFields {
  return { jobId: job.id, jobKind: job.kind, shopId: job.shopId, attempt: job.attempts, maxAttempts: job.maxAttempts };
}

async function countOutcomes(claimed: Claimed): Promise<JobRunCounts> {
  const counts: JobRunCounts = { claimed: claimed.count, succeeded: 0, retrying: 0, failed: 0, lost: 0 };
  for (const outcome of await Promise.all(claimed.outcomes)) counts[outcome] += 1;
  return counts;
}

/** Claims one batch of due jobs and runs it. Handler errors settle the job; they never throw. */
export async function runDueJobs(ctx: AppContext, registry: JobRegistry, options: RunDueJobsOptions): Promise<JobRunCounts> {
  return countOutcomes(await createRunner(ctx, registry, options, false).claim(options.limit));
}

export interface DrainOptions {
  /** Bound on claims, so a job that always enqueues more work for "now" cannot loop forever. */
  maxBatches?: number;
  limit?: number;
  log?: JobLogger;
}

/**
 * Runs claims until nothing is due at the clock's current time and no worker of this process
 * is still claiming or running jobs, including jobs that jobs enqueue for now; retries land
 * in the future (≥ 1 s), so they wait for the clock to move. Jobs locked by a worker of another
 * process are left to it.
 */
export async function drainDueJobs(ctx: AppContext, registry: JobRegistry, options: DrainOptions = {}): Promise<JobRunCounts> {
  const { maxBatches = 100, limit = 50 } = options;
  const workerId = defaultWorkerId("drain");
  const runner = createRunner(ctx, registry, { workerId, log: options.log }, true);
  aliveWorkers.add(workerId);
  try {
    return await drainWith(runner, maxBatches, limit);
  } finally {
    aliveWorkers.delete(workerId);
  }
}

async function drainWith(runner: ReturnType<typeof createRunner>, maxBatches: number, limit: number): Promise<JobRunCounts> {
  const total: JobRunCounts = { claimed: 0, succeeded: 0, retrying: 0, failed: 0, lost: 0 };
  for (let batch = 0; batch < maxBatches; ) {
    const counts = await countOutcomes(await runner.claim(limit));
    for (const key of Object.keys(total) as (keyof JobRunCounts)[]) total[key] += counts[key];
    if (counts.claimed > 0) {
      batch++;
      continue;
    }
    // What the other workers hold may enqueue more for now: look again once they have settled.
    const others = [...claimsInFlight].filter((other) => other.holdsJobs || !other.byDrain);
    if (others.length === 0) return total;
    await Promise.allSettled(others.map((other) => other.settled));
  }
  throw new Error(`drainDueJobs: jobs still due after ${maxBatches} batches (${total.claimed} run); does a job keep enqueueing work for now?`);
}

export interface WorkerOptions {
  /**
   * Asked before each claim with the number of free slots; resolves with how many to claim now.
   * A worker sharing its process with the web server waits here while webhooks are being answered.
   */
  pace?: (limit: number) => Promise<number>;
  /** The backstop: how often an idle worker looks for due jobs nobody signalled. */
  pollMs?: number;
  workerId?: string;
  /** Jobs running at once. */
  concurrency?: number;
  lockMs?: number;
  /** Succeeded and cancelled jobs are deleted this long after they finished (default 7 days). */
  retentionMs?: number;
  /** How long stop() lets running jobs finish before it releases them (default 8 s). */
  shutdownGraceMs?: number;
  log?: JobLogger;
}

export interface RunningWorker {
  readonly workerId: string;
  /**
   * Stops claiming and resolves once the jobs in flight have been settled, or once the grace
   * period is over and the ones still running have been released to other workers.
   */
  stop(): Promise<void>;
}

/** Runs jobs as they come due until stopped. */
export function startWorker(ctx: AppContext, registry: JobRegistry, options: WorkerOptions = {}): RunningWorker {
  const { pollMs = 1_000, concurrency = DEFAULT_CONCURRENCY, lockMs = DEFAULT_LOCK_MS, workerId = defaultWorkerId() } = options;
  const { retentionMs = DEFAULT_RETENTION_MS, shutdownGraceMs = DEFAULT_SHUTDOWN_GRACE_MS } = options;
  const log = options.log ?? logJobEvent;
  const runner = createRunner(ctx, registry, { workerId, lockMs, log }, false);
  const inFlight = new Set<Promise<unknown>>();
  let running = 0;
  let claiming = false;
  let claimDone: Promise<void> = Promise.resolve();
  // Set when a claim came back short: nothing more is due until a signal or the next poll says so.
  let idle = false;
  let stopping = false;

  const fill = () => {
    if (stopping || claiming || idle || running >= concurrency) return;
    claiming = true;
    claimDone = (async () => {
      try {
        // The event loop gets a turn first, so a worker in the web process does not hold HTTP
        // requests back claim after claim. While most slots are busy, the ones that free up
        // within a few milliseconds are filled by one claim (Oban's dispatch cooldown): a claim
        // per finished job would make every batch one job long.
        await turnOfTheEventLoop();
        if (running > 0 && concurrency - running < concurrency / 10) await sleep(CLAIM_COOLDOWN_MS);
        const free = concurrency - running;
        const size = options.pace ? await options.pace(free) : free;
        const { count, outcomes } = await runner.claim(size);
        if (count < size) idle = true;
        running += count;
        for (const outcome of outcomes) {
          const done = outcome.finally(() => {
            running -= 1;
            inFlight.delete(done);
            fill();
          });
          inFlight.add(done);
        }
      } catch (error) {
        idle = true;
        log({ workerId, error: errorSummary(error) }, "worker could not claim jobs");
      } finally {
        claiming = false;
      }
      fill();
    })();
  };
  const wake = () => {
    idle = false;
    fill();
  };

  const housekeeping = async (work: () => Promise<unknown>, what: string) => {
    try {
      await work();
    } catch (error) {
      log({ workerId, error: errorSummary(error) }, `worker could not ${what}`);
    }
  };
  const timers = [
    setInterval(wake, pollMs),
    setInterval(() => {
      if (running > 0) void housekeeping(runner.heartbeat, "renew its locks");
      void housekeeping(() => rescueExpiredJobs(ctx), "rescue expired jobs");
    }, lockMs / 3),
    setInterval(() => void housekeeping(() => pruneJobs(ctx, { olderThan: new Date(ctx.clock.now().getTime() - retentionMs) }), "prune jobs"), PRUNE_EVERY_MS),
  ];
  const stopListening = onJobsQueued(wake);
  aliveWorkers.add(workerId);
  wake();
  return {
    workerId,
    async stop() {
      stopping = true;
      aliveWorkers.delete(workerId);
      stopListening();
      for (const timer of timers) clearInterval(timer);
      await claimDone;
      const grace = new AbortController();
      const settled = (async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        return true;
      })();
      const graceOver = sleep(shutdownGraceMs, false, { signal: grace.signal }).catch(() => false);
      const finished = await Promise.race([settled, graceOver]);
      grace.abort();
      if (finished) return;
      const released = await releaseJobs(ctx, { workerId });
      log({ workerId, released }, "worker stopped with jobs still running; released them to other workers");
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
  // The time the clock skips passes for the locks of workers elsewhere too: one that died (a
  // process killed mid-send) has its jobs taken back, as real time would have done.
  const skippedMs = Math.max(0, target.getTime() - clock.now().getTime());
  await rescueExpiredJobs(ctx, { realNow: () => new Date(Date.now() + skippedMs), aliveWorkers: [...aliveWorkers] });
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
