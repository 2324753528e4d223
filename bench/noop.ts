// No-op jobs per worker process: the app's worker pool (startWorker, default concurrency) in
// this process against a bare loop of the same statements (claim a batch, complete it) with
// nothing around them. The gap is what the pool itself costs: slots, signals, heartbeat timers,
// per-job promises and the completion batching.
import { systemClock } from "~/clock.server";
import { createDb, type Db } from "~/db.server";
import { claimDueJobs } from "~/jobs/claim.server";
import { completeJobs } from "~/jobs/queue.server";
import { createJobRegistry, defineJob } from "~/jobs/registry.server";
import { DEFAULT_CONCURRENCY, startWorker } from "~/jobs/worker.server";
import type { BenchDatabase } from "./support/app-under-test";
import { perSecond, seconds, verdict, waitFor } from "./support/sending";
import { ratio, type Table } from "./support/stats";

const NOOP_JOB = "bench-noop";
const GOAL_PER_SECOND = 3_000;
const WARM_UP = 500;

async function seedDue(db: Db, count: number) {
  const runAt = new Date(Date.now() - 1_000);
  for (let i = 0; i < count; i += 1_000) {
    await db.job.createMany({ data: Array.from({ length: Math.min(1_000, count - i) }, () => ({ kind: NOOP_JOB, payload: "{}", runAt })) });
  }
}

async function bareLoop(url: string, count: number) {
  const db = createDb(url);
  const ctx = { db, clock: systemClock };
  try {
    await seedDue(db, count);
    const started = Date.now();
    for (;;) {
      const jobs = await claimDueJobs(ctx, { workerId: "bench-bare-loop", limit: DEFAULT_CONCURRENCY, lockMs: 60_000 });
      if (jobs.length === 0) break;
      await completeJobs(ctx, jobs);
    }
    return Date.now() - started;
  } finally {
    await db.$disconnect();
  }
}

async function workerPool(url: string, count: number) {
  const db = createDb(url);
  const ctx = { db, clock: systemClock };
  const registry = createJobRegistry([defineJob({ kind: NOOP_JOB, parsePayload: (raw) => raw, run: async () => {} })]);
  try {
    await seedDue(db, count);
    const started = Date.now();
    const worker = startWorker(ctx, registry, { workerId: "bench-noop-worker", log: () => {} });
    await waitFor(async () => (await db.job.count({ where: { kind: NOOP_JOB, status: "succeeded", finishedAt: { gte: new Date(started) } } })) >= count, 10 * 60_000, "no-op jobs");
    await worker.stop();
    const last = await db.job.aggregate({ where: { kind: NOOP_JOB, finishedAt: { gte: new Date(started) } }, _max: { finishedAt: true } });
    return last._max.finishedAt!.getTime() - started;
  } finally {
    await db.$disconnect();
  }
}

export async function benchNoop(database: BenchDatabase, sizes: { noopJobs: number }): Promise<Table> {
  const n = sizes.noopJobs;
  // Warm-up of both (JIT, Prisma's query plans), so neither pays for going first.
  await bareLoop(database.url, WARM_UP);
  await workerPool(database.url, WARM_UP);
  const bareMs = await bareLoop(database.url, n);
  const poolMs = await workerPool(database.url, n);
  const poolRate = n / (poolMs / 1000);
  return {
    title: `4. No-op jobs: ${n.toLocaleString("en-US")} due at once, one worker process`,
    columns: ["figure", "startWorker (default concurrency)", "baseline: bare claim/complete loop", "worker/baseline", "goal"],
    rows: [
      ["jobs per second", perSecond(n, poolMs), perSecond(n, bareMs), ratio(bareMs, poolMs), verdict(poolRate >= GOAL_PER_SECOND, `≥ ${GOAL_PER_SECOND.toLocaleString("en-US")}/s`)],
      ["time to drain", seconds(poolMs), seconds(bareMs), "", ""],
    ],
    notes: [
      `The worker: the app's startWorker in the bench process with its own database client, default concurrency (${DEFAULT_CONCURRENCY}); timed from its start to the last job's finishedAt. Both ran ${WARM_UP} jobs first as a warm-up.`,
      `The baseline: one loop of claimDueJobs (batches of ${DEFAULT_CONCURRENCY}) and completeJobs, one after the other, on a client of its own: the queue's statements with no pool around them.`,
    ],
  };
}
