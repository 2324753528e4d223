// Subscribers as CSV: the import's reading (switching from another SMS app, with each
// shopper's consent evidence) and the Subscribers page's export. RFC 4180: quoted fields may
// hold commas, quotes (doubled) and line breaks; CRLF or LF; a UTF-8 BOM is ignored.
import { csvCell } from "~/compliance/consent-log-csv";
import type { SubscriberRow } from "./subscribers.server";

export const IMPORT_COLUMNS = ["phone", "consented_at", "source", "disclosure"] as const;
export const OPTIONAL_IMPORT_COLUMNS = ["first_name", "tags", "welcome"] as const;
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A data row of the file, as the API's JSON would carry it, with the line it starts on. */
export interface CsvSubscriber {
  line: number;
  raw: { phone: string; firstName?: string; tags?: string[]; welcome?: string; consent: { consentedAt: string; source: string; disclosure: string } };
}

export type ReadCsv = { ok: true; rows: CsvSubscriber[] } | { ok: false; error: string };

// The API's field paths as the file's column names, for the report.
const COLUMN_OF_FIELD: Record<string, string> = {
  phone: "phone",
  firstName: "first_name",
  tags: "tags",
  welcome: "welcome",
  "consent.consentedAt": "consented_at",
  "consent.source": "source",
  "consent.disclosure": "disclosure",
};
export const columnOfField = (field: string) => COLUMN_OF_FIELD[field] ?? field;

/** Records with the line each starts on (1 is the header). Blank lines are skipped. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") records.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") cells.push(cell), (cell = "");
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      start = ++line;
    } else cell += char;
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

// The export guards cells against spreadsheet formulas with a leading apostrophe; a file
// exported here and imported again reads the same.
const unguarded = (value: string) => value.trim().replace(/^'(?=[=+\-@])/, "");

export function readSubscriberCsv(text: string): ReadCsv {
  const [header, ...records] = parseCsv(text);
  if (!header) return { ok: false, error: "The file is empty" };
  const names = header.cells.map((name) => name.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) return { ok: false, error: `The first line must name the columns; missing: ${missing.join(", ")}` };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, error: `At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} subscribers a file (this one has ${records.length.toLocaleString("en-US")}): split it` };
  const at = (cells: string[], column: string) => unguarded(cells[names.indexOf(column)] ?? "");
  return {
    ok: true,
    rows: records.map(({ line, cells }) => {
      const tags = names.includes("tags") ? at(cells, "tags").split(/[;,]/).map((tag) => tag.trim()).filter(Boolean) : [];
      const firstName = names.includes("first_name") ? at(cells, "first_name") : "";
      const welcome = names.includes("welcome") ? at(cells, "welcome") : "";
      return {
        line,
        raw: {
          phone: at(cells, "phone"),
          ...(firstName && { firstName }),
          ...(tags.length > 0 && { tags }),
          ...(welcome && { welcome }),
          consent: { consentedAt: at(cells, "consented_at"), source: at(cells, "source"), disclosure: at(cells, "disclosure") },
        },
      };
    }),
  };
}

export const EXPORT_COLUMNS = ["phone", "first_name", "last_name", "consent", "consent_source", "tags", "country", "state", "orders_count", "created_at"] as const;

const csvLine = (values: readonly string[]) => `${values.map(csvCell).join(",")}\r\n`;

export const subscriberCsvHeader = () => csvLine(EXPORT_COLUMNS);

export function subscriberCsvLines(rows: readonly SubscriberRow[]): string {
  return rows
    .map((row) =>
      csvLine([
        row.phone,
        row.firstName ?? "",
        row.lastName ?? "",
        row.consentState,
        row.consentSource ?? "",
        row.tags.join(";"),
        row.countryCode ?? "",
        row.provinceCode ?? "",
        String(row.ordersCount),
        row.createdAt.toISOString(),
      ]),
    )
    .join("");
}
