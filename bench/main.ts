// `npm run bench`: every section on SQLite and on PostgreSQL, against the production build,
// each figure beside a baseline measured in the same run. Prints the tables and writes
// BENCHMARKS.md. `-- --engines sqlite` or `-- --sections intake,send-text` narrows a run, and
// `-- --quick` shrinks every size (for trying the bench, not for the record): such a run writes
// bench-partial.md instead, so it never replaces the full record with a few of its sections.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TestEngine } from "../tests/support/migrate";
import { createBenchShop, openBenchDatabase, startAppUnderTest, type BenchDatabase } from "./support/app-under-test";
import { describeMachine } from "./support/machine";
import { renderText, type Table } from "./support/stats";
import { benchIntake } from "./intake";
import { benchStopLatency } from "./stop-latency";
import { benchMemory } from "./memory";
import { benchInbox } from "./inbox";
import { benchSegments } from "./segments";
import { benchCampaignReport } from "./campaign-report";
import { benchCampaignFreeze } from "./campaign-freeze";
import { benchNoop } from "./noop";
import { benchSendText } from "./send-text";
import { benchScaleOut } from "./scale-out";
import { benchIngest } from "./ingest";
import { benchSandboxJoin } from "./sandbox-join";
import { benchFairness } from "./fairness";
import { benchDefaultLimits } from "./default-limits";
import { benchRetention } from "./retention";
import { benchmarksMarkdown } from "./report";

const SECTIONS = ["intake", "stop", "memory", "noop", "send-text", "scale-out", "ingest", "sandbox-join", "fairness", "limits", "retention", "inbox", "segments", "campaign-report", "campaign-freeze"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgresql" },
    sections: { type: "string", default: SECTIONS.join(",") },
    quick: { type: "boolean", default: false },
    output: { type: "string" },
  },
});
const engines = values.engines.split(",") as TestEngine[];
const sections = new Set(values.sections.split(",") as Section[]);
const unknown = [...sections].filter((name) => !SECTIONS.includes(name));
if (unknown.length > 0) throw new Error(`Unknown sections: ${unknown.join(", ")} (known: ${SECTIONS.join(", ")})`);
const quick = values.quick;
const fullRun = !quick && sections.size === SECTIONS.length && ["sqlite", "postgresql"].every((engine) => engines.includes(engine as TestEngine));
const output = values.output ?? (fullRun ? "BENCHMARKS.md" : "bench-partial.md");

export const sizes = {
  stepSeconds: quick ? 2 : 5,
  fixedSeconds: quick ? 3 : 10,
  memoryRequests: quick ? 5_000 : 100_000,
  memoryMaxSeconds: quick ? 20 : 300,
  noopJobs: quick ? 5_000 : 20_000,
  campaignTexts: quick ? 500 : 10_000,
  ingestDeliveries: quick ? 500 : 10_000,
  joins: quick ? 100 : 2_000,
  joinWaitSeconds: quick ? 30 : 300,
  limitSeconds: quick ? 3 : 10,
  historyJobs: quick ? 50_000 : 1_000_000,
  backlogJobs: quick ? 10_000 : 100_000,
  inboxConversations: quick ? 1_000 : 10_000,
  inboxMessages: quick ? 50_000 : 1_000_000,
  otherShops: 9,
  otherShopConversations: quick ? 100 : 1_000,
  calls: quick ? 20 : 50,
  segmentContacts: quick ? 10_000 : 100_000,
  campaignRecipients: quick ? 10_000 : 100_000,
  freezeContacts: quick ? 10_000 : 100_000,
};

function show(results: Table[], table: Table) {
  results.push(table);
  console.log(`\n${renderText(table)}`);
}

async function serverSections(engine: TestEngine, results: Table[]) {
  const database = await openBenchDatabase(engine, "app");
  try {
    const shop = await createBenchShop(database.db);
    const running = await startAppUnderTest(database.url);
    try {
      if (sections.has("intake")) show(results, await benchIntake(running.app, database.db, database.url, sizes));
      if (sections.has("stop")) show(results, await benchStopLatency(running.app, running.telnyx, database.db, shop.id));
      if (sections.has("memory")) show(results, await benchMemory(running.app, database.url, sizes.memoryRequests, sizes.memoryMaxSeconds));
    } catch (error) {
      console.error(running.app.output());
      throw error;
    } finally {
      await running.stop();
    }
  } finally {
    await database.drop();
  }
}

/** A section on a database of its own; it starts whatever processes it measures. */
async function ownDatabaseSection(engine: TestEngine, label: Section, run: (db: BenchDatabase) => Promise<Table | Table[]>, results: Table[]) {
  if (!sections.has(label)) return;
  const database = await openBenchDatabase(engine, label.replace("-", "_"));
  try {
    for (const table of [await run(database)].flat()) show(results, table);
  } finally {
    await database.drop();
  }
}

async function ingestSection(database: BenchDatabase) {
  const shop = await createBenchShop(database.db);
  const running = await startAppUnderTest(database.url);
  try {
    return await benchIngest(running, database.db, shop.id, sizes);
  } catch (error) {
    console.error(running.app.output());
    throw error;
  } finally {
    await running.stop();
  }
}

const started = Date.now();
const machine = describeMachine();
console.log(machine.join("\n"));
const byEngine: { engine: TestEngine; tables: Table[] }[] = [];
for (const engine of engines) {
  console.log(`\n######## ${engine}`);
  const tables: Table[] = [];
  byEngine.push({ engine, tables });
  if (sections.has("intake") || sections.has("stop") || sections.has("memory")) await serverSections(engine, tables);
  await ownDatabaseSection(engine, "noop", (d) => benchNoop(d, sizes), tables);
  await ownDatabaseSection(engine, "send-text", (d) => benchSendText(d, sizes), tables);
  // Several worker processes on one database are for PostgreSQL only (one writer on SQLite).
  if (engine === "postgresql") await ownDatabaseSection(engine, "scale-out", (d) => benchScaleOut(d, sizes), tables);
  await ownDatabaseSection(engine, "ingest", ingestSection, tables);
  await ownDatabaseSection(engine, "sandbox-join", (d) => benchSandboxJoin(d, sizes), tables);
  await ownDatabaseSection(engine, "fairness", (d) => benchFairness(d, sizes), tables);
  await ownDatabaseSection(engine, "limits", (d) => benchDefaultLimits(d, sizes), tables);
  await ownDatabaseSection(engine, "retention", (d) => benchRetention(d, sizes), tables);
  await ownDatabaseSection(engine, "inbox", (d) => benchInbox(d, sizes), tables);
  await ownDatabaseSection(engine, "segments", (d) => benchSegments(d, sizes), tables);
  await ownDatabaseSection(engine, "campaign-report", (d) => benchCampaignReport(d, sizes), tables);
  await ownDatabaseSection(engine, "campaign-freeze", (d) => benchCampaignFreeze(d, sizes), tables);
}
const minutes = (Date.now() - started) / 60_000;
console.log(`\nBench finished in ${minutes.toFixed(1)} min.`);
writeFileSync(output, benchmarksMarkdown({ machine, byEngine, minutes, quick, sizes }));
console.log(`Wrote ${output}`);
process.exit(0);
