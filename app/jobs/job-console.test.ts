import { beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { cancelLeftoverJobs, useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { claimDueJobs } from "./claim.server";
import { onJobsQueued } from "./job-signals.server";
import { loadJobConsole, retryJob } from "./job-console.server";
import { enqueueJob, failJob, JOB_PRIORITY } from "./queue.server";

const { db } = useTestDatabase();
const START = new Date("2026-03-02T15:00:00.000Z");
const MINUTE = 60_000;
let clock: VirtualClock;
let ctx: AppContext;
let shopId: string;
let otherShopId: string;

beforeEach(async () => {
  await cancelLeftoverJobs(db);
  clock = new VirtualClock(START);
  ctx = { db, clock };
  shopId = (await createShop(ctx)).id;
  otherShopId = (await createShop(ctx)).id;
});

const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);

async function failedJob(shop: string, error: Error) {
  await enqueueJob(ctx, { kind: "test.fragile", payload: {}, shopId: shop, maxAttempts: 1, priority: JOB_PRIORITY.optOut });
  const [claimed] = await claimDueJobs(ctx, { workerId: "w1", limit: 1, lockMs: MINUTE });
  await failJob(ctx, claimed!, error);
  return claimed!;
}

describe("the jobs console", () => {
  it("counts the shop's jobs by kind as due, scheduled and running, and names the oldest due one", async () => {
    await enqueueJob(ctx, { kind: "test.c", payload: {}, shopId, priority: JOB_PRIORITY.optOut });
    await claimDueJobs(ctx, { workerId: "w1", limit: 1, lockMs: MINUTE });
    await enqueueJob(ctx, { kind: "test.a", payload: {}, shopId, runAt: at(-5) });
    await enqueueJob(ctx, { kind: "test.a", payload: {}, shopId, runAt: at(60) });
    await enqueueJob(ctx, { kind: "test.b", payload: {}, shopId, runAt: at(-1) });
    await enqueueJob(ctx, { kind: "test.a", payload: {}, shopId: otherShopId, runAt: at(-10) });

    const { depth, oldestDue } = await loadJobConsole(ctx, shopId);
    expect({ depth, oldestDue }).toEqual({
      depth: [
        { kind: "test.a", dueNow: 1, later: 1, running: 0 },
        { kind: "test.b", dueNow: 1, later: 0, running: 0 },
        { kind: "test.c", dueNow: 0, later: 0, running: 1 },
      ],
      oldestDue: { kind: "test.a", runAt: at(-5).toISOString(), lateMs: 5 * MINUTE },
    });
  });

  it("lists the shop's failed jobs with their attempts and their error, phones masked", async () => {
    const job = await failedJob(shopId, new Error("Telnyx refused the text to +13125550142"));
    await failedJob(otherShopId, new Error("another shop's failure"));
    const { failed, failedCount } = await loadJobConsole(ctx, shopId);
    expect({ failed, failedCount }).toEqual({
      failed: [{ id: job.id, kind: "test.fragile", lastError: "Error: Telnyx refused the text to …0142", attempts: 1, maxAttempts: 1, failedAt: START.toISOString() }],
      failedCount: 1,
    });
  });

  it("retries a failed job due now with all its attempts again, and wakes the workers", async () => {
    const job = await failedJob(shopId, new Error("Telnyx was down"));
    clock.advanceMinutes(30);
    let wakes = 0;
    const stop = onJobsQueued(() => (wakes += 1));
    try {
      expect(await retryJob(ctx, shopId, job.id)).toBe(true);
    } finally {
      stop();
    }
    const retried = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect({ ...retried, wakes }).toMatchObject({ status: "queued", attempts: 0, runAt: at(30), finishedAt: null, wakes: 1 });
  });

  it("does not retry another shop's failed job, nor a job no longer failed", async () => {
    const others = await failedJob(otherShopId, new Error("Telnyx was down"));
    const own = await failedJob(shopId, new Error("Telnyx was down"));
    await retryJob(ctx, shopId, own.id);
    expect([await retryJob(ctx, shopId, others.id), await retryJob(ctx, shopId, own.id)]).toEqual([false, false]);
  });
});
