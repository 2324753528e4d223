// Signed checkouts/update deliveries at rising rates, the app against a bare
// node:http server that only verifies and records them.
import { BENCH_SECRET, BENCH_SHOP } from "./support/app-under-test";
import { signedCheckoutRequests } from "./support/checkout-deliveries";
import { highestSustainedRate, load, type LoadResult } from "./support/load";
import { startServerProcess, type ServerProcess } from "./support/processes";
import { ms, ratio, type Table } from "./support/stats";
import type { Db } from "~/db.server";
import { INGEST_WEBHOOK_JOB } from "~/commerce/webhook-deliveries.server";

const P99_LIMIT_MS = 100;
const FIXED_RATE = 200;
const PEAK_CONNECTIONS = 10;

export interface IntakeSettings {
  stepSeconds: number;
  fixedSeconds: number;
}

const settle = () => new Promise((r) => setTimeout(r, 3_000));
const BACKLOG_WAIT_MS = 10 * 60_000;

/**
 * The deliveries the app acknowledged are applied afterwards by its inline worker: waits until
 * it has caught up (so later sections do not run behind a backlog) and says how fast it went.
 */
async function applyBacklog(db: Db) {
  const pending = () => db.job.count({ where: { kind: INGEST_WEBHOOK_JOB, status: { in: ["queued", "running"] } } });
  const start = Date.now();
  const backlog = await pending();
  let left = backlog;
  while (left > 0 && Date.now() - start < BACKLOG_WAIT_MS) {
    await new Promise((r) => setTimeout(r, 1_000));
    left = await pending();
  }
  const seconds = (Date.now() - start) / 1000;
  if (left > 0) {
    await db.job.updateMany({ where: { kind: INGEST_WEBHOOK_JOB, status: "queued" }, data: { status: "cancelled", cancelReason: "bench: backlog not applied in time" } });
  }
  return { backlog, applied: backlog - left, seconds };
}

export function startBaselineIntakeServer(databaseUrl: string) {
  return startServerProcess("bench/baseline-intake-server.ts", { DATABASE_URL: databaseUrl, SHOPIFY_API_SECRET: BENCH_SECRET }, "/healthz");
}

async function measure(server: ServerProcess, settings: IntakeSettings) {
  const requests = signedCheckoutRequests(BENCH_SECRET, BENCH_SHOP);
  // Warm-up (JIT, connection pools) at a rate every server here keeps up with, and a pause
  // after each run above capacity, so no run starts behind the previous one's backlog.
  await load(server.url, { requests, rate: 10, seconds: 3 });
  await settle();
  const ladder = await highestSustainedRate(server.url, requests, P99_LIMIT_MS, settings.stepSeconds);
  await settle();
  const fixed = await load(server.url, { requests, rate: FIXED_RATE, seconds: settings.fixedSeconds });
  await settle();
  const peak = await load(server.url, { requests, connections: PEAK_CONNECTIONS, seconds: settings.stepSeconds });
  return { ...ladder, fixed, peak };
}

const ladderText = (steps: LoadResult[]) =>
  steps.map((s) => `${s.targetRate}/s: got ${s.achievedRate.toFixed(0)}/s, p99 ${s.p99} ms${s.failures ? `, ${s.failures} failed` : ""}`).join("; ");

export async function benchIntake(app: ServerProcess, db: Db, databaseUrl: string, settings: IntakeSettings): Promise<Table> {
  const baselineServer = await startBaselineIntakeServer(databaseUrl);
  let baseline;
  try {
    baseline = await measure(baselineServer, settings);
  } finally {
    await baselineServer.stop();
  }
  const measured = await measure(app, settings);
  const backlog = await applyBacklog(db);
  const failed = await db.job.count({ where: { kind: INGEST_WEBHOOK_JOB, status: "failed" } });
  const verdict = (app: number, floor: number) => (floor > 0 ? `≥ 0.5× ${app / floor >= 0.5 ? "met" : "MISSED"}` : "n/a: baseline sustained no step");
  return {
    title: "1. Webhook intake (signed checkouts/update)",
    columns: ["figure", "app", "baseline", "app/baseline", "goal"],
    rows: [
      ["highest sustained rate (p99 < 100 ms, no error)", `${measured.best}/s`, `${baseline.best}/s`, ratio(measured.best, baseline.best), verdict(measured.best, baseline.best)],
      [`p50 at ${FIXED_RATE}/s`, ms(measured.fixed.p50), ms(baseline.fixed.p50), ratio(measured.fixed.p50, baseline.fixed.p50), ""],
      [`p99 at ${FIXED_RATE}/s`, ms(measured.fixed.p99), ms(baseline.fixed.p99), ratio(measured.fixed.p99, baseline.fixed.p99), ""],
      [`failed requests at ${FIXED_RATE}/s`, String(measured.fixed.failures), String(baseline.fixed.failures), "", ""],
      [`peak rate, unthrottled (${PEAK_CONNECTIONS} connections)`, `${measured.peak.achievedRate.toFixed(0)}/s`, `${baseline.peak.achievedRate.toFixed(0)}/s`, ratio(measured.peak.achievedRate, baseline.peak.achievedRate), verdict(measured.peak.achievedRate, baseline.peak.achievedRate)],
      [`p99 at peak`, ms(measured.peak.p99), ms(baseline.peak.p99), ratio(measured.peak.p99, baseline.peak.p99), ""],
    ],
    notes: [
      `After the load, the app's inline worker applied the ${backlog.backlog.toLocaleString("en-US")} deliveries still queued (checkout, contact, consent, recovery timer) in ${backlog.seconds.toFixed(0)} s (${(backlog.applied / Math.max(backlog.seconds, 1)).toFixed(0)}/s)${backlog.applied < backlog.backlog ? `; ${(backlog.backlog - backlog.applied).toLocaleString("en-US")} were not applied within ${BACKLOG_WAIT_MS / 60_000} min and were cancelled` : ""}; ingest jobs failed: ${failed}.`,
      `App ladder: ${ladderText(measured.steps)}.`,
      `Baseline ladder: ${ladderText(baseline.steps)}.`,
    ],
  };
}
