import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { createDb } from "~/db.server";
import { useTestDatabase } from "../../tests/support/database";
import {
  cancelJobs,
  claimDueJobs,
  completeJob,
  enqueueJob,
  failJob,
  PermanentJobError,
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
  it("claims only due queued jobs, oldest first, and counts the attempt", async () => {
    const later = await enqueueJob(ctx, { kind: "test.step", payload: {}, runAt: new Date(START.getTime() + 1) });
    const older = await enqueueJob(ctx, { kind: "test.step", payload: {}, runAt: new Date(START.getTime() - 5_000) });
    const now = await enqueueJob(ctx, { kind: "test.step", payload: {} });
    const claimed = await claimDueJobs(ctx, { workerId: "w1", limit: 10, lockMs: 60_000 });
    expect(claimed.map((j) => j.id)).toEqual([older.id, now.id]);
    expect(claimed[0]).toMatchObject({ status: "running", attempts: 1, lockedBy: "w1", lockedUntil: new Date(START.getTime() + 60_000) });
    expect((await job(later.id)).status).toBe("queued");
  });

  it("reclaims a job whose worker's lock expired, and the old worker cannot settle it", async () => {
    await enqueueJob(ctx, { kind: "test.step", payload: {} });
    const [crashed] = await claimDueJobs(ctx, { workerId: "crashed", limit: 1, lockMs: 60_000 });
    clock.advanceMinutes(1);
    expect(await claimDueJobs(ctx, { workerId: "w2", limit: 1, lockMs: 60_000 })).toHaveLength(0);
    clock.setTo(new Date(START.getTime() + 60_001));
    const [reclaimed] = await claimDueJobs(ctx, { workerId: "w2", limit: 1, lockMs: 60_000 });
    expect(reclaimed).toMatchObject({ id: crashed!.id, attempts: 2, lockedBy: "w2" });
    expect(await completeJob(ctx, crashed!)).toBe(false);
    expect(await failJob(ctx, crashed!, new Error("late"))).toBe("lost");
    expect(await completeJob(ctx, reclaimed!)).toBe(true);
    expect(await job(reclaimed!.id)).toMatchObject({ status: "succeeded", finishedAt: clock.now(), lockedUntil: null });
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
});
