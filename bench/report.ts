// BENCHMARKS.md: the latest run's tables, the machine they come from, and the hand-written
// notes (bench/notes.md) on what the figures mean and why a goal is missed.
import { readFileSync } from "node:fs";
import { renderMarkdown, type Table } from "./support/stats";

export interface Run {
  machine: string[];
  byEngine: { engine: string; tables: Table[] }[];
  minutes: number;
  quick: boolean;
  sizes: Record<string, number>;
}

function missedGoals(run: Run): string[] {
  return run.byEngine.flatMap(({ engine, tables }) =>
    tables.flatMap((table) =>
      table.rows.filter((row) => row.some((cell) => cell.includes("MISSED"))).map((row) => `${engine}: ${table.title} — ${row[0]}`),
    ),
  );
}

export function benchmarksMarkdown(run: Run): string {
  const missed = missedGoals(run);
  const notes = readFileSync(new URL("./notes.md", import.meta.url), "utf8").trim();
  return [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/main.ts); every figure below comes from the latest run and stands beside a baseline measured in the same run (the default-limits table compares with the limits themselves), because timings on a shared 2-core machine move from run to run. Each table's goal column says whether the goal was met in this run. Re-run it to check any claim.",
    "",
    ...(run.quick ? ["**Quick run (`--quick`): sizes shrunk, not comparable with the goals.**", ""] : []),
    "## Machine",
    "",
    ...run.machine.map((line) => `- ${line}`),
    `- Whole bench: ${run.minutes.toFixed(1)} min`,
    "",
    "## Goals missed in this run",
    "",
    ...(missed.length > 0 ? missed.map((line) => `- ${line}`) : ["None."]),
    "",
    ...run.byEngine.flatMap(({ engine, tables }) => [
      `## ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      "",
      ...tables.flatMap((table) => [renderMarkdown(table), ""]),
    ]),
    notes,
    "",
  ].join("\n");
}
