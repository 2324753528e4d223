// Retention: the claim's time with a Job table full of history (succeeded, failed, cancelled
// jobs of the last 30 days) against the same claims on an empty table; then pruneJobs with the
// default retention, after which no succeeded job older than the window may remain.
import { systemClock } from "~/clock.server";
import type { Db } from "~/db.server";
import { claimDueJobs } from "~/jobs/claim.server";
import { DEFAULT_RETENTION_MS, pruneJobs } from "~/jobs/queue.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { bulkInsertDialect } from "./support/bulk-insert";
import { seconds, verdict } from "./support/sending";
import { ms, percentile, ratio, timed, type Table } from "./support/stats";

const GOAL_SLOWDOWN = 1.2;
const CLAIM_SIZE = 50;
const HISTORY_DAYS = 30;
/** Claims take milliseconds: many of them, so one slow moment on a shared machine moves the p50 little. */
const CLAIMS_PER_CALL = 5;

/** `rows` finished jobs spread over the last 30 days: 6 in 10 succeeded, 3 failed, 1 cancelled. */
async function seedHistory(database: BenchDatabase, rows: number) {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const { at, insert } = bulkInsertDialect(database.engine, nowSeconds - HISTORY_DAYS * 86_400);
  const finished = at(`i * ${((HISTORY_DAYS * 86_400 - 60) / rows).toFixed(6)}`);
  const status = `(CASE WHEN i % 10 < 6 THEN 'succeeded' WHEN i % 10 < 9 THEN 'failed' ELSE 'cancelled' END)`;
  await database.db.$executeRawUnsafe(
    insert(rows, `"Job" ("id", "createdAt", "updatedAt", "kind", "payload", "status", "priority", "runAt", "attempts", "maxAttempts", "finishedAt", "lastError")`,
      `'history-' || i, ${finished}, ${finished}, 'send-text', '{"messageId":"m' || i || '"}', ${status}, 2, ${finished}, 1, 5, ${finished},
       (CASE WHEN i % 10 BETWEEN 6 AND 8 THEN 'Telnyx answered 422' ELSE NULL END)`),
  );
  await database.db.$executeRawUnsafe("ANALYZE");
}

/**
 * `rows` queued jobs that go before the claimed ones (priority 0) but come due one long-code
 * slot apart over the next hours: the backlog of opt-in confirmations a burst leaves on a slow
 * number, which a claim must not have to step over.
 */
async function seedBacklog(database: BenchDatabase, rows: number, shopId: string) {
  const { at, insert } = bulkInsertDialect(database.engine, Math.floor(Date.now() / 1000) + 60);
  const runAt = at("i * 1.15");
  await database.db.$executeRawUnsafe(
    insert(rows, `"Job" ("id", "createdAt", "updatedAt", "shopId", "kind", "payload", "status", "priority", "runAt", "attempts", "maxAttempts")`,
      `'backlog-' || i, ${runAt}, ${runAt}, '${shopId}', 'send-text', '{"messageId":"b' || i || '"}', 'queued', 0, ${runAt}, 0, 5`),
  );
  await database.db.$executeRawUnsafe("ANALYZE");
}

/** `claims` batches of due jobs (of one shop, when given), claimed one batch at a time; the time of each claim. */
async function claimTimes(db: Db, claims: number, shopId: string | null = null) {
  const ctx = { db, clock: systemClock };
  const runAt = new Date(Date.now() - 1_000);
  await db.job.createMany({ data: Array.from({ length: claims * CLAIM_SIZE }, () => ({ kind: "bench-claim", payload: "{}", runAt, shopId })) });
  const times: number[] = [];
  for (let i = 0; i < claims; i++) {
    const claimed = await timed(() => claimDueJobs(ctx, { workerId: "bench-retention", limit: CLAIM_SIZE, lockMs: 60_000 }));
    if (claimed.value.length !== CLAIM_SIZE) throw new Error(`claim ${i} took ${claimed.value.length} jobs, not ${CLAIM_SIZE}`);
    times.push(claimed.ms);
  }
  await db.job.deleteMany({ where: { kind: "bench-claim" } });
  return times;
}

export async function benchRetention(database: BenchDatabase, sizes: { historyJobs: number; backlogJobs: number; calls: number }): Promise<Table> {
  const { db } = database;
  const claims = sizes.calls * CLAIMS_PER_CALL;
  await claimTimes(db, 5);
  const empty = await claimTimes(db, claims);
  const seeding = await timed(() => seedHistory(database, sizes.historyJobs));
  const full = await claimTimes(db, claims);
  const olderThan = new Date(Date.now() - DEFAULT_RETENTION_MS);
  const pruning = await timed(() => pruneJobs({ db, clock: systemClock }, { olderThan }));
  const [left, stale] = await Promise.all([
    db.job.count(),
    db.job.count({ where: { status: "succeeded", finishedAt: { lt: olderThan } } }),
  ]);
  const shop = await createBenchShop(db);
  const shopAlone = await claimTimes(db, claims, shop.id);
  await seedBacklog(database, sizes.backlogJobs, shop.id);
  const behindBacklog = await claimTimes(db, claims, shop.id);
  await db.shop.delete({ where: { id: shop.id } });
  const slowdown = percentile(full, 50) / percentile(empty, 50);
  const n = sizes.historyJobs.toLocaleString("en-US");
  return {
    title: `11. Retention: claims with ${n} finished jobs in the table, and pruning`,
    columns: ["figure", `${n}-row Job table`, "baseline: empty Job table", "full/empty", "goal"],
    rows: [
      [`claim of ${CLAIM_SIZE} due jobs, p50`, ms(percentile(full, 50)), ms(percentile(empty, 50)), ratio(percentile(full, 50), percentile(empty, 50)), verdict(slowdown <= GOAL_SLOWDOWN, "≤ 1.2×")],
      ["claim p95", ms(percentile(full, 95)), ms(percentile(empty, 95)), ratio(percentile(full, 95), percentile(empty, 95)), ""],
      [`a shop's claim behind its ${sizes.backlogJobs.toLocaleString("en-US")} queued jobs of a higher priority not yet due, p50 (baseline: without them)`, ms(percentile(behindBacklog, 50)), ms(percentile(shopAlone, 50)), ratio(percentile(behindBacklog, 50), percentile(shopAlone, 50)), ""],
      [`succeeded jobs older than ${DEFAULT_RETENTION_MS / 86_400_000} days after pruneJobs`, String(stale), "", "", verdict(stale === 0, "0")],
      ["rows left after pruning (failed kept, recent kept)", left.toLocaleString("en-US"), "", "", ""],
      ["time to insert the history / to prune", `${seconds(seeding.ms)} / ${seconds(pruning.ms)}`, "", "", ""],
    ],
    notes: [
      `${claims} claims each, after 5 warm-up claims; the history is inserted in one set-based statement and the table analysed (as autovacuum would on PostgreSQL), 6 in 10 succeeded, 3 failed, 1 cancelled, finished evenly over ${HISTORY_DAYS} days; pruned ${pruning.value.toLocaleString("en-US")} rows with the default retention. The backlog row: after pruning, a shop's due jobs (priority 2) claimed alone and then behind ${sizes.backlogJobs.toLocaleString("en-US")} of its queued jobs of priority 0 due one long-code slot apart over the next hours, as a burst of opt-in confirmations leaves them.`,
    ],
  };
}
