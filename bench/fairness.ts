// Fairness: while shop A has a campaign-sized backlog of texts being sent, shoppers of shop B
// text STOP one after another; the time from each signed webhook leaving the Telnyx double to
// the STOP's confirmation reaching it. Baseline: the same STOPs with the queue idle.
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { systemClock } from "~/clock.server";
import type { Db } from "~/db.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import type { TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { createBenchShop, type BenchDatabase, startAppUnderTest } from "./support/app-under-test";
import { makeDue, RAISED_LIMITS, seedQueuedReplies, setSendingLimits, TELNYX_ROUND_TRIP_MS, verdict, waitFor } from "./support/sending";
import { ms, percentile, ratio, type Table } from "./support/stats";

const P99_GOAL_MS = 2_000;
/** STOPs are spread out so that shop B's own sending never queues them behind each other. */
const STOP_SPACING_MS = 200;
const WARM_UP_STOPS = 5;
const SHOP_B_NUMBER = "+13125550300";
const SHOP_A_NUMBER = "+13125550301";
const SHOP_A_API_KEY = "KEY_BENCH_FAIRNESS_SHOP_A";
const SHOP_B_API_KEY = "KEY_BENCH_FAIRNESS_SHOP_B";

async function consentingShoppers(db: Db, shopId: string, count: number, first: number) {
  const phones = Array.from({ length: count }, (_, i) => `+1415${first + i}`);
  for (const phone of phones) {
    await recordConsentEvent({ db, clock: systemClock }, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Text me offers" });
  }
  return phones;
}

/** Each shopper texts STOP, `STOP_SPACING_MS` apart; the time until their confirmation reached the double. */
async function stopConfirmations(telnyx: TelnyxDouble, phones: string[]) {
  const sentAt = new Map<string, number>();
  // 0: the app did not answer within the double's webhook timeout.
  const answers: Promise<number>[] = [];
  for (const phone of phones) {
    sentAt.set(phone, Date.now());
    answers.push(telnyx.sendInbound({ from: phone, to: SHOP_B_NUMBER, text: "STOP" }).then((a) => a.status, () => 0));
    await new Promise((r) => setTimeout(r, STOP_SPACING_MS));
  }
  const answered = (await Promise.all(answers)).filter((status) => status === 200).length;
  const confirmed = () => phones.filter((p) => telnyx.messages({ to: p }).length > 0).length;
  await waitFor(() => confirmed() === phones.length, 60_000, "STOP confirmations").catch(() => {});
  const latencies = phones.map((p) => (telnyx.messages({ to: p })[0]?.at.getTime() ?? Infinity) - sentAt.get(p)!);
  return { latencies, answered };
}

export async function benchFairness(database: BenchDatabase, sizes: { campaignTexts: number; calls: number }): Promise<Table> {
  const { db } = database;
  // Two merchants, two Telnyx accounts: shop A's campaign books its own account's slots.
  const shopB = await createBenchShop(db, "bench-fair-b.myshopify.com", SHOP_B_NUMBER, SHOP_B_API_KEY);
  const shopA = await createBenchShop(db, "bench-fair-a.myshopify.com", SHOP_A_NUMBER, SHOP_A_API_KEY);
  for (const shop of [shopA, shopB]) await setSendingLimits(db, shop.id, { numberType: "short_code", ...RAISED_LIMITS });
  await seedQueuedReplies(db, shopA, sizes.campaignTexts, "312");
  const warmUpPhones = await consentingShoppers(db, shopB.id, WARM_UP_STOPS, 4_000_000);
  const idlePhones = await consentingShoppers(db, shopB.id, sizes.calls, 2_000_000);
  const busyPhones = await consentingShoppers(db, shopB.id, sizes.calls, 3_000_000);
  const running = await startAppUnderTest(database.url, { telnyx: { responseDelayMs: TELNYX_ROUND_TRIP_MS, apiKeys: [SHOP_A_API_KEY, SHOP_B_API_KEY] } });
  try {
    // A running app has compiled the STOP path long before; a fresh process has not.
    await stopConfirmations(running.telnyx, warmUpPhones);
    const { latencies: idle, answered: idleAnswered } = await stopConfirmations(running.telnyx, idlePhones);
    await makeDue(db, { shopId: shopA.id });
    await waitFor(() => running.telnyx.messages({ from: SHOP_A_NUMBER }).length > 0, 60_000, "shop A's first text");
    const backlog = () => db.job.count({ where: { shopId: shopA.id, kind: SEND_TEXT_JOB, status: { in: ["queued", "running"] } } });
    const queuedAtStart = await backlog();
    const { latencies: busy, answered: busyAnswered } = await stopConfirmations(running.telnyx, busyPhones);
    const queuedAtEnd = await backlog();
    const p99 = percentile(busy, 99);
    return {
      title: `9. Fairness: ${sizes.calls} STOPs to shop B while shop A's ${sizes.campaignTexts.toLocaleString("en-US")} texts are being sent`,
      columns: ["figure", "shop A's backlog sending", "baseline: queue idle", "busy/idle", "goal"],
      rows: [
        ["STOP → its confirmation at Telnyx, p50", ms(percentile(busy, 50), 0), ms(percentile(idle, 50), 0), ratio(percentile(busy, 50), percentile(idle, 50)), ""],
        ["p99", ms(p99, 0), ms(percentile(idle, 99), 0), ratio(p99, percentile(idle, 99)), verdict(p99 < P99_GOAL_MS, "< 2 s")],
        ["STOP webhooks the app answered 200 within 5 s", `${busyAnswered}/${sizes.calls}`, `${idleAnswered}/${sizes.calls}`, "", ""],
        ["confirmations that arrived", `${busy.filter(Number.isFinite).length}/${sizes.calls}`, `${idle.filter(Number.isFinite).length}/${sizes.calls}`, "", ""],
        ["shop A's jobs not yet done at the first / last STOP", `${queuedAtStart.toLocaleString("en-US")} / ${queuedAtEnd.toLocaleString("en-US")}`, "", "", ""],
      ],
      notes: [
        `The app as \`npm start\` runs it (worker inline); both shops' number and account limits raised in their settings, the double answering after ${TELNYX_ROUND_TRIP_MS} ms. One STOP every ${STOP_SPACING_MS} ms, each from a shopper with marketing consent; a confirmation not seen within 60 s counts as infinitely late. Measured after ${WARM_UP_STOPS} warm-up STOPs.`,
      ],
    };
  } finally {
    await running.stop();
  }
}
