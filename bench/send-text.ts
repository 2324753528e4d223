// Send-text at campaign scale: many texts due at one moment, drained by `npm run worker`
// processes through the real send-text job against a Telnyx double that answers each send
// after a real API round trip, with the shop's number and account limits raised. The baseline
// is the same number of sends posted straight to the same double by a bare HTTP client with
// as many requests in flight as the worker runs jobs: what the round trip allows at all.
import { parseEnv } from "~/env.server";
import { DEFAULT_TELNYX_DOUBLE_API_KEY, startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { appEnvironment, createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { makeDue, RAISED_LIMITS, seedQueuedReplies, sendLags, setSendingLimits, TELNYX_ROUND_TRIP_MS, perSecond, seconds, verdict } from "./support/sending";
import { startWorkerProcesses } from "./support/worker-processes";
import { ms, percentile, ratio, type Table } from "./support/stats";

const GOAL_PER_SECOND = 1_000;
const LAG_P99_GOAL_MS = 15_000;
const DRAIN_TIMEOUT_MS = 20 * 60_000;

export const workerConcurrency = (telnyx: TelnyxDouble) => parseEnv(appEnvironment("file:unused.db", telnyx, 9) as NodeJS.ProcessEnv).TEXTBACK_WORKER_CONCURRENCY;

let runs = 0;
/**
 * The campaign goes out from this many shops' short codes: one number may send at most
 * 1,000/s (Telnyx's ceiling, less the limiter's jitter allowance), so a figure above that
 * needs more than one. Each shop is a merchant with its own Telnyx account, as merchants are:
 * the shops of one account share its limit, and book its slots one shop after the other.
 */
export const CAMPAIGN_SHOPS = 4;
const campaignApiKey = (shop: number) => `KEY_bench_merchant_${shop}`;

/** The double for drainWithWorkers: it knows the campaign shops' keys and answers after a real round trip. */
export const startCampaignDouble = () =>
  startTelnyxDouble({
    deliveryWebhooks: false,
    responseDelayMs: TELNYX_ROUND_TRIP_MS,
    apiKeys: [DEFAULT_TELNYX_DOUBLE_API_KEY, ...Array.from({ length: CAMPAIGN_SHOPS }, (_, i) => campaignApiKey(i))],
  });

/**
 * `count` texts, spread over CAMPAIGN_SHOPS new shops (short codes, number and account limits
 * raised), drained by `processes` worker processes; lags behind the due time.
 */
export async function drainWithWorkers(database: BenchDatabase, telnyx: TelnyxDouble, count: number, processes: number) {
  runs += 1;
  const numbers: string[] = [];
  const shares = Array.from({ length: CAMPAIGN_SHOPS }, (_, i) => Math.floor(count / CAMPAIGN_SHOPS) + (i < count % CAMPAIGN_SHOPS ? 1 : 0));
  for (let i = 0; i < CAMPAIGN_SHOPS; i++) {
    const number = `+1312555${String(1000 + runs * 10 + i).padStart(4, "0")}`;
    const shop = await createBenchShop(database.db, `bench-send-${runs}-${i}.myshopify.com`, number, campaignApiKey(i));
    await setSendingLimits(database.db, shop.id, { numberType: "short_code", ...RAISED_LIMITS });
    await seedQueuedReplies(database.db, shop, shares[i]!, String(312 + i * 100));
    numbers.push(number);
  }
  const workers = await startWorkerProcesses(processes, database.url, telnyx);
  try {
    const dueAt = await makeDue(database.db, {});
    const lags = (await Promise.all(numbers.map((number, i) => sendLags(telnyx, number, shares[i]!, dueAt, DRAIN_TIMEOUT_MS)))).flat();
    return { lags, drainMs: Math.max(...lags) };
  } catch (error) {
    console.error(workers.output());
    throw error;
  } finally {
    await workers.stop();
  }
}

/** The baseline: `count` sends from a bare client, `inFlight` at a time; times since the first went out. */
async function bareSends(telnyx: TelnyxDouble, count: number, inFlight: number) {
  const from = "+13125559999";
  let next = 0;
  const started = Date.now();
  const sender = async () => {
    while (next < count) {
      const to = `+1773${2_000_000 + next++}`;
      const response = await fetch(`${telnyx.apiBaseUrl}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${DEFAULT_TELNYX_DOUBLE_API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ from, to, text: "It ships today. Reply here with any question." }),
      });
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  const lags = telnyx.messages({ from }).map((m) => m.at.getTime() - started);
  return { lags, drainMs: Date.now() - started };
}

export async function benchSendText(database: BenchDatabase, sizes: { campaignTexts: number }): Promise<Table> {
  const n = sizes.campaignTexts;
  const telnyx = await startCampaignDouble();
  try {
    const inFlight = workerConcurrency(telnyx);
    const bare = await bareSends(telnyx, n, inFlight);
    telnyx.reset();
    const sends = await drainWithWorkers(database, telnyx, n, 1);
    const p50 = percentile(sends.lags, 50);
    const p99 = percentile(sends.lags, 99);
    const rate = n / (sends.drainMs / 1000);
    return {
      title: `5. Send-text: ${n.toLocaleString("en-US")} texts due at once, one worker process, Telnyx answering after ${TELNYX_ROUND_TRIP_MS} ms, limits raised`,
      columns: ["figure", "send-text jobs", `baseline: bare client, ${inFlight} in flight`, "jobs/baseline", "goal"],
      rows: [
        ["texts per second (due → last request)", perSecond(n, sends.drainMs), perSecond(n, bare.drainMs), ratio(bare.drainMs, sends.drainMs), verdict(rate >= GOAL_PER_SECOND, `≥ ${GOAL_PER_SECOND.toLocaleString("en-US")}/s`)],
        ["time to drain", seconds(sends.drainMs), seconds(bare.drainMs), "", ""],
        ["lag due → request at Telnyx, p50", ms(p50, 0), ms(percentile(bare.lags, 50), 0), ratio(p50, percentile(bare.lags, 50)), ""],
        ["lag p99", ms(p99, 0), ms(percentile(bare.lags, 99), 0), ratio(p99, percentile(bare.lags, 99)), verdict(p99 < LAG_P99_GOAL_MS, "< 15 s")],
      ],
      notes: [
        `The worker: one \`npm run worker\` process (app/jobs/main.ts, TEXTBACK_WORKER_CONCURRENCY at its default, ${inFlight}); the jobs become due 1 s after it has started and it finds them on its next poll.`,
        `Texts are conversational replies (each shopper texted first) from the short codes of ${CAMPAIGN_SHOPS} shops, each with its own Telnyx account, whose settings raise the number's limit to ${RAISED_LIMITS.perSecond}/s and the account's to ${RAISED_LIMITS.accountPerSecond}/s; the sender gate still runs for each.`,
        `The baseline posts the same sends to the same double with ${inFlight} requests in flight on keep-alive connections: the ceiling that ${TELNYX_ROUND_TRIP_MS} ms per answer puts on that concurrency. Its lag is from its first request.`,
      ],
    };
  } finally {
    await telnyx.close();
  }
}
