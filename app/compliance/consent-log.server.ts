// The consent log as the merchant reads and exports it: a shop's ConsentEvent rows, newest
// first, filtered by source, by granted or revoked, and by part of a phone number. Pages use
// cursors (the id of the row at the page's edge), so rows arriving while someone pages through
// never shift a page or repeat a row.
import type { AppContext } from "~/context.server";
import type { Prisma } from "~/db.server";
import { CONSENT_SOURCES, type ConsentSource } from "./consent-ledger.server";

export const CONSENT_LOG_PAGE_SIZE = 50;
const EXPORT_BATCH_SIZE = 1000;

export interface ConsentLogFilters {
  source: ConsentSource | null;
  status: "granted" | "revoked" | null;
  /** Digits a phone must contain: "(312) 555" finds +1312555…. */
  phoneDigits: string | null;
}

export interface ConsentLogRow {
  id: string;
  phone: string;
  scope: string;
  granted: boolean;
  source: string;
  text: string;
  occurredAt: Date;
}

export interface ConsentLogPage {
  rows: ConsentLogRow[];
  /** Cursors for the next and previous pages; null at either end. */
  nextCursor: string | null;
  previousCursor: string | null;
}

export function consentLogFiltersFrom(params: URLSearchParams): ConsentLogFilters {
  const source = params.get("source");
  const status = params.get("status");
  const phoneDigits = (params.get("phone") ?? "").replace(/\D/g, "");
  return {
    source: CONSENT_SOURCES.find((known) => known === source) ?? null,
    status: status === "granted" || status === "revoked" ? status : null,
    phoneDigits: phoneDigits || null,
  };
}

function whereOf(shopId: string, filters: ConsentLogFilters): Prisma.ConsentEventWhereInput {
  return {
    shopId,
    ...(filters.source && { source: filters.source }),
    ...(filters.status && { granted: filters.status === "granted" }),
    ...(filters.phoneDigits && { phone: { contains: filters.phoneDigits } }),
  };
}

const NEWEST_FIRST: Prisma.ConsentEventOrderByWithRelationInput[] = [{ occurredAt: "desc" }, { id: "desc" }];
const ROW_FIELDS = { id: true, phone: true, scope: true, granted: true, source: true, text: true, occurredAt: true } as const;

/**
 * One page of the log: after a row (the next page), before a row (the previous page), or the
 * first. A cursor that is not one of this shop's rows counts as none.
 */
export async function consentLogPage(
  { db }: AppContext,
  shopId: string,
  filters: ConsentLogFilters,
  at: { after?: string | null; before?: string | null } = {},
): Promise<ConsentLogPage> {
  const where = whereOf(shopId, filters);
  const cursorId = at.after ?? at.before;
  const cursorRow = cursorId ? await db.consentEvent.findFirst({ where: { ...where, id: cursorId }, select: { id: true } }) : null;
  const backwards = Boolean(cursorRow && !at.after);
  const found = await db.consentEvent.findMany({
    where,
    orderBy: NEWEST_FIRST,
    select: ROW_FIELDS,
    take: (CONSENT_LOG_PAGE_SIZE + 1) * (backwards ? -1 : 1),
    ...(cursorRow && { cursor: { id: cursorRow.id }, skip: 1 }),
  });
  const more = found.length > CONSENT_LOG_PAGE_SIZE;
  const rows = backwards ? found.slice(more ? 1 : 0) : found.slice(0, CONSENT_LOG_PAGE_SIZE);
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : Boolean(cursorRow);
  return {
    rows,
    nextCursor: hasNext && rows.length > 0 ? rows[rows.length - 1].id : null,
    previousCursor: hasPrevious && rows.length > 0 ? rows[0].id : null,
  };
}

/** Every row the filters match, newest first, in batches: the CSV export. */
export async function* consentLogBatches(
  { db }: AppContext,
  shopId: string,
  filters: ConsentLogFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ConsentLogRow[]> {
  const where = whereOf(shopId, filters);
  let after: string | null = null;
  for (;;) {
    const batch: ConsentLogRow[] = await db.consentEvent.findMany({
      where,
      orderBy: NEWEST_FIRST,
      select: ROW_FIELDS,
      take: batchSize,
      ...(after && { cursor: { id: after }, skip: 1 }),
    });
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].id;
  }
}
