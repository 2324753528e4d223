import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { createDb } from "~/db.server";
import { useTestDatabase } from "../../tests/support/database";
import { claimDueJobs, renewLocks, rescueExpiredJobs } from "./claim.server";
import {
  cancelJobs,
  completeJobs,
  enqueueJob,
  enqueueJobs,
  failJob,
  failJobs,
  JOB_PRIORITY,
  PermanentJobError,
  pruneJobs,
  retryDelayMs,
  RetryJobAfter,
} from "./queue.server";

const { db, url } = useTestDatabase();
const START = new Date("2026-03-02T15:00:00.000Z");
let clock: VirtualClock;
let ctx: AppContext;
const job = (id: string) => db.job.findUniqueOrThrow({ where: { id } });

beforeEach(async () => {
  await db.job.deleteMany();
  clock = new VirtualClock(START);
  ctx = { db, clock };
});

describe("enqueueJob", () => {
  it("stores the payload as JSON and is due at the clock's now by default", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.echo", payload: { to: "+15555550100" } });
    expect(queued).toMatchObject({ status: "queued", attempts: 0, maxAttempts: 5, runAt: START });
    expect(JSON.parse((await job(queued.id)).payload)).toEqual({ to: "+15555550100" });
  });

  it("returns the first job when the same dedupe key is enqueued again", async () => {
    const first = await enqueueJob(ctx, { kind: "test.echo", payload: { n: 1 }, dedupeKey: "checkout:1:reminder" });
    const second = await enqueueJob(ctx, { kind: "test.echo", payload: { n: 2 }, dedupeKey: "checkout:1:reminder" });
    expect(second.id).toBe(first.id);
    expect(JSON.parse(second.payload)).toEqual({ n: 1 });
    expect(await db.job.count()).toBe(1);
  });

  it("creates one job when two clients enqueue the same dedupe key at once", async () => {
    const other = createDb(url);
    try {
      const jobs = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          enqueueJob({ db: i % 2 ? db : other, clock }, { kind: "test.echo", payload: { i }, dedupeKey: "race" }),
        ),
      );
      expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
      expect(await db.job.count()).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("a duplicate inside the caller's transaction neither throws nor aborts it", async () => {
    const first = await enqueueJob(ctx, { kind: "test.echo", payload: {}, dedupeKey: "order:7:thanks" });
    await db.$transaction(async (tx) => {
      const again = await enqueueJob(ctx, { kind: "test.echo", payload: {}, dedupeKey: "order:7:thanks" }, tx);
      expect(again.id).toBe(first.id);
      await enqueueJob(ctx, { kind: "test.after", payload: {} }, tx);
    });
    expect(await db.job.count()).toBe(2);
  });
});

describe("cancelJobs", () => {
  const shopDomain = `jobs-queue-${process.pid}.myshopify.com`;
  let shopId: string;
  beforeAll(async () => {
    shopId = (await db.shop.create({ data: { domain: shopDomain, name: "Queue test shop" } })).id;
  });
  afterAll(() => db.shop.deleteMany({ where: { domain: shopDomain } }));

  it("cancels queued jobs by dedupe key prefix, exactly and case-sensitively", async () => {
    const a = await enqueueJob(ctx, { kind: "test.step", payload: {}, dedupeKey: "flow:abc:1" });
    const b = await enqueueJob(ctx, { kind: "test.step", payload: {}, dedupeKey: "flow:abc:2" });
    const upper = await enqueueJob(ctx, { kind: "test.step", payload: {}, dedupeKey: "flow:ABC:1" });
    const other = await enqueueJob(ctx, { kind: "test.step", payload: {}, dedupeKey: "flow:abd:1" });
    expect(await cancelJobs(ctx, { dedupeKeyPrefix: "flow:abc:" }, "order placed")).toBe(2);
    expect(await job(a.id)).toMatchObject({ status: "cancelled", cancelReason: "order placed", finishedAt: START });
    expect((await job(b.id)).status).toBe("cancelled");
    expect((await job(upper.id)).status).toBe("queued");
    expect((await job(other.id)).status).toBe("queued");
  });

  it("cancels a shop's jobs of the given kinds, and nothing else", async () => {
    const reminder = await enqueueJob(ctx, { kind: "test.reminder", payload: {}, shopId });
    const receipt = await enqueueJob(ctx, { kind: "test.receipt", payload: {}, shopId });
    const elsewhere = await enqueueJob(ctx, { kind: "test.reminder", payload: {} });
    expect(await cancelJobs(ctx, { shopId, kinds: ["test.reminder"] }, "uninstalled")).toBe(1);
    expect((await job(reminder.id)).status).toBe("cancelled");
    expect((await job(receipt.id)).status).toBe("queued");
    expect((await job(elsewhere.id)).status).toBe("queued");
  });

  it("commits or rolls back with the caller's transaction", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.step", payload: {} });
    await expect(
      db.$transaction(async (tx) => {
        await cancelJobs(ctx, { ids: [queued.id] }, "STOP received", tx);
        throw new Error("the cause failed to save");
      }),
    ).rejects.toThrow("the cause failed to save");
    expect((await job(queued.id)).status).toBe("queued");
    await db.$transaction((tx) => cancelJobs(ctx, { ids: [queued.id] }, "STOP received", tx));
    expect((await job(queued.id)).status).toBe("cancelled");
  });

  it("leaves running and finished jobs alone and refuses an empty filter", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.step", payload: {} });
    await claimDueJobs(ctx, { workerId: "w1", limit: 1, lockMs: 60_000 });
    expect(await cancelJobs(ctx, { ids: [queued.id] }, "too late")).toBe(0);
    expect((await job(queued.id)).status).toBe("running");
    await expect(cancelJobs(ctx, {}, "everything")).rejects.toThrow(/needs/);
  });
});

describe("claimDueJobs", () => {
  const realNow = () => START;
  const claim = (workerId: string, limit: number, at = realNow) => claimDueJobs(ctx, { workerId, limit, lockMs: 60_000, realNow: at });

  it("claims only due queued jobs, oldest first, and counts the attempt", async () => {
    const later = await enqueueJob(ctx, { kind: "test.step", payload: {}, runAt: new Date(START.getTime() + 1) });
    const older = await enqueueJob(ctx, { kind: "test.step", payload: {}, runAt: new Date(START.getTime() - 5_000) });
    const now = await enqueueJob(ctx, { kind: "test.step", payload: {} });
    const claimed = await claim("w1", 10);
    expect(claimed.map((j) => j.id)).toEqual([older.id, now.id]);
    expect(claimed[0]).toMatchObject({ status: "running", attempts: 1, lockedBy: "w1", lockedUntil: new Date(START.getTime() + 60_000) });
    expect((await job(later.id)).status).toBe("queued");
  });

  it("takes a higher priority first, however long the lower one has waited", async () => {
    const marketing = await enqueueJobs(
      ctx,
      Array.from({ length: 5 }, (_, i) => ({ kind: "test.send", payload: {}, priority: JOB_PRIORITY.marketing, runAt: new Date(START.getTime() - 60_000 + i) })),
    );
    const stop = await enqueueJob(ctx, { kind: "test.send", payload: {}, priority: JOB_PRIORITY.optOut });
    const shipping = await enqueueJob(ctx, { kind: "test.send", payload: {}, priority: JOB_PRIORITY.transactional });
    expect((await claim("w1", 3)).map((j) => j.id)).toEqual([stop.id, shipping.id, marketing[0]!.id]);
  });

  it("takes the shops in turn, so one shop's backlog does not starve another's", async () => {
    const [big, small] = await Promise.all(
      ["big", "small"].map((name) => db.shop.create({ data: { domain: `claim-${name}-${process.pid}.myshopify.com`, name } })),
    );
    try {
      await enqueueJobs(ctx, Array.from({ length: 200 }, (_, i) => ({ kind: "test.send", payload: {}, shopId: big!.id, runAt: new Date(START.getTime() - 10_000 + i) })));
      const late = await enqueueJobs(ctx, Array.from({ length: 3 }, () => ({ kind: "test.send", payload: {}, shopId: small!.id })));
      const claimed = await claim("w1", 6);
      expect(claimed.filter((j) => j.shopId === small!.id).map((j) => j.id).sort()).toEqual(late.map((j) => j.id).sort());
      expect(claimed.filter((j) => j.shopId === big!.id)).toHaveLength(3);
    } finally {
      await db.job.deleteMany();
      await db.shop.deleteMany({ where: { id: { in: [big!.id, small!.id] } } });
    }
  });

  it("two clients claiming at once never take the same job", async () => {
    await enqueueJobs(ctx, Array.from({ length: 300 }, (_, i) => ({ kind: "test.send", payload: { i } })));
    const other = createDb(url);
    try {
      const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimDueJobs({ db: i % 2 ? db : other, clock }, { workerId: `w${i}`, limit: 60, lockMs: 60_000 })));
      const ids = claims.flat().map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(300);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("locks", () => {
  const at = (ms: number) => () => new Date(START.getTime() + ms);

  it("a dead worker's job is queued again once its lock's time-to-live has passed, and the old claim cannot settle it", async () => {
    await enqueueJob(ctx, { kind: "test.step", payload: {} });
    const [crashed] = await claimDueJobs(ctx, { workerId: "crashed", limit: 1, lockMs: 60_000, realNow: at(0) });
    expect(await rescueExpiredJobs(ctx, { realNow: at(60_000) })).toBe(0);
    expect(await claimDueJobs(ctx, { workerId: "w2", limit: 1, lockMs: 60_000, realNow: at(60_000) })).toHaveLength(0);
    expect(await rescueExpiredJobs(ctx, { realNow: at(60_001) })).toBe(1);
    const [reclaimed] = await claimDueJobs(ctx, { workerId: "w2", limit: 1, lockMs: 60_000, realNow: at(60_001) });
    expect(reclaimed).toMatchObject({ id: crashed!.id, attempts: 2, lockedBy: "w2" });
    expect((await completeJobs(ctx, [crashed!])).has(crashed!.id)).toBe(false);
    expect(await failJob(ctx, crashed!, new Error("late"))).toBe("lost");
    expect((await completeJobs(ctx, [reclaimed!])).has(reclaimed!.id)).toBe(true);
    expect(await job(reclaimed!.id)).toMatchObject({ status: "succeeded", finishedAt: clock.now(), lockedUntil: null });
  });

  it("a heartbeat keeps a long job's lock, so it is never rescued while its worker lives", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.long", payload: {} });
    await claimDueJobs(ctx, { workerId: "alive", limit: 1, lockMs: 60_000, realNow: at(0) });
    for (const beat of [20_000, 40_000, 60_000, 80_000]) {
      expect(await renewLocks(ctx, { workerId: "alive", lockMs: 60_000, realNow: at(beat) })).toBe(1);
      expect(await rescueExpiredJobs(ctx, { realNow: at(beat + 1) })).toBe(0);
    }
    expect(await job(queued.id)).toMatchObject({ status: "running", lockedBy: "alive", lockedUntil: new Date(START.getTime() + 140_000) });
  });
});

describe("batches", () => {
  it("enqueues many jobs in one call, in input order, with repeats returning the job that holds the key", async () => {
    const first = await enqueueJob(ctx, { kind: "test.echo", payload: { n: 0 }, dedupeKey: "k1" });
    const jobs = await enqueueJobs(ctx, [
      { kind: "test.echo", payload: { n: 1 } },
      { kind: "test.echo", payload: { n: 2 }, dedupeKey: "k1" },
      { kind: "test.echo", payload: { n: 3 }, dedupeKey: "k2" },
      { kind: "test.echo", payload: { n: 4 } },
    ]);
    expect(jobs.map((j) => JSON.parse(j.payload).n)).toEqual([1, 0, 3, 4]);
    expect(jobs[1]!.id).toBe(first.id);
    expect(await db.job.count()).toBe(4);
  });

  it("completes many claimed jobs in one call and leaves out a claim that was lost", async () => {
    await enqueueJobs(ctx, Array.from({ length: 3 }, () => ({ kind: "test.echo", payload: {} })));
    const claimed = await claimDueJobs(ctx, { workerId: "w1", limit: 3, lockMs: 60_000 });
    const stale = { ...claimed[2]!, attempts: claimed[2]!.attempts - 1 };
    const settled = await completeJobs(ctx, [claimed[0]!, claimed[1]!, stale]);
    expect([...settled].sort()).toEqual([claimed[0]!.id, claimed[1]!.id].sort());
    expect(await db.job.count({ where: { status: "succeeded" } })).toBe(2);
    expect((await job(claimed[2]!.id)).status).toBe("running");
  });
});

describe("pruneJobs", () => {
  it("deletes succeeded and cancelled jobs older than the window, keeps failed ones and dedupe keys that must stay taken", async () => {
    const day = 24 * 3_600_000;
    const old = await enqueueJobs(ctx, [
      { kind: "test.done", payload: {} },
      { kind: "test.cancelled", payload: {} },
      { kind: "test.failed", payload: {}, maxAttempts: 1 },
      { kind: "test.milestone", payload: {}, dedupeKey: "order:1:shipped", keepKeyForDays: 365 },
    ]);
    await cancelJobs(ctx, { ids: [old[1]!.id] }, "order placed");
    const claimed = await claimDueJobs(ctx, { workerId: "w", limit: 10, lockMs: 60_000 });
    await completeJobs(ctx, claimed.filter((j) => j.kind !== "test.failed"));
    await failJob(ctx, claimed.find((j) => j.kind === "test.failed")!, new Error("boom"));
    clock.setTo(new Date(START.getTime() + 8 * day));
    const recent = await enqueueJob(ctx, { kind: "test.done", payload: {} });
    await completeJobs(ctx, await claimDueJobs(ctx, { workerId: "w", limit: 10, lockMs: 60_000 }));

    expect(await pruneJobs(ctx, { olderThan: new Date(clock.now().getTime() - 7 * day) })).toBe(2);
    expect((await db.job.findMany({ orderBy: { kind: "asc" } })).map((j) => [j.kind, j.status])).toEqual([
      ["test.done", "succeeded"],
      ["test.failed", "failed"],
      ["test.milestone", "succeeded"],
    ]);
    expect((await db.job.findFirstOrThrow({ where: { kind: "test.done" } })).id).toBe(recent.id);
    const again = await enqueueJob(ctx, { kind: "test.milestone", payload: {}, dedupeKey: "order:1:shipped" });
    expect(again.id).toBe(old[3]!.id);
  });
});

describe("failJob", () => {
  async function claimOne() {
    const [claimed] = await claimDueJobs(ctx, { workerId: "w1", limit: 1, lockMs: 60_000 });
    return claimed!;
  }

  it("backs off 30 s · 2^(attempts-1) with at most 10 % jitter, capped at an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(2, () => 0.999)).toBe(65_994);
    expect(retryDelayMs(20, () => 0)).toBe(3_600_000);
  });

  it("re-queues with backoff, then fails with lastError on the last attempt", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.flaky", payload: {}, maxAttempts: 2 });
    expect(await failJob(ctx, await claimOne(), new Error("timeout"))).toBe("retrying");
    const retry = await job(queued.id);
    const delay = retry.runAt.getTime() - START.getTime();
    expect(delay).toBeGreaterThanOrEqual(30_000);
    expect(delay).toBeLessThanOrEqual(33_000);
    expect(retry).toMatchObject({ status: "queued", attempts: 1, lockedUntil: null, lastError: "Error: timeout" });
    clock.setTo(retry.runAt);
    expect(await failJob(ctx, await claimOne(), new Error("timeout again"))).toBe("failed");
    expect(await job(queued.id)).toMatchObject({ status: "failed", attempts: 2, lastError: "Error: timeout again", finishedAt: retry.runAt });
  });

  it("fails a PermanentJobError at once", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.flaky", payload: {} });
    expect(await failJob(ctx, await claimOne(), new PermanentJobError("number is landline"))).toBe("failed");
    expect(await job(queued.id)).toMatchObject({ status: "failed", attempts: 1, lastError: "PermanentJobError: number is landline" });
  });

  it("RetryJobAfter waits the asked delay and gives the attempt back", async () => {
    const queued = await enqueueJob(ctx, { kind: "test.flaky", payload: {}, maxAttempts: 1 });
    expect(await failJob(ctx, await claimOne(), new RetryJobAfter(120_000, "429 Too Many Requests"))).toBe("retrying");
    expect(await job(queued.id)).toMatchObject({
      status: "queued",
      attempts: 0,
      runAt: new Date(START.getTime() + 120_000),
      lastError: "429 Too Many Requests",
    });
  });

  it("settles jobs that failed in different ways in one call, and leaves a job another worker owns", async () => {
    for (const kind of ["test.backlog", "test.broken", "test.flaky", "test.stolen"]) await enqueueJob(ctx, { kind, payload: {} });
    const claimed = await claimDueJobs(ctx, { workerId: "w1", limit: 4, lockMs: 60_000 });
    const of = (kind: string) => claimed.find((j) => j.kind === kind)!;
    const stolen = { ...of("test.stolen"), lockedBy: "w0" };

    const outcomes = await failJobs(ctx, [
      { job: of("test.backlog"), error: new RetryJobAfter(5_000, "no free slot") },
      { job: of("test.broken"), error: new PermanentJobError("bad payload") },
      { job: of("test.flaky"), error: new Error("timeout") },
      { job: stolen, error: new Error("late") },
    ]);

    expect(outcomes).toEqual(["retrying", "failed", "retrying", "lost"]);
    expect(await job(of("test.backlog").id)).toMatchObject({ status: "queued", attempts: 0, runAt: new Date(START.getTime() + 5_000), lockedBy: null, finishedAt: null });
    expect(await job(of("test.broken").id)).toMatchObject({ status: "failed", attempts: 1, finishedAt: START, lastError: "PermanentJobError: bad payload" });
    expect(await job(of("test.flaky").id)).toMatchObject({ status: "queued", attempts: 1, lastError: "Error: timeout", finishedAt: null });
    expect((await job(of("test.flaky").id)).runAt.getTime()).toBeGreaterThanOrEqual(START.getTime() + 30_000);
    expect(await job(stolen.id)).toMatchObject({ status: "running", lockedBy: "w1" });
  });
});
