// Applies the customers a history import read (shopify-history-jsonl.ts) to the shop's contacts:
// every customer with a phone becomes or updates a contact with Shopify's order figures, names
// and tags; a subscribed one's consent goes through importSubscribers, the one import path for
// consent from elsewhere, with Shopify's evidence. A number on the suppression list is left alone
// (importSubscribers marks it when Shopify says subscribed), and a consent already imported (same
// customer, same consentUpdatedAt) is not recorded again.
import { inTransaction, type AppContext } from "~/context.server";
import { suppressedPhones } from "~/compliance/suppression.server";
import { addTags, importSubscribers, type RefusalReason } from "~/marketing/subscriber-import.server";
import { countryOfPhone } from "~/marketing/contact-activity.server";
import type { CheckedSubscriber } from "~/marketing/subscriber-input";
import type { ShopifyCustomerHistory } from "./shopify-history-jsonl";

export interface HistoryCounts {
  customers: number;
  withoutPhone: number;
  contactsCreated: number;
  contactsUpdated: number;
  subscribed: number;
  consentRecorded: number;
  consentAlreadyImported: number;
  refused: Partial<Record<RefusalReason, number>>;
}

const BATCH_SIZE = 500;

type Customer = ShopifyCustomerHistory & { phone: string };

export async function applyCustomerHistory(
  ctx: AppContext,
  options: { shopId: string; suppressionHashKey: string },
  customers: ShopifyCustomerHistory[],
): Promise<HistoryCounts> {
  const counts: HistoryCounts = { customers: customers.length, withoutPhone: 0, contactsCreated: 0, contactsUpdated: 0, subscribed: 0, consentRecorded: 0, consentAlreadyImported: 0, refused: {} };
  // Two customers with one number: the first in the file stands for it, as Shopify lists them.
  const byPhone = new Map<string, Customer>();
  for (const customer of customers) {
    if (!customer.phone) counts.withoutPhone++;
    else if (byPhone.has(customer.phone)) counts.refused.duplicate = (counts.refused.duplicate ?? 0) + 1;
    else byPhone.set(customer.phone, customer as Customer);
  }
  const all = [...byPhone.values()];
  for (let start = 0; start < all.length; start += BATCH_SIZE) await applyBatch(ctx, options, all.slice(start, start + BATCH_SIZE), counts);
  return counts;
}

async function applyBatch(ctx: AppContext, { shopId, suppressionHashKey }: { shopId: string; suppressionHashKey: string }, batch: Customer[], counts: HistoryCounts) {
  const suppressed = await suppressedPhones(ctx, batch.map(({ phone }) => ({ shopId, phone, hashKey: suppressionHashKey })));
  const kept = batch.filter((_, i) => !suppressed[i]);
  await inTransaction(ctx, async (tx) => {
    const existing = new Map(
      (await tx.db.contact.findMany({ where: { shopId, phone: { in: kept.map((c) => c.phone) } }, select: { id: true, phone: true, firstOrderAt: true, lastOrderAt: true, suppressedAt: true } })).map((c) => [c.phone, c]),
    );
    const now = tx.clock.now();
    const fresh = kept.filter((c) => !existing.has(c.phone));
    await tx.db.contact.createMany({ data: fresh.map((c) => ({ shopId, phone: c.phone, countryCode: countryOfPhone(c.phone), createdAt: now, updatedAt: now, ...figuresOf(c, null) })) });
    counts.contactsCreated += fresh.length;
    for (const customer of kept) {
      const contact = existing.get(customer.phone);
      if (!contact || contact.suppressedAt) continue;
      await tx.db.contact.update({ where: { id: contact.id }, data: { ...figuresOf(customer, contact), updatedAt: now } });
      counts.contactsUpdated++;
    }
    const ids = new Map((await tx.db.contact.findMany({ where: { shopId, phone: { in: kept.map((c) => c.phone) }, suppressedAt: null }, select: { id: true, phone: true } })).map((c) => [c.phone, c.id]));
    await addTags(tx, shopId, kept.filter((c) => ids.has(c.phone)).flatMap((c) => c.tags.map((tag) => ({ contactId: ids.get(c.phone)!, tag }))));
  });
  const subscribed = batch.filter((c) => c.smsConsent?.state === "SUBSCRIBED");
  counts.subscribed += subscribed.length;
  const imported = await alreadyImported(ctx, shopId, subscribed.map((c) => c.phone));
  const toGrant = subscribed.filter((c) => !imported.has(grantKey(c.phone, c.smsConsent!.updatedAt)));
  counts.consentAlreadyImported += subscribed.length - toGrant.length;
  const outcomes = await importSubscribers(ctx, { shopId, source: "shopify_import", suppressionHashKey }, toGrant.map((c) => grantOf(c, ctx.clock.now())));
  for (const outcome of outcomes) {
    if (outcome.outcome === "refused") counts.refused[outcome.reason] = (counts.refused[outcome.reason] ?? 0) + 1;
    else counts.consentRecorded++;
  }
}

// Shopify's figures stand for the customer's history; dates only widen what the app already
// knows from orders it received itself.
function figuresOf(c: Customer, known: { firstOrderAt: Date | null; lastOrderAt: Date | null } | null) {
  const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
  const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  return {
    shopifyCustomerId: c.customerId,
    ...(c.firstName ? { firstName: c.firstName } : {}),
    ...(c.lastName ? { lastName: c.lastName } : {}),
    ...(c.email ? { email: c.email } : {}),
    ordersCount: c.ordersCount,
    totalSpent: c.totalSpent,
    firstOrderAt: earlier(c.firstOrderAt, known?.firstOrderAt ?? null),
    lastOrderAt: later(c.lastOrderAt, known?.lastOrderAt ?? null),
  };
}

const grantKey = (phone: string, consentUpdatedAt: Date | string | null | undefined) =>
  `${phone} ${consentUpdatedAt ? new Date(consentUpdatedAt).toISOString() : ""}`;

// The grants earlier imports recorded, by phone and Shopify's consentUpdatedAt (kept in evidence).
async function alreadyImported(ctx: AppContext, shopId: string, phones: string[]) {
  const events = await ctx.db.consentEvent.findMany({
    where: { shopId, phone: { in: phones }, source: "shopify_import", granted: true },
    select: { phone: true, evidence: true },
  });
  return new Set(events.map((e) => grantKey(e.phone, (JSON.parse(e.evidence ?? "{}") as { consentUpdatedAt?: string | null }).consentUpdatedAt)));
}

function grantOf(c: Customer, now: Date): CheckedSubscriber {
  const consent = c.smsConsent!;
  const collectedFrom = consent.collectedFrom ?? "unknown";
  return {
    ok: true,
    subscriber: {
      phone: c.phone,
      firstName: c.firstName,
      tags: [],
      consent: {
        // Shopify may not know when; then the import's time is the earliest the app can vouch for.
        consentedAt: consent.updatedAt ?? now,
        source: `Shopify (collected from ${collectedFrom})`,
        disclosure: `Shopify customer ${c.customerId} is subscribed to SMS marketing in Shopify (${consent.optInLevel ?? "opt-in level unknown"}, collected from ${collectedFrom}).`,
        details: {
          shopifyCustomerId: c.customerId,
          marketingOptInLevel: consent.optInLevel,
          consentUpdatedAt: consent.updatedAt?.toISOString() ?? null,
          consentCollectedFrom: consent.collectedFrom,
        },
      },
    },
  };
}
