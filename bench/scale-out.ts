// Scale-out on PostgreSQL: the same texts due at once, drained by two `npm run worker`
// processes against one (the baseline, run just before), with the same slow Telnyx double.
import type { BenchDatabase } from "./support/app-under-test";
import { drainWithWorkers, startCampaignDouble } from "./send-text";
import { perSecond, seconds, TELNYX_ROUND_TRIP_MS, verdict } from "./support/sending";
import { ms, percentile, type Table } from "./support/stats";

const GOAL_RATIO = 1.7;
const WARM_UP = 100;

export async function benchScaleOut(database: BenchDatabase, sizes: { campaignTexts: number }): Promise<Table> {
  const n = sizes.campaignTexts;
  const telnyx = await startCampaignDouble();
  try {
    // The double runs in this process: warmed up first, so the first measured run does not pay for it.
    await drainWithWorkers(database, telnyx, WARM_UP, 1);
    const one = await drainWithWorkers(database, telnyx, n, 1);
    const two = await drainWithWorkers(database, telnyx, n, 2);
    const speedup = one.drainMs / two.drainMs;
    return {
      title: `6. Scale-out: ${n.toLocaleString("en-US")} texts due at once, Telnyx answering after ${TELNYX_ROUND_TRIP_MS} ms, limits raised`,
      columns: ["figure", "two worker processes", "baseline: one worker process", "two/one", "goal"],
      rows: [
        ["texts per second (due → last request)", perSecond(n, two.drainMs), perSecond(n, one.drainMs), `${speedup.toFixed(2)}×`, verdict(speedup >= GOAL_RATIO, `≥ ${GOAL_RATIO}×`)],
        ["time to drain", seconds(two.drainMs), seconds(one.drainMs), "", ""],
        ["lag p99", ms(percentile(two.lags, 99), 0), ms(percentile(one.lags, 99), 0), "", ""],
      ],
      notes: ["Each run has a shop of its own (short code, limits raised in its settings) and its own `npm run worker` processes, started before the texts become due; both share this machine's 2 cores with PostgreSQL and the double."],
    };
  } finally {
    await telnyx.close();
  }
}
