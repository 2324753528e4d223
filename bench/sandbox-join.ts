// End to end in the sandbox (its number a short code): shoppers text JOIN through
// POST /sandbox/inbound, a fixed number at a time, and each JOIN's confirmation must reach the
// sandbox's Telnyx double. Confirmations per second against JOINs accepted per second (the
// baseline: the rate the work came in at), and how long the backlog outlasts the JOINs.
import type { BenchDatabase } from "./support/app-under-test";
import { startServerProcess } from "./support/processes";
import { perSecond, seconds, verdict } from "./support/sending";
import { ratio, type Table } from "./support/stats";

const IN_FLIGHT = 20;
const GOAL_RATIO = 0.5;
const POLL_MS = 250;

export async function benchSandboxJoin(database: BenchDatabase, sizes: { joins: number; joinWaitSeconds: number }): Promise<Table> {
  const n = sizes.joins;
  const app = await startServerProcess("app/sandbox/main.ts", { DATABASE_URL: database.url, SANDBOX_NUMBER_TYPE: "short_code", NODE_ENV: "development" }, "/healthz");
  try {
    const phones = Array.from({ length: n }, (_, i) => `+1646${2_000_000 + i}`);
    const wanted = new Set(phones);
    // The double stamps texts with the sandbox's virtual clock, which stands still: the bench
    // notes the real time it first sees each confirmation instead.
    const confirmedAt = new Map<string, number>();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const { messages } = (await (await fetch(`${app.url}/sandbox/messages`)).json()) as { messages: { to: string }[] };
        for (const m of messages) if (wanted.has(m.to) && !confirmedAt.has(m.to)) confirmedAt.set(m.to, Date.now());
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    const started = Date.now();
    let next = 0;
    let refused = 0;
    const shopper = async () => {
      while (next < n) {
        const from = phones[next++]!;
        const response = await fetch(`${app.url}/sandbox/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ from, text: "JOIN" }) });
        if (((await response.json()) as { status: number }).status !== 200) refused++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, shopper));
    const acceptedMs = Date.now() - started;
    const deadline = Date.now() + sizes.joinWaitSeconds * 1000;
    while (confirmedAt.size < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
    polling = false;
    await poll;
    const lastMs = confirmedAt.size > 0 ? Math.max(...confirmedAt.values()) - started : Infinity;
    const confirmationRate = confirmedAt.size / (lastMs / 1000);
    const joinRate = (n - refused) / (acceptedMs / 1000);
    const tailMs = lastMs - acceptedMs;
    return {
      title: `8. Sandbox end to end: ${n.toLocaleString("en-US")} shoppers text JOIN, ${IN_FLIGHT} at a time (SANDBOX_NUMBER_TYPE=short_code)`,
      columns: ["figure", "confirmations at Telnyx", "baseline: JOINs accepted", "confirmations/JOINs", "goal"],
      rows: [
        ["per second (first JOIN → last)", perSecond(confirmedAt.size, lastMs), perSecond(n - refused, acceptedMs), ratio(confirmationRate, joinRate), verdict(confirmationRate >= GOAL_RATIO * joinRate, `≥ ${GOAL_RATIO}×`)],
        ["count", `${confirmedAt.size}/${n}`, `${n - refused}/${n}`, "", verdict(confirmedAt.size === n, "all")],
        ["last confirmation after the last JOIN was accepted", confirmedAt.size === n ? seconds(tailMs) : `not drained: ${n - confirmedAt.size} missing ${sizes.joinWaitSeconds} s later`, "", "", ""],
        ["time to accept every JOIN", "", seconds(acceptedMs), "", ""],
      ],
      notes: [
        `The sandbox as \`npm run sandbox\` starts it (worker inline, its own Telnyx double), on this engine's database; each POST /sandbox/inbound has the double sign and post message.received to the app and answers with the app's status. Confirmations are seen by polling GET /sandbox/messages every ${POLL_MS} ms; waited for up to ${sizes.joinWaitSeconds} s after the last JOIN.`,
      ],
    };
  } catch (error) {
    console.error(app.output());
    throw error;
  } finally {
    await app.stop();
  }
}
