// checkouts/create and checkouts/update: the checkout as Shopify last described it, its phone's
// contact and consent, and the recovery flow's timer. Runs in the caller's transaction, for one
// delivery or for a batch of them.
import { randomUUID } from "node:crypto";
import type { Checkout, Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { recordConsentEvents } from "~/compliance/consent-ledger.server";
import { findOrCreateContacts, type NewContact } from "~/conversations/contacts.server";
import { sqlBuildersOf } from "~/db.server";
import { recoveryAfterChange, rescheduleRecoveries } from "~/flows/cart-recovery/schedule.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { roundsBy } from "~/rounds";
import { parseCheckoutPayload, type CheckoutFacts } from "./checkout-payload";
import { confirmCheckoutSmsOptIns } from "./checkout-consent.server";

export type CheckoutIngestion =
  | { outcome: "stored"; checkoutId: string; consentRecorded: boolean; contactId: string | null }
  /** An older version than the one stored: Shopify's deliveries can arrive out of order. */
  | { outcome: "stale"; checkoutId: string }
  | { outcome: "ignored"; reason: string };

/** The ledger's text for a consent whose disclosure no one reported: the shop's current words may not be the ones shown. */
export const DISCLOSURE_NOT_REPORTED =
  "Disclosure not reported by the checkout: Shopify reported SMS marketing consent (buyer_accepts_sms_marketing), and the Textback checkout block sent no record of the words shown.";

export interface CheckoutDelivery {
  shopDomain: string;
  payload: string;
}

export async function ingestCheckout(txCtx: AppContext, input: CheckoutDelivery, deps: Pick<MessagingDeps, "secrets">): Promise<CheckoutIngestion> {
  const [result] = await ingestCheckouts(txCtx, [input], deps);
  return result!;
}

interface Applicable {
  index: number;
  shop: Shop;
  facts: CheckoutFacts;
}

/**
 * Many deliveries in the caller's transaction, with a few statements for each round of them,
 * and the outcome applying them one by one in the given order would have: each round holds at
 * most one delivery per checkout (the first, the second, …), so a checkout's later update sees
 * its earlier one, stale or not, and deliveries about different checkouts do not depend on each other.
 */
export async function ingestCheckouts(
  txCtx: AppContext,
  inputs: CheckoutDelivery[],
  deps: Pick<MessagingDeps, "secrets">,
): Promise<CheckoutIngestion[]> {
  const results: CheckoutIngestion[] = [];
  const parsed = inputs.map((input) => ({ shopDomain: input.shopDomain, parsed: parseCheckoutPayload(input.payload) }));
  const domains = [...new Set(parsed.filter((p) => p.parsed.ok).map((p) => p.shopDomain))];
  const shops = new Map((await txCtx.db.shop.findMany({ where: { domain: { in: domains }, uninstalledAt: null } })).map((s) => [s.domain, s]));
  const applicable: Applicable[] = [];
  parsed.forEach(({ shopDomain, parsed }, index) => {
    const shop = shops.get(shopDomain);
    if (!parsed.ok) results[index] = { outcome: "ignored", reason: parsed.reason };
    else if (!shop) results[index] = { outcome: "ignored", reason: `no installed shop ${shopDomain}` };
    else applicable.push({ index, shop, facts: parsed.checkout });
  });
  for (const round of roundsBy(applicable, (d) => `${d.shop.id}:${d.facts.token}`)) {
    for (const deliveries of groupBy(round, (d) => d.shop.id).values()) {
      for (const [index, result] of await applyRound(txCtx, deliveries[0]!.shop, deliveries, deps)) results[index] = result;
    }
  }
  return results;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** One shop's deliveries, one per checkout, in order. */
async function applyRound(txCtx: AppContext, shop: Shop, deliveries: Applicable[], deps: Pick<MessagingDeps, "secrets">) {
  const { db } = txCtx;
  const results = new Map<number, CheckoutIngestion>();
  const stored = new Map(
    (
      await db.checkout.findMany({
        where: { shopId: shop.id, token: { in: deliveries.map((d) => d.facts.token) } },
        select: { id: true, token: true, shopifyUpdatedAt: true, recoveryStep: true },
      })
    ).map((checkout) => [checkout.token, checkout]),
  );
  const fresh = deliveries.filter(({ index, facts }) => {
    const existing = stored.get(facts.token);
    if (existing && existing.shopifyUpdatedAt >= facts.shopifyUpdatedAt) results.set(index, { outcome: "stale", checkoutId: existing.id });
    return !results.has(index);
  });
  if (fresh.length === 0) return results;

  const contacts = await contactsFor(txCtx, shop.id, fresh.map((d) => d.facts));
  const contactOf = (facts: CheckoutFacts) => (facts.phone ? contacts.get(facts.phone)! : null);
  const columns = fresh.map(({ facts }) => {
    const recovery = recoveryAfterChange(shop, { ...facts, recoveryStep: stored.get(facts.token)?.recoveryStep ?? 0 });
    return { ...checkoutColumns(facts, contactOf(facts)?.id ?? null), ...(recovery ?? UNCHANGED_RECOVERY) };
  });
  const ids = await writeCheckouts(txCtx, shop.id, columns);

  const consents = fresh.flatMap(({ index, facts }) => {
    const contact = contactOf(facts);
    return contact && facts.buyerAcceptsSmsMarketing ? [{ index, facts, contactId: contact.id }] : [];
  });
  const recorded = await recordCheckoutConsents(txCtx, shop, consents, deps);
  for (const { index, facts } of fresh) {
    const consentRecorded = recorded.get(index) ?? false;
    results.set(index, { outcome: "stored", checkoutId: ids.get(facts.token)!, consentRecorded, contactId: contactOf(facts)?.id ?? null });
  }
  await rescheduleRecoveries(
    txCtx,
    shop,
    fresh.map(({ facts }) => {
      const existing = stored.get(facts.token);
      return { checkout: { ...facts, id: ids.get(facts.token)!, recoveryStep: existing?.recoveryStep ?? 0 }, isNew: !existing };
    }),
  );
  return results;
}

// Each checkout's phone has its contact, and a contact missing a first name, email or customer
// id takes it from the checkouts that know it, the earliest first.
async function contactsFor(ctx: AppContext, shopId: string, checkouts: CheckoutFacts[]) {
  const withPhone = checkouts.filter((facts) => facts.phone);
  const fill = (contact: NewContact, facts: CheckoutFacts): NewContact => ({
    phone: contact.phone,
    firstName: contact.firstName || facts.firstName || contact.firstName,
    email: contact.email || facts.email || contact.email,
    shopifyCustomerId: contact.shopifyCustomerId || facts.shopifyCustomerId || contact.shopifyCustomerId,
  });
  const filledFrom = (contact: NewContact) => withPhone.filter((facts) => facts.phone === contact.phone).reduce(fill, contact);
  const blank = (phone: string): NewContact => ({ phone, firstName: null, email: null, shopifyCustomerId: null });
  const contacts = await findOrCreateContacts(ctx, shopId, withPhone.map((facts) => filledFrom(blank(facts.phone!))));
  for (const contact of contacts.values()) {
    const filled = filledFrom(contact);
    const missing = {
      ...(filled.firstName !== contact.firstName && { firstName: filled.firstName }),
      ...(filled.email !== contact.email && { email: filled.email }),
      ...(filled.shopifyCustomerId !== contact.shopifyCustomerId && { shopifyCustomerId: filled.shopifyCustomerId }),
    };
    if (Object.keys(missing).length > 0) contacts.set(contact.phone, await ctx.db.contact.update({ where: { id: contact.id }, data: missing }));
  }
  return contacts;
}

// The flow's state a change leaves as it was: "none", which no change stores, is the new row's
// default and keeps a stored row's state (see writeCheckouts).
const UNCHANGED_RECOVERY = { recoveryStatus: "none", recoveryStopReason: null };

type CheckoutColumns = ReturnType<typeof checkoutColumns> & Pick<Checkout, "recoveryStatus" | "recoveryStopReason">;

/**
 * Inserts or updates the checkouts in one statement; returns their ids by token. A row stored
 * meanwhile with a newer version (another worker) is left alone, and this transaction fails so
 * that its deliveries are applied again, one by one, against what is stored.
 */
async function writeCheckouts(ctx: AppContext, shopId: string, checkouts: CheckoutColumns[]): Promise<Map<string, string>> {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const now = ctx.clock.now();
  // In token order, for the reason contacts go in phone order (findOrCreateContacts).
  const rows = [...checkouts].sort((a, b) => (a.token < b.token ? -1 : 1)).map(
    (c) => sql`(${randomUUID()}, ${now}, ${now}, ${shopId}, ${c.token}, ${c.contactId}, ${c.cartToken}, ${c.phone}, ${c.email},
                ${c.firstName}, ${c.abandonedCheckoutUrl}, ${c.lineItems}, ${c.totalPrice}, ${c.currency}, ${c.shippingAddress},
                ${c.buyerAcceptsSmsMarketing}, ${c.shopifyUpdatedAt}, ${c.completedAt}, ${c.recoveryStatus}, ${c.recoveryStopReason})`,
  );
  const written = await ctx.db.$queryRaw<{ id: string; token: string }[]>(sql`
    INSERT INTO "Checkout" ("id", "createdAt", "updatedAt", "shopId", "token", "contactId", "cartToken", "phone", "email",
                            "firstName", "abandonedCheckoutUrl", "lineItems", "totalPrice", "currency", "shippingAddress",
                            "buyerAcceptsSmsMarketing", "shopifyUpdatedAt", "completedAt", "recoveryStatus", "recoveryStopReason")
    VALUES ${join(rows)}
    ON CONFLICT ("shopId", "token") DO UPDATE SET
      "updatedAt" = excluded."updatedAt", "contactId" = excluded."contactId", "cartToken" = excluded."cartToken",
      "phone" = excluded."phone", "email" = excluded."email", "firstName" = excluded."firstName",
      "abandonedCheckoutUrl" = excluded."abandonedCheckoutUrl", "lineItems" = excluded."lineItems",
      "totalPrice" = excluded."totalPrice", "currency" = excluded."currency", "shippingAddress" = excluded."shippingAddress",
      "buyerAcceptsSmsMarketing" = excluded."buyerAcceptsSmsMarketing", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt",
      "completedAt" = excluded."completedAt",
      "recoveryStopReason" = CASE WHEN excluded."recoveryStatus" = 'none' THEN "Checkout"."recoveryStopReason" ELSE excluded."recoveryStopReason" END,
      "recoveryStatus" = CASE WHEN excluded."recoveryStatus" = 'none' THEN "Checkout"."recoveryStatus" ELSE excluded."recoveryStatus" END
    WHERE "Checkout"."shopifyUpdatedAt" < excluded."shopifyUpdatedAt"
    RETURNING "id", "token"`);
  if (written.length < checkouts.length) throw new Error("A checkout was stored with a newer version meanwhile");
  return new Map(written.map((row) => [row.token, row.id]));
}

function checkoutColumns(facts: CheckoutFacts, contactId: string | null) {
  return {
    token: facts.token,
    contactId,
    cartToken: facts.cartToken,
    phone: facts.phone,
    email: facts.email,
    firstName: facts.firstName,
    abandonedCheckoutUrl: facts.abandonedCheckoutUrl,
    lineItems: JSON.stringify(facts.lineItems),
    totalPrice: facts.totalPrice,
    currency: facts.currency,
    shippingAddress: facts.shippingAddress ? JSON.stringify(facts.shippingAddress) : null,
    buyerAcceptsSmsMarketing: facts.buyerAcceptsSmsMarketing,
    shopifyUpdatedAt: facts.shopifyUpdatedAt,
    completedAt: facts.completedAt,
  };
}

// The shoppers ticked Shopify's SMS box. The disclosure our checkout extension showed, when it
// posted one, is the ledger's text; otherwise the ledger says that none was reported. Then the
// one opt-in confirmation goes out (the confirmation decides whether it is owed). Whether each
// delivery recorded a consent, by its index; a round per contact, as for the ledger.
async function recordCheckoutConsents(
  ctx: AppContext,
  shop: Shop,
  consents: { index: number; facts: CheckoutFacts; contactId: string }[],
  deps: Pick<MessagingDeps, "secrets">,
): Promise<Map<number, boolean>> {
  const recorded = new Map<number, boolean>();
  for (const round of roundsBy(consents, (consent) => consent.contactId)) {
    const shown = await ctx.db.checkoutConsentDisclosure.findMany({
      where: { shopId: shop.id, checkoutToken: { in: round.map((c) => c.facts.token) } },
      select: { checkoutToken: true },
    });
    const shownAt = new Set(shown.map((d) => d.checkoutToken));
    const contacts = await ctx.db.contact.findMany({ where: { id: { in: round.map((c) => c.contactId) } }, select: { id: true, phone: true, marketingConsent: true } });
    const before = new Map(contacts.map((contact) => [contact.id, contact]));
    const unreported = round.filter((c) => !before.get(c.contactId)!.marketingConsent && !shownAt.has(c.facts.token));
    await recordConsentEvents(
      ctx,
      unreported.map(({ facts, contactId }) => ({
        shopId: shop.id,
        contactId,
        phone: before.get(contactId)!.phone,
        scope: "marketing",
        granted: true,
        source: "checkout",
        text: DISCLOSURE_NOT_REPORTED,
        evidence: { checkoutToken: facts.token, shopifyUpdatedAt: facts.shopifyUpdatedAt.toISOString(), disclosureReported: false },
      })),
      ctx.db,
    );
    const confirmations = await confirmCheckoutSmsOptIns(ctx, round.map((c) => ({ shopId: shop.id, contactId: c.contactId, checkoutToken: c.facts.token })), deps);
    round.forEach((consent, k) => {
      const ledgeredNow = Boolean(confirmations[k]!.disclosure?.consentEventId && !before.get(consent.contactId)!.marketingConsent);
      recorded.set(consent.index, unreported.includes(consent) || ledgeredNow);
    });
  }
  return recorded;
}
