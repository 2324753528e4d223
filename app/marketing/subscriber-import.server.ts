// Subscribers brought in from outside (the API, a CSV from another SMS app), each with the
// consent evidence the other system kept. Each grant goes through the consent ledger, the one
// place consent is decided, with the evidence attached. Nothing is sent. Three kinds of number
// keep their state whatever the evidence says:
// - opted out (STOP, or the carrier): no grant is recorded; only the shopper can opt back in;
// - on the suppression list (erased by customers/redact after an opt-out): no grant, and the
//   contact row is marked suppressedAt and holds nothing but the phone;
// - withdrawn after the evidence's date (an admin or Shopify revoked marketing since): the
//   ledger would replay the old grant before the withdrawal, so it is refused up front rather
//   than recorded as a grant that changes nothing.
import { inTransaction, type AppContext } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import { deriveConsentState, recordConsentEvents, type ConsentEventInput } from "~/compliance/consent-ledger.server";
import { suppressedPhones, type SuppressionHashKey } from "~/compliance/suppression.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { findOrCreateContacts } from "~/conversations/contacts.server";
import { countryOfPhone } from "./contact-activity.server";
import type { CheckedSubscriber, InputRefusal, SubscriberInput } from "./subscriber-input";

export type ImportSource = "api" | "csv_import" | "shopify_import";

export type RefusalReason = InputRefusal["reason"] | "duplicate" | "opted_out" | "suppressed" | "withdrawn_later";

export type SubscriberOutcome =
  | { outcome: "created" | "updated"; phone: string; id: string }
  | { outcome: "refused"; phone?: string; reason: RefusalReason; error: string; field: string };

export interface ImportOptions {
  shopId: string;
  source: ImportSource;
  suppressionHashKey: SuppressionHashKey;
}

const TAG_ROWS_PER_STATEMENT = 500;
const BATCH_SIZE = 1000;

/** Imports the items (a thousand to a transaction); the outcomes come back in their order. */
export async function importSubscribers(ctx: AppContext, options: ImportOptions, items: CheckedSubscriber[]): Promise<SubscriberOutcome[]> {
  const outcomes: (SubscriberOutcome | undefined)[] = items.map((item) =>
    item.ok ? undefined : { outcome: "refused", reason: item.reason, error: item.error, field: item.field },
  );
  const firstIndexOf = new Map<string, number>();
  const valid: { index: number; subscriber: SubscriberInput }[] = [];
  items.forEach((item, index) => {
    if (!item.ok) return;
    const { phone } = item.subscriber;
    const first = firstIndexOf.get(phone);
    if (first === undefined) {
      firstIndexOf.set(phone, index);
      valid.push({ index, subscriber: item.subscriber });
    } else {
      outcomes[index] = { outcome: "refused", phone, reason: "duplicate", field: "phone", error: `The same number as item ${first + 1}; the first one counts` };
    }
  });
  // A transaction per thousand: a 10,000-line file never holds the database for long.
  for (let start = 0; start < valid.length; start += BATCH_SIZE) {
    const chunk = valid.slice(start, start + BATCH_SIZE);
    const decided = await importValid(ctx, options, chunk.map((entry) => entry.subscriber));
    chunk.forEach((entry, i) => (outcomes[entry.index] = decided[i]));
  }
  return outcomes as SubscriberOutcome[];
}

async function importValid(ctx: AppContext, options: ImportOptions, subscribers: SubscriberInput[]): Promise<SubscriberOutcome[]> {
  const { shopId } = options;
  const phones = subscribers.map((s) => s.phone);
  const suppressed = await suppressedPhones(ctx, phones.map((phone) => ({ shopId, phone, hashKey: options.suppressionHashKey })));
  // One at a time: the state lookup is cached per area code, and a thousand concurrent first
  // lookups would each read the geocoder's data (50 s, against 2 s for 60 area codes in turn).
  const places: Awaited<ReturnType<typeof placeOfPhone>>[] = [];
  for (const phone of phones) places.push(await placeOfPhone(phone));
  return inTransaction(ctx, async (tx) => {
    const existing = new Map(
      (await tx.db.contact.findMany({ where: { shopId, phone: { in: phones } }, select: { id: true, phone: true, optedOutAt: true, firstName: true } })).map((c) => [c.phone, c]),
    );
    const ledgers = await ledgersOf(tx, [...existing.values()].map((c) => c.id));
    const outcomes: SubscriberOutcome[] = [];
    const granted: number[] = [];
    const suppressedAt: number[] = [];
    subscribers.forEach((s, i) => {
      const contact = existing.get(s.phone);
      const refused = (reason: RefusalReason, error: string) => (outcomes[i] = { outcome: "refused", phone: s.phone, reason, field: "phone", error });
      if (contact?.optedOutAt) refused("opted_out", "This number opted out; it stays opted out until the shopper texts START");
      else if (suppressed[i]) {
        refused("suppressed", "This number is on the suppression list (its shopper's data was erased after an opt-out); it is never texted");
        suppressedAt.push(i);
      } else if (contact && !deriveConsentState([...(ledgers.get(contact.id) ?? []), grantAt(options.source, s.consent.consentedAt)]).marketingConsent) {
        refused("withdrawn_later", "Marketing consent was withdrawn after consentedAt; the later withdrawal stands");
      } else granted.push(i);
    });
    const created = await findOrCreateContacts(
      tx,
      shopId,
      [...granted, ...suppressedAt].map((i) => ({ phone: phones[i]!, firstName: suppressed[i] ? null : subscribers[i]!.firstName, email: null, shopifyCustomerId: null })),
    );
    const now = ctx.clock.now();
    const idOf = (i: number) => created.get(phones[i]!)!.id;
    if (suppressedAt.length > 0) {
      await tx.db.contact.updateMany({ where: { id: { in: suppressedAt.map(idOf) }, suppressedAt: null }, data: { suppressedAt: now } });
    }
    if (granted.length === 0) return outcomes;
    const recorded = await recordConsentEvents(tx, granted.map((i): ConsentEventInput => grantEvent(options, subscribers[i]!, idOf(i))), tx.db);
    await nameExisting(tx, granted.filter((i) => existing.has(phones[i]!) && subscribers[i]!.firstName && subscribers[i]!.firstName !== existing.get(phones[i]!)!.firstName).map((i) => ({ id: idOf(i), firstName: subscribers[i]!.firstName! })));
    await placeContacts(tx, granted.map((i) => ({ id: idOf(i), ...places[i]! })));
    await addTags(tx, shopId, granted.flatMap((i) => subscribers[i]!.tags.map((tag) => ({ contactId: idOf(i), tag }))));
    granted.forEach((i, n) => {
      outcomes[i] = recorded[n]!.state.marketingConsent
        ? { outcome: existing.has(phones[i]!) ? "updated" : "created", phone: phones[i]!, id: idOf(i) }
        : { outcome: "refused", phone: phones[i]!, reason: "withdrawn_later", field: "phone", error: "The consent ledger kept this number unsubscribed" };
    });
    return outcomes;
  });
}

const grantAt = (source: ImportSource, occurredAt: Date) => ({ scope: "marketing", granted: true, source, occurredAt });

function grantEvent({ shopId, source }: ImportOptions, s: SubscriberInput, contactId: string): ConsentEventInput {
  return {
    shopId,
    contactId,
    phone: s.phone,
    scope: "marketing",
    granted: true,
    source,
    text: s.consent.disclosure,
    evidence: { consentedAt: s.consent.consentedAt.toISOString(), collectedAt: s.consent.source, ...s.consent.details },
    // Replayed at the time the shopper agreed, so a withdrawal recorded since still stands.
    at: s.consent.consentedAt,
    welcome: s.welcome,
  };
}

async function ledgersOf(ctx: AppContext, contactIds: string[]) {
  const ledgers = new Map<string, { scope: string; granted: boolean; source: string; occurredAt: Date }[]>();
  if (contactIds.length === 0) return ledgers;
  const events = await ctx.db.consentEvent.findMany({
    where: { contactId: { in: contactIds } },
    select: { contactId: true, scope: true, granted: true, source: true, occurredAt: true },
  });
  for (const { contactId, ...event } of events) ledgers.set(contactId!, [...(ledgers.get(contactId!) ?? []), event]);
  return ledgers;
}

// The country from the number; the US state from the area code, as quiet hours place it. An
// address known from orders is better, so a place already set is kept.
async function placeOfPhone(phone: string): Promise<{ countryCode: string | null; provinceCode: string | null }> {
  const countryCode = countryOfPhone(phone);
  const provinceCode = countryCode === "US" ? ((await recipientTimeZones({ phone, shopTimeZone: "UTC" })).stateCode ?? null) : null;
  return { countryCode, provinceCode };
}

async function placeContacts(ctx: AppContext, places: { id: string; countryCode: string | null; provinceCode: string | null }[]) {
  const alike = new Map<string, string[]>();
  for (const place of places.filter((p) => p.countryCode)) {
    const key = `${place.countryCode}:${place.provinceCode ?? ""}`;
    alike.set(key, [...(alike.get(key) ?? []), place.id]);
  }
  for (const [key, ids] of alike) {
    const [countryCode, provinceCode] = key.split(":");
    await ctx.db.contact.updateMany({
      where: { id: { in: ids }, provinceCode: null, OR: [{ countryCode: null }, { countryCode }] },
      data: { countryCode, provinceCode: provinceCode || null },
    });
  }
}

async function nameExisting(ctx: AppContext, names: { id: string; firstName: string }[]) {
  for (const { id, firstName } of names) await ctx.db.contact.update({ where: { id }, data: { firstName } });
}

// Tags are added, never replaced: the contact may carry tags from Shopify or another import.
export async function addTags(ctx: AppContext, shopId: string, tags: { contactId: string; tag: string }[]) {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  for (let start = 0; start < tags.length; start += TAG_ROWS_PER_STATEMENT) {
    const rows = tags.slice(start, start + TAG_ROWS_PER_STATEMENT).map((t) => sql`(${now}, ${shopId}, ${t.contactId}, ${t.tag})`);
    await ctx.db.$executeRaw(sql`INSERT INTO "ContactTag" ("createdAt", "shopId", "contactId", "tag") VALUES ${join(rows)} ON CONFLICT ("contactId", "tag") DO NOTHING`);
  }
}
