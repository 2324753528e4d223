// Section 3: many texts due at one moment, drained by workers running the real send-text job
// against the Telnyx double, on the real clock (one worker on SQLite, two on PostgreSQL). In
// this process: the workers are the app's own (startWorker with its defaults), each with its
// own database client as separate worker processes would have.
import { randomUUID } from "node:crypto";
import { systemClock } from "~/clock.server";
import { createDb, type Db } from "~/db.server";
import { createAppJobRegistry } from "~/jobs/kinds.server";
import { createJobRegistry, defineJob, type JobRegistry } from "~/jobs/registry.server";
import { startWorker } from "~/jobs/worker.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { suppressionHashKey } from "~/compliance/suppression-key";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { BENCH_ENCRYPTION_KEY, createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { ms, percentile, ratio, type Table } from "./support/stats";

// As deployed: on SQLite one worker (a second connection writing would wait on the one write
// lock, and the synchronous driver blocks its process while it waits); on PostgreSQL two.
const workersFor = (url: string) => (url.startsWith("file:") ? 1 : 2);
const LAG_P99_GOAL_MS = 2_000;
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");
const NOOP_JOB = "bench-noop";
/** The slot table books whole milliseconds, so 1,000/s is as unthrottled as a number gets. */
const RAISED_SENDS_PER_SECOND = 1_000;

interface SchedulerSizes {
  scheduledTexts: number;
  throttledTexts: number;
}

const chunks = <T>(items: T[], size = 500) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * `count` shoppers who texted the shop, each with one conversational reply queued and its
 * send-text job parked in the far future (the bench then makes them all due at once).
 */
async function seedQueuedReplies(db: Db, shop: { id: string; sendingNumber: string | null }, count: number, areaCode: string) {
  const now = new Date();
  const earlier = new Date(now.getTime() - 60_000);
  const rows = Array.from({ length: count }, (_, i) => {
    const phone = `+1${areaCode}${2_000_000 + i}`;
    return { contactId: randomUUID(), conversationId: randomUUID(), messageId: randomUUID(), phone };
  });
  const from = shop.sendingNumber!;
  for (const part of chunks(rows)) {
    await db.contact.createMany({ data: part.map((r) => ({ id: r.contactId, shopId: shop.id, phone: r.phone })) });
    await db.conversation.createMany({
      data: part.map((r) => ({ id: r.conversationId, shopId: shop.id, contactId: r.contactId, lastMessageAt: now, state: "open" })),
    });
    await db.message.createMany({
      data: part.flatMap((r) => [
        { shopId: shop.id, contactId: r.contactId, conversationId: r.conversationId, direction: "inbound", body: "Where is my order?", fromNumber: r.phone, toNumber: from, status: "received", occurredAt: earlier },
        { id: r.messageId, shopId: shop.id, contactId: r.contactId, conversationId: r.conversationId, direction: "outbound", purpose: "conversational", body: "It ships today. Reply here with any question.", fromNumber: from, toNumber: r.phone, status: "queued", occurredAt: now },
      ]),
    });
    await db.job.createMany({
      data: part.map((r) => ({ shopId: shop.id, kind: SEND_TEXT_JOB, payload: JSON.stringify({ messageId: r.messageId }), runAt: FAR_FUTURE, dedupeKey: `${SEND_TEXT_JOB}:${r.messageId}` })),
    });
  }
}

/** Makes the parked jobs due one second from now and returns that moment. */
async function makeDue(db: Db, where: { shopId?: string; kind?: string }) {
  const dueAt = new Date(Date.now() + 1_000);
  await db.job.updateMany({ where: { ...where, status: "queued" }, data: { runAt: dueAt } });
  return dueAt;
}

async function withWorkers<T>(url: string, registry: JobRegistry, work: () => Promise<T>): Promise<T> {
  const clients = Array.from({ length: workersFor(url) }, () => createDb(url));
  const workers = clients.map((db, i) => startWorker({ db, clock: systemClock }, registry, { workerId: `bench-worker-${i}`, log: () => {} }));
  try {
    return await work();
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(clients.map((db) => db.$disconnect()));
  }
}

async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function deps(telnyx: TelnyxDouble, sendsPerSecond?: number): MessagingDeps {
  const base: MessagingDeps = {
    secrets: { suppressionHashKey: suppressionHashKey(BENCH_ENCRYPTION_KEY) },
    encryptionKey: BENCH_ENCRYPTION_KEY,
    env: { TELNYX_BASE_URL: telnyx.apiBaseUrl },
    appUrl: "http://127.0.0.1:9",
  };
  // transmitMessage reads `sendsPerSecond` from the deps the job hands it (TransmitOptions).
  return sendsPerSecond ? Object.assign(base, { sendsPerSecond }) : base;
}

async function drainSends(database: BenchDatabase, telnyx: TelnyxDouble, count: number) {
  const shop = await createBenchShop(database.db, "bench-scheduler.myshopify.com", "+13125550150");
  await seedQueuedReplies(database.db, shop, count, "312");
  const registry = createAppJobRegistry(deps(telnyx, RAISED_SENDS_PER_SECOND));
  const dueAt = await makeDue(database.db, { shopId: shop.id });
  await withWorkers(database.url, registry, () => waitFor(() => telnyx.sendAttempts().length >= count, 15 * 60_000));
  const lags = telnyx.sendAttempts().map((a) => a.at.getTime() - dueAt.getTime());
  const refused = telnyx.sendAttempts().filter((a) => a.status !== 200).length;
  return { lags, drainMs: Math.max(...lags), refused };
}

async function drainNoops(database: BenchDatabase, count: number) {
  const { db } = database;
  for (const part of chunks(Array.from({ length: count }, (_, i) => i))) {
    await db.job.createMany({ data: part.map(() => ({ kind: NOOP_JOB, payload: "{}", runAt: FAR_FUTURE })) });
  }
  const registry = createJobRegistry([defineJob({ kind: NOOP_JOB, parsePayload: (raw) => raw, run: async () => {} })]);
  const dueAt = await makeDue(db, { kind: NOOP_JOB });
  await withWorkers(database.url, registry, () =>
    waitFor(async () => (await db.job.count({ where: { kind: NOOP_JOB, status: "succeeded" } })) >= count, 15 * 60_000),
  );
  const done = await db.job.findMany({ where: { kind: NOOP_JOB }, select: { finishedAt: true } });
  const lags = done.map((j) => j.finishedAt!.getTime() - dueAt.getTime());
  return { lags, drainMs: Math.max(...lags) };
}

/** Default limit (long code, 1/s): requests per calendar second and per sliding second. */
async function throttled(database: BenchDatabase, telnyx: TelnyxDouble, count: number) {
  telnyx.reset();
  const shop = await createBenchShop(database.db, "bench-throttled.myshopify.com", "+13125550160");
  await seedQueuedReplies(database.db, shop, count, "773");
  await makeDue(database.db, { shopId: shop.id });
  await withWorkers(database.url, createAppJobRegistry(deps(telnyx)), () => waitFor(() => telnyx.sendAttempts().length >= count, 5 * 60_000));
  const times = telnyx.sendAttempts().map((a) => a.at.getTime()).sort((a, b) => a - b);
  const perCalendarSecond = new Map<number, number>();
  for (const t of times) perCalendarSecond.set(Math.floor(t / 1000), (perCalendarSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  return {
    maxPerCalendarSecond: Math.max(...perCalendarSecond.values()),
    maxPerSlidingSecond: Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length)),
    minGapMs: Math.min(...gaps),
    spanMs: times.at(-1)! - times[0],
  };
}

export async function benchScheduler(database: BenchDatabase, sizes: SchedulerSizes): Promise<Table[]> {
  const telnyx = await startTelnyxDouble({ deliveryWebhooks: false });
  try {
    const noop = await drainNoops(database, sizes.scheduledTexts);
    const sends = await drainSends(database, telnyx, sizes.scheduledTexts);
    const limited = await throttled(database, telnyx, sizes.throttledTexts);
    const n = sizes.scheduledTexts.toLocaleString("en-US");
    const p99 = percentile(sends.lags, 99);
    const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
    const workers = workersFor(database.url);
    return [
      {
        title: `3. Scheduler: ${n} texts due at once, ${workers} worker${workers === 1 ? "" : "s"}, limit raised to ${RAISED_SENDS_PER_SECOND}/s`,
        columns: ["figure", "send-text jobs", "baseline: no-op jobs", "sends/baseline", "goal"],
        rows: [
          ["time to drain", seconds(sends.drainMs), seconds(noop.drainMs), ratio(sends.drainMs, noop.drainMs), ""],
          ["throughput", `${(sizes.scheduledTexts / (sends.drainMs / 1000)).toFixed(0)}/s`, `${(sizes.scheduledTexts / (noop.drainMs / 1000)).toFixed(0)}/s`, "", ""],
          ["lag due → Telnyx request (no-op: → done), p50", ms(percentile(sends.lags, 50), 0), ms(percentile(noop.lags, 50), 0), ratio(percentile(sends.lags, 50), percentile(noop.lags, 50)), ""],
          ["lag p99", ms(p99, 0), ms(percentile(noop.lags, 99), 0), ratio(p99, percentile(noop.lags, 99)), `< 2 s ${p99 < LAG_P99_GOAL_MS ? "met" : "MISSED"}`],
          ["requests Telnyx refused", String(sends.refused), "", "", ""],
        ],
        notes: [
          "Workers: the app's startWorker with its defaults (batches of 10 jobs, 1 s poll), each with its own database client, on the real clock; the jobs become due 1 s after seeding ends.",
          "Texts are conversational replies (each shopper texted first), so the sender gate runs its consent and suppression checks at send time; the Telnyx double answers every send.",
          "The limit is raised with the send-text deps' `sendsPerSecond` (TransmitOptions); the per-number slot row is still reserved for every send.",
        ],
      },
      {
        title: `3b. Scheduler: ${sizes.throttledTexts} texts due at once, default long-code limit (1/s)`,
        columns: ["figure", "value", "goal"],
        rows: [
          ["most requests in one calendar second", String(limited.maxPerCalendarSecond), `≤ 1 ${limited.maxPerCalendarSecond <= 1 ? "met" : "MISSED"}`],
          ["most requests in any sliding 1 s window", String(limited.maxPerSlidingSecond), `≤ 1 ${limited.maxPerSlidingSecond <= 1 ? "met" : "MISSED"}`],
          ["smallest gap between two requests", ms(limited.minGapMs, 0), "≥ ~1000 ms"],
          ["first to last request", seconds(limited.spanMs), ""],
        ],
        notes: ["Times are when the Telnyx double received each POST /v2/messages."],
      },
    ];
  } finally {
    await telnyx.close();
  }
}
