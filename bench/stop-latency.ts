// Section 2: 50 shoppers text STOP at once. The Telnyx double signs each message.received
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

async function consentingShoppers(db: Db, shopId: string) {
  const ctx = { db, clock: systemClock };
  const phones = Array.from({ length: SHOPPERS }, (_, i) => `+1773${3_000_000 + i}`);
  for (const phone of phones) {
    await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Text me offers" });
  }
  return phones;
}

export async function benchStopLatency(app: ServerProcess, telnyx: TelnyxDouble, db: Db, shopId: string): Promise<Table> {
  const phones = await consentingShoppers(db, shopId);
  // Baseline: the same number of concurrent requests to /healthz, one query through the same stack.
  const health = await Promise.all(phones.map(() => timed(() => fetch(`${app.url}/healthz`).then((r) => r.text()))));
  const stops = await Promise.all(
    phones.map(async (phone) => {
      const sent = await timed(async () => (await telnyx.sendInbound({ from: phone, to: BENCH_SENDING_NUMBER, text: "STOP" })).status);
      const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
      return { ms: sent.ms, status: sent.value, optedOut: contact.optedOutAt !== null };
    }),
  );
  const stopMs = stops.map((s) => s.ms);
  const healthMs = health.map((h) => h.ms);
  const p99 = percentile(stopMs, 99);
  return {
    title: `2. STOP latency (${SHOPPERS} concurrent signed message.received STOP webhooks)`,
    columns: ["figure", "STOP", "baseline: GET /healthz ×50", "STOP/baseline", "goal"],
    rows: [
      ["p50", ms(percentile(stopMs, 50)), ms(percentile(healthMs, 50)), ratio(percentile(stopMs, 50), percentile(healthMs, 50)), ""],
      ["p99", ms(p99), ms(percentile(healthMs, 99)), ratio(p99, percentile(healthMs, 99)), `< ${P99_GOAL_MS} ms ${p99 < P99_GOAL_MS ? "met" : "MISSED"}`],
      ["answered 200", `${stops.filter((s) => s.status === 200).length}/${SHOPPERS}`, "", "", ""],
      ["opted out when the 200 arrived", `${stops.filter((s) => s.optedOut).length}/${SHOPPERS}`, "", "", ""],
    ],
    notes: [
      "Time from the double starting to sign and send to the app's 200; the opt-out commits before the 200, and each contact was read back as opted out right after.",
    ],
  };
}
