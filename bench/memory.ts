// Section 5: the app's resident memory before and after many intake deliveries (100,000, or
// fewer when the app could not take that many within the time the bench allows; the table
// says so), the baseline server put through the same number.
import { BENCH_SECRET, BENCH_SHOP } from "./support/app-under-test";
import { signedCheckoutRequests } from "./support/checkout-deliveries";
import { load } from "./support/load";
import type { ServerProcess } from "./support/processes";
import { startBaselineIntakeServer } from "./intake";
import type { Table } from "./support/stats";

const GROWTH_GOAL_MIB = 50;
const CONNECTIONS = 10;

const requests = () => signedCheckoutRequests(BENCH_SECRET, BENCH_SHOP);

async function growth(server: ServerProcess, amount: number) {
  await load(server.url, { requests: requests(), rate: 50, seconds: 2 });
  const before = server.rssMiB();
  const run = await load(server.url, { requests: requests(), amount, connections: CONNECTIONS });
  await new Promise((r) => setTimeout(r, 2_000));
  return { before, after: server.rssMiB(), run };
}

/** As many of `wanted` as the app can take in about `maxSeconds`, judged by a 5 s probe. */
async function affordable(app: ServerProcess, wanted: number, maxSeconds: number) {
  const probe = await load(app.url, { requests: requests(), seconds: 5, connections: CONNECTIONS });
  return { amount: Math.min(wanted, Math.max(1_000, Math.round((probe.achievedRate * maxSeconds) / 1_000) * 1_000)), probeRate: probe.achievedRate };
}

export async function benchMemory(app: ServerProcess, databaseUrl: string, wanted: number, maxSeconds: number): Promise<Table> {
  const { amount, probeRate } = await affordable(app, wanted, maxSeconds);
  const baselineServer = await startBaselineIntakeServer(databaseUrl);
  let baseline;
  try {
    baseline = await growth(baselineServer, amount);
  } finally {
    await baselineServer.stop();
  }
  const measured = await growth(app, amount);
  const grew = measured.after - measured.before;
  const mib = (value: number) => `${value.toFixed(1)} MiB`;
  const scaledDown =
    amount < wanted
      ? [`SCALED DOWN from ${wanted.toLocaleString("en-US")} to ${amount.toLocaleString("en-US")} deliveries: the app took ${probeRate.toFixed(0)}/s in a 5 s probe, so ${wanted.toLocaleString("en-US")} would have run ${(wanted / probeRate / 60).toFixed(0)} min; the bench allows ~${maxSeconds} s here.`]
      : [];
  return {
    title: `5. Memory (server RSS around ${amount.toLocaleString("en-US")} intake deliveries)`,
    columns: ["figure", "app", "baseline", "goal"],
    rows: [
      ["RSS before", mib(measured.before), mib(baseline.before), ""],
      ["RSS after", mib(measured.after), mib(baseline.after), ""],
      ["growth", mib(grew), mib(baseline.after - baseline.before), `< ${GROWTH_GOAL_MIB} MiB ${grew < GROWTH_GOAL_MIB ? "met" : "MISSED"}`],
      [`rate while loading (${CONNECTIONS} connections, unthrottled)`, `${measured.run.achievedRate.toFixed(0)}/s`, `${baseline.run.achievedRate.toFixed(0)}/s`, ""],
      ["failed requests", String(measured.run.failures), String(baseline.run.failures), ""],
    ],
    notes: [
      ...scaledDown,
      "VmRSS of the server process from /proc/<pid>/status, read after a 2 s warm-up and 2 s after the last request; no forced GC, so the figure includes garbage not yet collected.",
    ],
  };
}
