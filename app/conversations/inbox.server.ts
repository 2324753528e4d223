// The inbox list: a shop's threads, newest activity first, by tab and search, one page at a
// time. Pages are keyed by (lastMessageAt, id) so the 500th page costs what the first does.
import type { Prisma } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { containsIgnoringCase } from "~/db.server";
import type { InboxTab } from "./inbox-tabs";
import { handoffLabel } from "./routing/answer";

export const INBOX_PAGE_SIZE = 50;

export interface InboxQuery {
  shopId: string;
  tab: InboxTab;
  search?: string;
  /** The last row of the previous page, as `nextCursor` gave it. */
  after?: string | null;
  pageSize?: number;
}

export interface InboxRow {
  id: string;
  contactName: string | null;
  phone: string;
  preview: string;
  lastMessageAt: string;
  state: string;
  unread: boolean;
  optedOut: boolean;
  /** Why automation handed the thread to a person, in the merchant's words. */
  handoff: string | null;
}

export async function listConversations({ db }: AppContext, query: InboxQuery) {
  const pageSize = query.pageSize ?? INBOX_PAGE_SIZE;
  const where: Prisma.ConversationWhereInput = {
    shopId: query.shopId,
    ...tabFilter(query.tab),
    ...(await searchFilter(db, query.shopId, query.search)),
    ...afterCursor(query.after),
  };
  const rows = await db.conversation.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: { contact: { select: { firstName: true, lastName: true, phone: true, optedOutAt: true } } },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(
      (c): InboxRow => ({
        id: c.id,
        contactName: [c.contact.firstName, c.contact.lastName].filter(Boolean).join(" ") || null,
        phone: c.contact.phone,
        preview: c.lastMessagePreview,
        lastMessageAt: c.lastMessageAt.toISOString(),
        state: c.contact.optedOutAt ? "opted_out" : c.state,
        unread: c.unread,
        optedOut: Boolean(c.contact.optedOutAt),
        handoff: handoffLabel(c.handoffReason),
      }),
    ),
    nextCursor: rows.length > pageSize && last ? `${last.lastMessageAt.getTime()}.${last.id}` : null,
  };
}

function tabFilter(tab: InboxTab): Prisma.ConversationWhereInput {
  if (tab === "all") return {};
  if (tab === "opted_out") return { contact: { optedOutAt: { not: null } } };
  return { state: tab, contact: { optedOutAt: null } };
}

function afterCursor(after: string | null | undefined): Prisma.ConversationWhereInput {
  const match = after?.match(/^(\d+)\.([\w-]+)$/);
  if (!match) return {};
  const at = new Date(Number(match[1]));
  return { OR: [{ lastMessageAt: { lt: at } }, { lastMessageAt: at, id: { lt: match[2] } }] };
}

// Beyond this many matching contacts the term is common (an area code, a frequent name) and the
// threads are filtered through the join instead: a page fills quickly in last-activity order.
const MATCHED_CONTACTS_LIMIT = 500;

/**
 * A name, a phone (any formatting) or an order name such as #1001. The shop's contacts are
 * matched first: a term few shoppers match (a phone number) would otherwise be tested thread by
 * thread through the join, in last-activity order, across most of the shop's threads.
 */
async function searchFilter(db: AppContext["db"], shopId: string, search: string | undefined): Promise<Prisma.ConversationWhereInput> {
  const term = search?.trim();
  if (!term) return {};
  const digits = term.replace(/\D/g, "");
  const contactMatch: Prisma.ContactWhereInput[] = [
    { firstName: containsIgnoringCase(db, term) },
    { lastName: containsIgnoringCase(db, term) },
    ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
  ];
  const [contacts, orderContacts] = await Promise.all([
    db.contact.findMany({ where: { shopId, OR: contactMatch }, select: { id: true }, take: MATCHED_CONTACTS_LIMIT + 1 }),
    contactsWithOrder(db, shopId, term),
  ]);
  if (contacts.length > MATCHED_CONTACTS_LIMIT) {
    return { OR: [{ contact: { OR: contactMatch } }, ...(orderContacts.length > 0 ? [{ contactId: { in: orderContacts } }] : [])] };
  }
  return { contactId: { in: [...contacts.map((c) => c.id), ...orderContacts] } };
}

async function contactsWithOrder(db: AppContext["db"], shopId: string, term: string): Promise<string[]> {
  if (!/^#?\d+$/.test(term)) return [];
  const name = term.startsWith("#") ? term : `#${term}`;
  const orders = await db.order.findMany({ where: { shopId, name, contactId: { not: null } }, select: { contactId: true }, take: 20 });
  return orders.map((o) => o.contactId!);
}
