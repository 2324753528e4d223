// A shop's subscribers as the Subscribers page, its CSV export and GET /api/v1/subscribers read
// them: every contact, newest first, with its consent state, source and tags. Pages use the id
// of the last row as the cursor, so rows arriving meanwhile never shift a page.
import type { AppContext } from "~/context.server";
import { sqlBuildersOf, type Prisma, type SqlBuilders } from "~/db.server";
import { segmentSql, type SegmentRules } from "./segment-rules";
import { findSegment, textableSql } from "./segments.server";

type Sql = ReturnType<SqlBuilders["sql"]>;

export const CONSENT_STATES = ["subscribed", "not_subscribed", "opted_out", "suppressed"] as const;
export type ConsentStateFilter = (typeof CONSENT_STATES)[number];

export const SUBSCRIBERS_PAGE_SIZE = 50;
export const MAX_SUBSCRIBERS_PAGE_SIZE = 200;
const EXPORT_BATCH_SIZE = 1000;

export interface SubscriberFilters {
  /** Part of a name, or digits of a phone. */
  search: string | null;
  consentState: ConsentStateFilter | null;
  /** A ledger source (checkout, keyword, api, csv_import, ...): the source of the consent in force. */
  source: string | null;
  tag: string | null;
  /** Only the segment's members: who it would text. */
  segmentId: string | null;
}

export interface SubscriberRow {
  id: string;
  phone: string;
  firstName: string | null;
  lastName: string | null;
  consentState: ConsentStateFilter;
  consentSource: string | null;
  tags: string[];
  countryCode: string | null;
  provinceCode: string | null;
  ordersCount: number;
  createdAt: Date;
}

export const NO_FILTERS: SubscriberFilters = { search: null, consentState: null, source: null, tag: null, segmentId: null };

export function subscriberFiltersFrom(params: URLSearchParams): SubscriberFilters {
  const state = params.get("consent");
  const text = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || null;
  return {
    search: text("q", 100),
    consentState: CONSENT_STATES.find((known) => known === state) ?? null,
    source: text("source", 40),
    tag: text("tag", 40),
    segmentId: text("segment", 40),
  };
}

// Each contact is in exactly one state: suppressed outranks opted out, which outranks consent.
const STATE_SQL: Record<ConsentStateFilter, string> = {
  suppressed: `c."suppressedAt" IS NOT NULL`,
  opted_out: `c."suppressedAt" IS NULL AND c."optedOutAt" IS NOT NULL`,
  subscribed: `c."suppressedAt" IS NULL AND c."optedOutAt" IS NULL AND c."marketingConsent"`,
  not_subscribed: `c."suppressedAt" IS NULL AND c."optedOutAt" IS NULL AND NOT c."marketingConsent"`,
};

export function consentStateOf(contact: { suppressedAt: Date | null; optedOutAt: Date | null; marketingConsent: boolean }): ConsentStateFilter {
  if (contact.suppressedAt) return "suppressed";
  if (contact.optedOutAt) return "opted_out";
  return contact.marketingConsent ? "subscribed" : "not_subscribed";
}

/**
 * The contacts the filters match, as a condition on `"Contact"` aliased `c`: SQL rather than a
 * Prisma filter because a segment is SQL (segmentSql), and its members at 100,000 contacts are
 * too many to pass back as a list of ids.
 */
function subscriberSql(ctx: AppContext, shopId: string, filters: SubscriberFilters, segment: SegmentRules | null): Sql {
  const builders = sqlBuildersOf(ctx.db);
  const { sql, join, raw } = builders;
  const and: Sql[] = [sql`c."shopId" = ${shopId}`];
  if (filters.search) {
    const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = filters.search.replace(/\D/g, "");
    const matches = [
      sql`LOWER(c."firstName") LIKE ${like(filters.search)} ESCAPE '\\'`,
      sql`LOWER(c."lastName") LIKE ${like(filters.search)} ESCAPE '\\'`,
      ...(digits.length >= 3 ? [sql`c."phone" LIKE ${like(digits)} ESCAPE '\\'`] : []),
    ];
    and.push(sql`(${join(matches, " OR ")})`);
  }
  if (filters.consentState) and.push(raw(`(${STATE_SQL[filters.consentState]})`));
  if (filters.source) and.push(sql`c."consentSource" = ${filters.source}`);
  if (filters.tag) and.push(sql`c."id" IN (SELECT t."contactId" FROM "ContactTag" t WHERE t."shopId" = ${shopId} AND t."tag" = ${filters.tag.toLowerCase()})`);
  if (segment) and.push(textableSql(builders), segmentSql(segment, { shopId, now: ctx.clock.now() }, builders));
  return join(and, " AND ");
}

const ROW_SELECT = {
  id: true,
  phone: true,
  firstName: true,
  lastName: true,
  marketingConsent: true,
  optedOutAt: true,
  suppressedAt: true,
  consentSource: true,
  countryCode: true,
  provinceCode: true,
  ordersCount: true,
  createdAt: true,
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const satisfies Prisma.ContactSelect;

type SelectedContact = Prisma.ContactGetPayload<{ select: typeof ROW_SELECT }>;

function rowOf({ marketingConsent, optedOutAt, suppressedAt, tags, ...contact }: SelectedContact): SubscriberRow {
  return { ...contact, consentState: consentStateOf({ marketingConsent, optedOutAt, suppressedAt }), tags: tags.map((t) => t.tag) };
}

export interface SubscriberPage {
  rows: SubscriberRow[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
  /** False when `after` named no row the filters match: the page then starts from the newest. */
  cursorKnown: boolean;
  /** False when the segment filter names none of the shop's segments: the page is then empty. */
  segmentKnown: boolean;
}

/** One page after the cursor (a row id of this shop matching the filters; anything else starts over). */
export async function subscriberPage(
  ctx: AppContext,
  shopId: string,
  filters: SubscriberFilters,
  { after, limit = SUBSCRIBERS_PAGE_SIZE }: { after?: string | null; limit?: number } = {},
): Promise<SubscriberPage> {
  const { sql } = sqlBuildersOf(ctx.db);
  const segment = filters.segmentId ? await findSegment(ctx, shopId, filters.segmentId) : null;
  if (filters.segmentId && !segment) return { rows: [], nextCursor: null, cursorKnown: !after, segmentKnown: false };
  const matching = subscriberSql(ctx, shopId, filters, segment?.rules ?? null);
  const [cursor] = after
    ? await ctx.db.$queryRaw<{ id: string; createdAt: Date }[]>(sql`SELECT c."id", c."createdAt" FROM "Contact" c WHERE ${matching} AND c."id" = ${after}`)
    : [];
  const ids = await ctx.db.$queryRaw<{ id: string }[]>(sql`
    SELECT c."id" FROM "Contact" c
    WHERE ${matching} ${cursor ? sql`AND (c."createdAt" < ${cursor.createdAt} OR (c."createdAt" = ${cursor.createdAt} AND c."id" < ${cursor.id}))` : sql``}
    ORDER BY c."createdAt" DESC, c."id" DESC
    LIMIT ${limit + 1}`);
  const shown = ids.slice(0, limit).map((row) => row.id);
  const found = new Map((await ctx.db.contact.findMany({ where: { id: { in: shown } }, select: ROW_SELECT })).map((c) => [c.id, c]));
  const rows = shown.map((id) => rowOf(found.get(id)!));
  return { rows, nextCursor: ids.length > limit ? shown[shown.length - 1]! : null, cursorKnown: !after || Boolean(cursor), segmentKnown: true };
}

/** Every row the filters match, newest first, in batches: the CSV export. */
export async function* subscriberBatches(ctx: AppContext, shopId: string, filters: SubscriberFilters): AsyncGenerator<SubscriberRow[]> {
  let after: string | null = null;
  for (;;) {
    const { rows, nextCursor }: SubscriberPage = await subscriberPage(ctx, shopId, filters, { after, limit: EXPORT_BATCH_SIZE });
    if (rows.length > 0) yield rows;
    if (!nextCursor) return;
    after = nextCursor;
  }
}

/** The shop's tags, for the page's tag filter (GROUP BY: Prisma's distinct reads every row). */
export async function subscriberTags({ db }: AppContext, shopId: string): Promise<string[]> {
  const tags = await db.contactTag.groupBy({ by: ["tag"], where: { shopId }, orderBy: { tag: "asc" }, take: 200 });
  return tags.map((t) => t.tag);
}
