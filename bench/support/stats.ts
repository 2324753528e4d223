// Percentiles and the plain-text tables the bench prints (and BENCHMARKS.md repeats).

/** Nearest-rank percentile of a sample (p in 0..100); NaN for an empty sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : "n/a";
}

export function ratio(app: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(app) ? `${(app / baseline).toFixed(2)}×` : "n/a";
}

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
}

export function renderText(table: Table): string {
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join("  ");
  return [
    `== ${table.title}`,
    line(table.columns),
    line(widths.map((w) => "-".repeat(w))),
    ...table.rows.map(line),
    ...table.notes.map((note) => `   ${note}`),
  ].join("\n");
}

export function renderMarkdown(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    `### ${table.title}`,
    "",
    line(table.columns),
    line(table.columns.map(() => "---")),
    ...table.rows.map(line),
    "",
    ...table.notes.map((note) => `- ${note}`),
  ].join("\n");
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** p50 and p95 of `calls` one-at-a-time calls, after `warmUp` calls that are not counted. */
export async function sampleLatency(calls: number, call: (i: number) => Promise<unknown>, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) await call(i);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push((await timed(() => call(i))).ms);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
