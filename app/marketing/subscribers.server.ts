// A shop's subscribers as the Subscribers page, its CSV export and GET /api/v1/subscribers read
// them: every contact, newest first, with its consent state, source and tags. Pages use the id
// of the last row as the cursor, so rows arriving meanwhile never shift a page.
import type { AppContext } from "~/context.server";
import { containsIgnoringCase, type Prisma } from "~/db.server";

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

export const NO_FILTERS: SubscriberFilters = { search: null, consentState: null, source: null, tag: null };

export function subscriberFiltersFrom(params: URLSearchParams): SubscriberFilters {
  const state = params.get("consent");
  const text = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || null;
  return {
    search: text("q", 100),
    consentState: CONSENT_STATES.find((known) => known === state) ?? null,
    source: text("source", 40),
    tag: text("tag", 40),
  };
}

// Each contact is in exactly one state: suppressed outranks opted out, which outranks consent.
const STATE_WHERE: Record<ConsentStateFilter, Prisma.ContactWhereInput> = {
  suppressed: { suppressedAt: { not: null } },
  opted_out: { suppressedAt: null, optedOutAt: { not: null } },
  subscribed: { suppressedAt: null, optedOutAt: null, marketingConsent: true },
  not_subscribed: { suppressedAt: null, optedOutAt: null, marketingConsent: false },
};

export function consentStateOf(contact: { suppressedAt: Date | null; optedOutAt: Date | null; marketingConsent: boolean }): ConsentStateFilter {
  if (contact.suppressedAt) return "suppressed";
  if (contact.optedOutAt) return "opted_out";
  return contact.marketingConsent ? "subscribed" : "not_subscribed";
}

/**
 * The contacts the filters match. `also` narrows further (a segment's contacts, when segments
 * filter the list): each is ANDed with the rest.
 */
export function subscriberWhere(db: object, shopId: string, filters: SubscriberFilters, also: Prisma.ContactWhereInput[] = []): Prisma.ContactWhereInput {
  const digits = filters.search?.replace(/\D/g, "") ?? "";
  const and: Prisma.ContactWhereInput[] = [...also];
  if (filters.search) {
    and.push({
      OR: [
        { firstName: containsIgnoringCase(db, filters.search) },
        { lastName: containsIgnoringCase(db, filters.search) },
        ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
      ],
    });
  }
  if (filters.consentState) and.push(STATE_WHERE[filters.consentState]);
  if (filters.source) and.push({ consentSource: filters.source });
  if (filters.tag) and.push({ tags: { some: { tag: filters.tag.toLowerCase() } } });
  return { shopId, ...(and.length > 0 && { AND: and }) };
}

const NEWEST_FIRST: Prisma.ContactOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
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
}

/** One page after the cursor (a row id of this shop matching the filters; anything else starts over). */
export async function subscriberPage(
  { db }: AppContext,
  where: Prisma.ContactWhereInput,
  { after, limit = SUBSCRIBERS_PAGE_SIZE }: { after?: string | null; limit?: number } = {},
): Promise<SubscriberPage> {
  const cursor = after ? await db.contact.findFirst({ where: { ...where, id: after }, select: { id: true } }) : null;
  const found = await db.contact.findMany({
    where,
    orderBy: NEWEST_FIRST,
    select: ROW_SELECT,
    take: limit + 1,
    ...(cursor && { cursor: { id: cursor.id }, skip: 1 }),
  });
  const rows = found.slice(0, limit).map(rowOf);
  return { rows, nextCursor: found.length > limit ? rows[rows.length - 1]!.id : null, cursorKnown: !after || Boolean(cursor) };
}

/** Every row the filters match, newest first, in batches: the CSV export. */
export async function* subscriberBatches(ctx: AppContext, where: Prisma.ContactWhereInput): AsyncGenerator<SubscriberRow[]> {
  let after: string | null = null;
  for (;;) {
    const { rows, nextCursor }: SubscriberPage = await subscriberPage(ctx, where, { after, limit: EXPORT_BATCH_SIZE });
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
