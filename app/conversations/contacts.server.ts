import { randomUUID } from "node:crypto";
import type { AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf, type Db } from "~/db.server";
import { countryOfPhone } from "~/marketing/contact-activity.server";
import type { Contact, Prisma } from "../../prisma/generated/sqlite/index.js";

// A shopper is one contact per shop and phone (E.164), whoever meets them first.
export function findOrCreateContact({ db }: AppContext, shopId: string, phone: string) {
  return db.contact.upsert({
    where: { shopId_phone: { shopId, phone } },
    create: { shopId, phone, countryCode: countryOfPhone(phone) },
    update: {},
  });
}

export interface NewContact {
  phone: string;
  firstName: string | null;
  email: string | null;
  shopifyCustomerId: string | null;
}

export type ContactNames = Pick<NewContact, "firstName" | "email" | "shopifyCustomerId"> & { id: string; phone: string };

/**
 * findOrCreateContact for many phones of one shop in one statement: a phone with no contact yet
 * gets one holding the given names; an existing contact is returned as it is. Keyed by phone.
 */
export async function findOrCreateContacts(ctx: AppContext, shopId: string, contacts: NewContact[]): Promise<Map<string, ContactNames>> {
  const byPhone = new Map(contacts.map((contact) => [contact.phone, contact]));
  if (byPhone.size === 0) return new Map();
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  // In phone order, so that two workers taking the same contacts' row locks take them in turn
  // instead of each waiting for the other.
  const rows = [...byPhone.values()]
    .sort((a, b) => (a.phone < b.phone ? -1 : 1))
    .map((c) => sql`(${randomUUID()}, ${now}, ${now}, ${shopId}, ${c.phone}, ${c.firstName}, ${c.email}, ${c.shopifyCustomerId}, ${countryOfPhone(c.phone)})`);
  // DO UPDATE with no change, not DO NOTHING, which would return no row for an existing contact;
  // on PostgreSQL it also holds the row's lock until the caller's transaction ends.
  const found = await ctx.db.$queryRaw<ContactNames[]>(sql`
    INSERT INTO "Contact" ("id", "createdAt", "updatedAt", "shopId", "phone", "firstName", "email", "shopifyCustomerId", "countryCode")
    VALUES ${join(rows)}
    ON CONFLICT ("shopId", "phone") DO UPDATE SET "phone" = excluded."phone"
    RETURNING "id", "phone", "firstName", "email", "shopifyCustomerId"`);
  return new Map(found.map((contact) => [contact.phone, contact]));
}

/** The contacts' rows, locked for the rest of the transaction (in id order) and read by the same statement. */
export async function lockContacts(db: Db | Prisma.TransactionClient, contactIds: string[]): Promise<Contact[]> {
  const { sql, join } = sqlBuildersOf(db);
  const ids = join(contactIds);
  if (engineOf(db) === "postgresql") {
    return db.$queryRaw<Contact[]>(sql`SELECT * FROM "Contact" WHERE "id" IN (${ids}) ORDER BY "id" FOR UPDATE`);
  }
  return db.$queryRaw<Contact[]>(sql`UPDATE "Contact" SET "updatedAt" = "updatedAt" WHERE "id" IN (${ids}) RETURNING *`);
}
