// A CSV of subscribers from another SMS app, imported the way the API imports them (the same
// checks, the same ledger entries, source csv_import), and reported line by line.
import type { AppContext } from "~/context.server";
import { checkSubscriber } from "./subscriber-input";
import { importSubscribers, type ImportOptions, type RefusalReason } from "./subscriber-import.server";
import { columnOfField, readSubscriberCsv } from "./subscriber-csv";

export interface RefusedLine {
  line: number;
  phone: string;
  column: string;
  reason: RefusalReason;
  error: string;
}

export type CsvImportReport =
  | { ok: true; created: number; updated: number; refused: RefusedLine[] }
  | { ok: false; error: string };

export async function importSubscriberCsv(ctx: AppContext, options: Omit<ImportOptions, "source">, text: string): Promise<CsvImportReport> {
  const read = readSubscriberCsv(text);
  if (!read.ok) return read;
  const now = ctx.clock.now();
  const outcomes = await importSubscribers(ctx, { ...options, source: "csv_import" }, read.rows.map((row) => checkSubscriber(row.raw, now)));
  const report = { ok: true as const, created: 0, updated: 0, refused: [] as RefusedLine[] };
  outcomes.forEach((outcome, i) => {
    if (outcome.outcome !== "refused") report[outcome.outcome]++;
    else {
      const row = read.rows[i]!;
      report.refused.push({ line: row.line, phone: row.raw.phone, column: columnOfField(outcome.field), reason: outcome.reason, error: outcome.error });
    }
  });
  return report;
}
