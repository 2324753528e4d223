// The app's resident memory before and after many intake deliveries: 100,000, or
// as many as the app takes within the time the bench allows (the table then says so), beside
// the baseline server put through 100,000.
import { BENCH_SECRET, BENCH_SHOP } from "./support/app-under-test";
import { signedCheckoutRequests } from "./support/checkout-deliveries";
import { load, type LoadOptions } from "./support/load";
import type { ServerProcess } from "./support/processes";
import { startBaselineIntakeServer } from "./intake";
import type { Table } from "./support/stats";

const GROWTH_GOAL_MIB = 50;
const CONNECTIONS = 10;

async function growth(server: ServerProcess, run: Pick<LoadOptions, "amount" | "seconds">) {
  const requests = signedCheckoutRequests(BENCH_SECRET, BENCH_SHOP);
  await load(server.url, { requests, rate: 10, seconds: 2 });
  await new Promise((r) => setTimeout(r, 2_000));
  const before = server.rssMiB();
  // Sampled through the run, so a plateau (heap sized to the load) tells apart from a climb (a leak).
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(server.rssMiB()), 1_000);
  const loaded = await load(server.url, { requests, connections: CONNECTIONS, ...run });
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 2_000));
  const halfway = samples[Math.floor(samples.length / 2)] ?? before;
  return { before, halfway, peak: Math.max(before, ...samples), after: server.rssMiB(), run: loaded };
}

export async function benchMemory(app: ServerProcess, databaseUrl: string, wanted: number, maxSeconds: number): Promise<Table> {
  // The baseline goes first, while the app is idle: the app leaves a queue of deliveries to
  // apply, and its worker would compete with the baseline for the CPU (and, on SQLite, for the
  // one write lock). The app then gets the same number, within `maxSeconds`.
  const baselineServer = await startBaselineIntakeServer(databaseUrl);
  let baseline;
  try {
    baseline = await growth(baselineServer, { amount: wanted });
  } finally {
    await baselineServer.stop();
  }
  const measured = await growth(app, { amount: wanted, seconds: maxSeconds });
  const amount = measured.run.requests;
  const grew = measured.after - measured.before;
  const mib = (value: number) => `${value.toFixed(1)} MiB`;
  const count = (n: number) => n.toLocaleString("en-US");
  const scaledDown =
    amount < wanted
      ? [`SCALED DOWN from ${count(wanted)} to ${count(amount)} deliveries: at ${measured.run.achievedRate.toFixed(0)}/s the app would have needed ${(wanted / measured.run.achievedRate / 60).toFixed(0)} min for ${count(wanted)}; the bench gives the app ${maxSeconds} s per engine (the baseline took all ${count(wanted)}).`]
      : [];
  return {
    title: `3. Memory (server RSS around ${count(amount)} intake deliveries)`,
    columns: ["figure", "app", "baseline", "goal"],
    rows: [
      ["RSS before", mib(measured.before), mib(baseline.before), ""],
      ["RSS halfway through", mib(measured.halfway), mib(baseline.halfway), ""],
      ["RSS peak", mib(measured.peak), mib(baseline.peak), ""],
      ["RSS after", mib(measured.after), mib(baseline.after), ""],
      ["growth over the second half", mib(measured.after - measured.halfway), mib(baseline.after - baseline.halfway), ""],
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
