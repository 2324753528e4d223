// The default limits hold: shops on every number type at Telnyx's default rates, three of them
// toll-free numbers on one Telnyx account (together able to ask for more than the account
// allows), drained by one `npm run worker` process. From the double's log of requests: the most
// texts any number, and any account, sent in a sliding 1 s window.
import { ACCOUNT_RATE, NUMBER_RATES } from "~/messaging/sending-limits";
import { startTelnyxDouble } from "~/sandbox/telnyx-double.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { makeDue, seedQueuedReplies, setSendingLimits, TELNYX_ROUND_TRIP_MS, verdict, type NumberType } from "./support/sending";
import { startWorkerProcesses } from "./support/worker-processes";
import type { Table } from "./support/stats";

const ACCOUNT_DEFAULT_PER_SECOND = ACCOUNT_RATE.perSecond;
const WINDOW_MS = 1_000;
const AREA_CODES = ["212", "312", "415", "646", "773"];

/** Most timestamps in any window [t, t + 1 s). */
function maxInWindow(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + WINDOW_MS) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

const defaultRate = (type: NumberType) => NUMBER_RATES[type].perSecond;

export async function benchDefaultLimits(database: BenchDatabase, sizes: { limitSeconds: number }): Promise<Table> {
  const accounts = { shared: "KEY_BENCH_ACCOUNT_SHARED", own: "KEY_BENCH_ACCOUNT_OWN" };
  // Enough texts to keep each number at its limit for about `limitSeconds`.
  const shops: { type: NumberType; key: string; texts: number }[] = [
    { type: "long_code", key: accounts.own, texts: Math.max(3, sizes.limitSeconds) },
    { type: "short_code", key: accounts.own, texts: 20 * sizes.limitSeconds },
    ...[1, 2, 3].map(() => ({ type: "toll_free" as const, key: accounts.shared, texts: 20 * sizes.limitSeconds })),
  ];
  const telnyx = await startTelnyxDouble({ deliveryWebhooks: false, responseDelayMs: TELNYX_ROUND_TRIP_MS, apiKeys: Object.values(accounts) });
  try {
    const seeded: ((typeof shops)[number] & { number: string })[] = [];
    for (const [i, spec] of shops.entries()) {
      const number = `+1312555${String(2000 + i).padStart(4, "0")}`;
      const shop = await createBenchShop(database.db, `bench-limits-${i}.myshopify.com`, number, spec.key);
      await setSendingLimits(database.db, shop.id, { numberType: spec.type });
      await seedQueuedReplies(database.db, shop, spec.texts, AREA_CODES[i]!);
      seeded.push({ ...spec, number });
    }
    const total = seeded.reduce((sum, s) => sum + s.texts, 0);
    const workers = await startWorkerProcesses(1, database.url, telnyx);
    try {
      await makeDue(database.db, {});
      // Bounded: a type whose default the app does not know yet sends at 1/s, for far longer.
      const deadline = Date.now() + (4 * sizes.limitSeconds + 30) * 1000;
      while (telnyx.messages().length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await workers.stop();
    }
    const timesFrom = (numbers: string[]) => telnyx.messages().filter((m) => m.from !== null && numbers.includes(m.from)).map((m) => m.at.getTime());
    const byType = (["long_code", "toll_free", "short_code"] as const).map((type) => {
      const numbers = seeded.filter((s) => s.type === type).map((s) => s.number);
      const limit = defaultRate(type);
      const most = Math.max(...numbers.map((n) => maxInWindow(timesFrom([n]))));
      return [`per ${type.replace("_", " ")} number (${numbers.length})`, String(most), limit ? String(limit) : "none by default", limit ? verdict(most <= limit, `≤ ${limit}`) : ""];
    });
    const byAccount = Object.entries(accounts).map(([name, key]) => {
      const most = maxInWindow(timesFrom(seeded.filter((s) => s.key === key).map((s) => s.number)));
      const types = seeded.filter((s) => s.key === key).map((s) => s.type.replace("_", " ")).join(", ");
      return [`per account (${name}: ${types})`, String(most), String(ACCOUNT_DEFAULT_PER_SECOND), verdict(most <= ACCOUNT_DEFAULT_PER_SECOND, `≤ ${ACCOUNT_DEFAULT_PER_SECOND}`)];
    });
    return {
      title: `10. Default limits: most requests at the Telnyx double in any sliding 1 s window`,
      columns: ["sender", "most in 1 s", "baseline: the default limit", "goal"],
      rows: [...byType, ...byAccount, ["texts sent / due", `${telnyx.messages().length} / ${total}`, "", ""]],
      notes: [
        `Five shops at their number type's defaults (no rate in their settings), all texts due at once, one \`npm run worker\` process; the double answers after ${TELNYX_ROUND_TRIP_MS} ms and stamps each request on arrival.`,
        "The three toll-free numbers share one Telnyx account (API key): at 20/s each they could ask for 60/s, so the account limit is what holds them.",
        "A limit is only put to the test when its senders could go faster than it: on a machine too busy to reach a number's rate, a met goal here says little (compare the toll-free row with 20).",
      ],
    };
  } finally {
    await telnyx.close();
  }
}
