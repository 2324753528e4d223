import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { createDb, engineOf, type Db } from "~/db.server";
import { useTestDatabase } from "../../tests/support/database";
import { listenForJobs, onJobsQueued } from "./job-signals.server";
import { cancelJobs, enqueueJob, enqueueJobs, PermanentJobError } from "./queue.server";
import { createJobRegistry, defineJob, type JobDefinition } from "./registry.server";
import { advanceClockThroughJobs, drainDueJobs, runDueJobs, startWorker, type JobLogFields, type JobLogger } from "./worker.server";

const { db, url } = useTestDatabase();
const START = new Date("2026-03-02T15:00:00.000Z");
let clock: VirtualClock;
let ctx: AppContext;
let logged: (JobLogFields & { message: string })[];
const log: JobLogger = (fields, message) => logged.push({ ...fields, message });
const job = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
const anyPayload = (raw: unknown) => raw;

// Test files share a database: leave no job of a kind only these tests know.
afterAll(() => db.job.deleteMany());

beforeEach(async () => {
  await db.job.deleteMany();
  clock = new VirtualClock(START);
  ctx = { db, clock };
  logged = [];
});

/** A kind that records which job ids ran, and how often. */
function recordingJob(kind: string, runs = new Map<string, number>()) {
  const definition = defineJob({
    kind,
    parsePayload: anyPayload,
    async run(_ctx, _payload, job) {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve)); // let the other worker in
    },
  });
  return { definition, runs };
}

describe("runDueJobs", () => {
  it("two workers race for 1,000 due jobs and every job runs exactly once", async () => {
    const { definition, runs } = recordingJob("test.count");
    const registry = createJobRegistry([definition]);
    for (let i = 0; i < 1_000; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => enqueueJob(ctx, { kind: "test.count", payload: { n: i + j } })));
    }
    const work = async (workerDb: Db, workerId: string) => {
      let ran = 0;
      for (;;) {
        const counts = await runDueJobs({ db: workerDb, clock }, registry, { workerId, limit: 25, log });
        if (counts.claimed === 0) return ran;
        ran += counts.succeeded;
      }
    };
    const [dbA, dbB] = [createDb(url), createDb(url)];
    const [ranA, ranB] = await Promise.all([work(dbA, "worker-a"), work(dbB, "worker-b")]).finally(() =>
      Promise.all([dbA.$disconnect(), dbB.$disconnect()]),
    );
    expect([...runs.values()].filter((n) => n !== 1)).toEqual([]);
    expect(runs.size).toBe(1_000);
    expect(ranA + ranB).toBe(1_000);
    // Both took part, or there was no race to survive.
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    expect(await db.job.count({ where: { status: "succeeded" } })).toBe(1_000);
    expect(logged).toEqual([]);
  });

  it("a job that throws is retried with backoff and ends failed after maxAttempts", async () => {
    const attempts: number[] = [];
    const registry = createJobRegistry([
      defineJob({
        kind: "test.broken",
        parsePayload: anyPayload,
        async run(_ctx, _payload, job) {
          attempts.push(job.attempts);
          throw new Error(`provider down (try ${job.attempts})`);
        },
      }),
    ]);
    const queued = await enqueueJob(ctx, { kind: "test.broken", payload: { secret: "do-not-log" }, maxAttempts: 3 });
    const expectedBase = [30_000, 60_000];
    for (const base of expectedBase) {
      const before = clock.now().getTime();
      expect(await runDueJobs(ctx, registry, { workerId: "w", limit: 5, log })).toMatchObject({ claimed: 1, retrying: 1 });
      const retry = await job(queued.id);
      expect(retry.runAt.getTime() - before).toBeGreaterThanOrEqual(base);
      expect(retry.runAt.getTime() - before).toBeLessThanOrEqual(base * 1.1);
      clock.setTo(new Date(retry.runAt.getTime() - 1));
      expect((await runDueJobs(ctx, registry, { workerId: "w", limit: 5, log })).claimed).toBe(0);
      clock.setTo(retry.runAt);
    }
    expect(await runDueJobs(ctx, registry, { workerId: "w", limit: 5, log })).toMatchObject({ claimed: 1, failed: 1 });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await job(queued.id)).toMatchObject({ status: "failed", attempts: 3, lastError: "Error: provider down (try 3)" });
    clock.advanceMinutes(24 * 60);
    expect((await runDueJobs(ctx, registry, { workerId: "w", limit: 5, log })).claimed).toBe(0);
    expect(logged).toHaveLength(3);
    expect(JSON.stringify(logged)).not.toContain("do-not-log");
    expect(logged[2]).toMatchObject({ message: "job failed", jobId: queued.id, jobKind: "test.broken", attempt: 3, maxAttempts: 3, error: "Error: provider down (try 3)" });
  });

  it("a cancelled job never runs, even when due", async () => {
    const { definition, runs } = recordingJob("test.reminder");
    const cancelled = await enqueueJob(ctx, { kind: "test.reminder", payload: {}, dedupeKey: "cart:1:reminder" });
    const kept = await enqueueJob(ctx, { kind: "test.reminder", payload: {}, dedupeKey: "cart:2:reminder" });
    await db.$transaction((tx) => cancelJobs(ctx, { dedupeKeyPrefix: "cart:1:" }, "order placed", tx));
    clock.advanceMinutes(60);
    expect(await runDueJobs(ctx, createJobRegistry([definition]), { workerId: "w", limit: 10, log })).toMatchObject({ claimed: 1, succeeded: 1 });
    expect([...runs.keys()]).toEqual([kept.id]);
    expect(await job(cancelled.id)).toMatchObject({ status: "cancelled", cancelReason: "order placed", attempts: 0 });
  });

  it("fails unknown kinds, bad payloads and permanent errors at once, with a clear error", async () => {
    const strict: JobDefinition<{ to: string }> = defineJob({
      kind: "test.strict",
      parsePayload(raw) {
        if (typeof (raw as { to?: unknown })?.to !== "string") throw new TypeError("to must be a string");
        return raw as { to: string };
      },
      async run() {
        throw new PermanentJobError("landline");
      },
    });
    const registry = createJobRegistry([strict]);
    const unknown = await enqueueJob(ctx, { kind: "test.nobody", payload: {} });
    const malformed = await enqueueJob(ctx, { kind: "test.strict", payload: { to: 5 } });
    const refused = await enqueueJob(ctx, { kind: "test.strict", payload: { to: "+15555550100" } });
    expect(await runDueJobs(ctx, registry, { workerId: "w", limit: 10, log })).toMatchObject({ claimed: 3, failed: 3 });
    expect((await job(unknown.id)).lastError).toBe('PermanentJobError: No job definition for kind "test.nobody" (known: test.strict)');
    expect((await job(malformed.id)).lastError).toBe('PermanentJobError: Invalid payload for "test.strict": TypeError: to must be a string');
    expect(await job(refused.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "PermanentJobError: landline" });
  });
});

describe("drainDueJobs", () => {
  const chainRegistry = () => {
    const ran: string[] = [];
    const step = defineJob({
      kind: "test.chain",
      parsePayload: (raw) => raw as { step: number },
      async run(ctx, { step }) {
        ran.push(`chain ${step}`);
        if (step < 3) await enqueueJob(ctx, { kind: "test.chain", payload: { step: step + 1 } });
        else await enqueueJob(ctx, { kind: "test.later", payload: {}, runAt: new Date(ctx.clock.now().getTime() + 10 * 60_000) });
      },
    });
    const later = defineJob({ kind: "test.later", parsePayload: anyPayload, run: async () => void ran.push("later") });
    return { ran, registry: createJobRegistry([step, later]) };
  };

  it("runs jobs that jobs enqueue for now, but not the ones due later", async () => {
    const { ran, registry } = chainRegistry();
    await enqueueJob(ctx, { kind: "test.chain", payload: { step: 1 } });
    expect(await drainDueJobs(ctx, registry, { log })).toMatchObject({ claimed: 3, succeeded: 3 });
    expect(ran).toEqual(["chain 1", "chain 2", "chain 3"]);
    clock.advanceMinutes(10);
    await drainDueJobs(ctx, registry, { log });
    expect(ran).toEqual(["chain 1", "chain 2", "chain 3", "later"]);
  });

  it("waits for a job another worker of the process took, and for what that job enqueues", async () => {
    const { ran, registry: chain } = chainRegistry();
    let release = () => {};
    const slowStarted = vi.fn();
    const slow = defineJob({
      kind: "test.slow",
      parsePayload: anyPayload,
      async run(jobCtx) {
        await new Promise<void>((resolve) => ((release = resolve), slowStarted()));
        await enqueueJob(jobCtx, { kind: "test.chain", payload: { step: 1 } });
      },
    });
    const registry = createJobRegistry([slow, ...["test.chain", "test.later"].map((kind) => chain.definitionFor(kind))]);
    const worker = startWorker(ctx, registry, { pollMs: 5, workerId: "inline", log });
    await enqueueJob(ctx, { kind: "test.slow", payload: {} });
    await vi.waitFor(() => expect(slowStarted).toHaveBeenCalled());

    const drained = drainDueJobs(ctx, registry, { log });
    setTimeout(() => release(), 50);
    await drained;
    expect(ran).toEqual(["chain 1", "chain 2", "chain 3"]);
    await worker.stop();
  });

  it("stops with an error when jobs keep enqueueing work for now", async () => {
    const forever = defineJob({
      kind: "test.forever",
      parsePayload: anyPayload,
      run: async (ctx) => void (await enqueueJob(ctx, { kind: "test.forever", payload: {} })),
    });
    await enqueueJob(ctx, { kind: "test.forever", payload: {} });
    await expect(drainDueJobs(ctx, createJobRegistry([forever]), { maxBatches: 5, log })).rejects.toThrow(/still due after 5 batches/);
  });
});

describe("startWorker", () => {
  it("keeps polling past failing jobs and stops only after the job in flight is settled", async () => {
    let release = () => {};
    const slowStarted = vi.fn();
    const registry = createJobRegistry([
      defineJob({ kind: "test.fails", parsePayload: anyPayload, run: async () => Promise.reject(new Error("boom")) }),
      defineJob({
        kind: "test.slow",
        parsePayload: anyPayload,
        run: () => new Promise<void>((resolve) => ((release = resolve), slowStarted())),
      }),
    ]);
    const failing = await enqueueJob(ctx, { kind: "test.fails", payload: {}, maxAttempts: 1 });
    const worker = startWorker(ctx, registry, { pollMs: 5, workerId: "poller", log });
    await vi.waitFor(async () => expect((await job(failing.id)).status).toBe("failed"));
    const slow = await enqueueJob(ctx, { kind: "test.slow", payload: {} });
    await vi.waitFor(() => expect(slowStarted).toHaveBeenCalled());
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await job(slow.id)).toMatchObject({ status: "succeeded", lockedBy: "poller" });
    expect(logged).toEqual([expect.objectContaining({ jobId: failing.id, jobKind: "test.fails", attempt: 1, outcome: "failed", error: "Error: boom" })]);
  });

  it("survives a database that refuses its claims: it logs them and leaves no rejection unhandled", async () => {
    // Nothing listens on PostgreSQL's port 1; a new SQLite file has no Job table.
    const unreachable = createDb(engineOf(db) === "postgresql" ? "postgresql://127.0.0.1:1/unreachable" : `file:${join(mkdtempSync(join(tmpdir(), "textback-")), "empty.db")}`);
    const unhandled: unknown[] = [];
    const recordUnhandled = (reason: unknown) => unhandled.push(String(reason).split("\n")[0]);
    process.on("unhandledRejection", recordUnhandled);
    const worker = startWorker({ db: unreachable, clock }, createJobRegistry([]), { pollMs: 5, workerId: "cut-off", log });
    try {
      await vi.waitFor(() => expect(logged.filter((entry) => entry.message === "worker could not claim jobs").length).toBeGreaterThanOrEqual(3));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      await worker.stop();
      process.off("unhandledRejection", recordUnhandled);
      await unreachable.$disconnect();
    }
  });
});

describe("the continuous pool", () => {
  it("a dead worker's job is reclaimed once its lock expires, and runs once", async () => {
    const { definition, runs } = recordingJob("test.step");
    const queued = await enqueueJob(ctx, { kind: "test.step", payload: {} });
    // A worker claimed it and died: "running" under a lock nobody renews.
    await db.job.update({ where: { id: queued.id }, data: { status: "running", attempts: 1, lockedBy: "dead", lockedUntil: new Date(Date.now() + 300) } });
    const worker = startWorker(ctx, createJobRegistry([definition]), { pollMs: 10, lockMs: 60, workerId: "rescuer", log });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(runs.get(queued.id)).toBeUndefined();
      await vi.waitFor(async () => expect(await job(queued.id)).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: "rescuer" }), { timeout: 3_000 });
    } finally {
      await worker.stop();
    }
    expect(runs.get(queued.id)).toBe(1);
  });

  it("a long job's heartbeat keeps its lock, so no other worker starts it again", async () => {
    let release = () => {};
    const starts = vi.fn();
    const registry = createJobRegistry([
      defineJob({ kind: "test.long", parsePayload: anyPayload, run: () => new Promise<void>((resolve) => ((release = resolve), starts())) }),
    ]);
    const queued = await enqueueJob(ctx, { kind: "test.long", payload: {} });
    const workers = ["first", "second"].map((workerId) => startWorker(ctx, registry, { pollMs: 10, lockMs: 300, workerId, log }));
    try {
      await vi.waitFor(() => expect(starts).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // four lock lifetimes
      expect(starts).toHaveBeenCalledTimes(1);
      release();
      await vi.waitFor(async () => expect((await job(queued.id)).status).toBe("succeeded"));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    expect(await job(queued.id)).toMatchObject({ attempts: 1 });
  });

  it("starts a job queued for now at once, not at the next poll", async () => {
    const { definition, runs } = recordingJob("test.now");
    const worker = startWorker(ctx, createJobRegistry([definition]), { pollMs: 60_000, workerId: "waker", log });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const queued = await enqueueJob(ctx, { kind: "test.now", payload: {} });
      await vi.waitFor(() => expect(runs.get(queued.id)).toBe(1), { timeout: 2_000 });
    } finally {
      await worker.stop();
    }
  });

  it("a free slot takes the next job while a slow one is still running", async () => {
    let release = () => {};
    const done: string[] = [];
    const registry = createJobRegistry([
      defineJob({ kind: "test.slow", parsePayload: anyPayload, run: () => new Promise<void>((resolve) => (release = resolve)) }),
      defineJob({ kind: "test.quick", parsePayload: anyPayload, run: async (_ctx, _payload, job) => void done.push(job.id) }),
    ]);
    await enqueueJob(ctx, { kind: "test.slow", payload: {} });
    const worker = startWorker(ctx, registry, { pollMs: 10, concurrency: 2, workerId: "pool", log });
    try {
      const quick = await enqueueJobs(ctx, Array.from({ length: 20 }, () => ({ kind: "test.quick", payload: {} })));
      await vi.waitFor(() => expect(done).toHaveLength(20), { timeout: 5_000 });
      expect(new Set(done)).toEqual(new Set(quick.map((j) => j.id)));
    } finally {
      release();
      await worker.stop();
    }
  });

  it("hands a kind's claimed jobs to its runBatch together, and settles each on its own", async () => {
    const batches: number[] = [];
    const registry = createJobRegistry([
      defineJob({
        kind: "test.batch",
        parsePayload: (raw) => raw as { ok: boolean },
        run: async () => expect.unreachable("runBatch takes them"),
        runBatch: (_ctx, entries) => {
          batches.push(entries.length);
          return entries.map(({ payload }) => (payload.ok ? Promise.resolve() : Promise.reject(new PermanentJobError("refused"))));
        },
      }),
    ]);
    const jobs = await enqueueJobs(ctx, [true, true, false, true].map((ok) => ({ kind: "test.batch", payload: { ok } })));
    expect(await runDueJobs(ctx, registry, { workerId: "w", limit: 10, log })).toMatchObject({ claimed: 4, succeeded: 3, failed: 1 });
    expect(batches).toEqual([4]);
    expect((await job(jobs[2]!.id)).status).toBe("failed");
  });
});

describe.runIf(engineOf(db) === "postgresql")("LISTEN/NOTIFY", () => {
  it("a job queued by another process's client wakes this process's workers", async () => {
    const woken = vi.fn();
    const stopWaking = onJobsQueued(woken);
    const listener = listenForJobs(url, log);
    const other = createDb(url);
    try {
      await vi.waitFor(() => expect(woken).toHaveBeenCalled()); // the LISTEN is in place
      woken.mockClear();
      // As another process would: a bare NOTIFY, which no in-process signal accompanies.
      await other.$executeRawUnsafe("NOTIFY textback_jobs");
      await vi.waitFor(() => expect(woken).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    } finally {
      stopWaking();
      await listener.stop();
      await other.$disconnect();
    }
  });
});

describe("advanceClockThroughJobs", () => {
  it("takes back a job whose worker died once the skipped time outlasts its lock", async () => {
    const { definition, runs } = recordingJob("test.orphan");
    const registry = createJobRegistry([definition]);
    const orphan = await enqueueJob(ctx, { kind: "test.orphan", payload: {} });
    // Its process was killed mid-run, a minute's lock left behind.
    await db.job.update({ where: { id: orphan.id }, data: { status: "running", attempts: 1, lockedBy: "killed", lockedUntil: new Date(Date.now() + 60_000) } });

    await advanceClockThroughJobs(ctx, registry, clock, new Date(START.getTime() + 30_000), { log });
    expect((await job(orphan.id)).status).toBe("running");
    await advanceClockThroughJobs(ctx, registry, clock, new Date(START.getTime() + 10 * 60_000), { log });
    expect(await job(orphan.id)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(runs.get(orphan.id)).toBe(1);
  });

  it("runs each job at its own due time, including jobs scheduled on the way", async () => {
    const ranAt: string[] = [];
    const chain = defineJob({
      kind: "test.chain",
      parsePayload: (raw) => raw as { left: number },
      async run(jobCtx, { left }) {
        ranAt.push(jobCtx.clock.now().toISOString());
        if (left > 0) {
          await enqueueJob(jobCtx, { kind: "test.chain", payload: { left: left - 1 }, runAt: new Date(jobCtx.clock.now().getTime() + 24 * 3_600_000) });
        }
      },
    });
    const registry = createJobRegistry([chain]);
    await enqueueJob(ctx, { kind: "test.chain", payload: { left: 5 }, runAt: new Date(START.getTime() + 30 * 60_000) });

    await advanceClockThroughJobs(ctx, registry, clock, new Date(START.getTime() + 3 * 24 * 3_600_000), { log });

    expect(ranAt).toEqual([
      "2026-03-02T15:30:00.000Z",
      "2026-03-03T15:30:00.000Z",
      "2026-03-04T15:30:00.000Z",
    ]);
    expect(clock.now().toISOString()).toBe("2026-03-05T15:00:00.000Z");
    expect(await db.job.count({ where: { status: "queued" } })).toBe(1);
  });
});
