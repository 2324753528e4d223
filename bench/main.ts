// `npm run bench`: every section on SQLite and on PostgreSQL, against the production build,
// each figure beside a baseline measured in the same run. Prints the tables and writes
// BENCHMARKS.md. `-- --engines sqlite` or `-- --sections intake,stop` narrows a run;
// `-- --quick` shrinks every size (for trying the bench, not for the record).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TestEngine } from "../tests/support/migrate";
import { createBenchShop, openBenchDatabase, startAppUnderTest } from "./support/app-under-test";
import { describeMachine } from "./support/machine";
import { renderText, type Table } from "./support/stats";
import { benchIntake } from "./intake";
import { benchStopLatency } from "./stop-latency";
import { benchMemory } from "./memory";
import { benchScheduler } from "./scheduler";
import { benchInbox } from "./inbox";
import { benchmarksMarkdown } from "./report";

const SECTIONS = ["intake", "stop", "scheduler", "inbox", "memory"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgresql" },
    sections: { type: "string", default: SECTIONS.join(",") },
    quick: { type: "boolean", default: false },
    output: { type: "string", default: "BENCHMARKS.md" },
  },
});
const engines = values.engines.split(",") as TestEngine[];
const sections = new Set(values.sections.split(",") as Section[]);
const quick = values.quick;

export const sizes = {
  stepSeconds: quick ? 2 : 5,
  fixedSeconds: quick ? 3 : 10,
  memoryRequests: quick ? 5_000 : 100_000,
  memoryMaxSeconds: quick ? 20 : 300,
  scheduledTexts: quick ? 1_000 : 10_000,
  throttledTexts: quick ? 8 : 30,
  inboxConversations: quick ? 1_000 : 10_000,
  inboxMessages: quick ? 50_000 : 1_000_000,
  otherShops: 9,
  otherShopConversations: quick ? 100 : 1_000,
  calls: quick ? 20 : 50,
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

async function inProcessSection(engine: TestEngine, label: string, run: (db: Awaited<ReturnType<typeof openBenchDatabase>>) => Promise<Table[]>, results: Table[]) {
  const database = await openBenchDatabase(engine, label);
  try {
    for (const table of await run(database)) show(results, table);
  } finally {
    await database.drop();
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
  if (sections.has("scheduler")) await inProcessSection(engine, "scheduler", (d) => benchScheduler(d, sizes), tables);
  if (sections.has("inbox")) await inProcessSection(engine, "inbox", (d) => benchInbox(d, sizes), tables);
}
const minutes = (Date.now() - started) / 60_000;
console.log(`\nBench finished in ${minutes.toFixed(1)} min.`);
writeFileSync(values.output, benchmarksMarkdown({ machine, byEngine, minutes, quick, sizes }));
console.log(`Wrote ${values.output}`);
process.exit(0);
