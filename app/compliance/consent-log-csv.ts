// The consent log as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a
// quote or a line break, quotes doubled). Consent texts are written by shoppers, so a cell
// that a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) is
// prefixed with an apostrophe, which spreadsheets read as "this is text" (OWASP's advice).
import type { ConsentLogRow } from "./consent-log.server";

export const CONSENT_LOG_CSV_HEADER = ["phone", "scope", "status", "source", "text", "time"] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function consentLogCsvHeader(): string {
  return csvLine(CONSENT_LOG_CSV_HEADER);
}

export function consentLogCsvLines(rows: readonly ConsentLogRow[]): string {
  return rows
    .map((row) => csvLine([row.phone, row.scope, row.granted ? "granted" : "revoked", row.source, row.text, row.occurredAt.toISOString()]))
    .join("");
}
