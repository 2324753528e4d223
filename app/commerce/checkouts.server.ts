// checkouts/create and checkouts/update: the checkout as Shopify last described it, its phone's
// contact and consent, and the recovery flow's timer. Runs in the delivery's transaction.
import type { Contact, Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { findOrCreateContact } from "~/conversations/contacts.server";
import { restartRecoveryTimer, stopRecovery } from "~/flows/cart-recovery/schedule.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { parseCheckoutPayload, type CheckoutFacts } from "./checkout-payload";
import { confirmCheckoutSmsOptIn } from "./checkout-consent.server";

export type CheckoutIngestion =
  | { outcome: "stored"; checkoutId: string; consentRecorded: boolean; contactId: string | null }
  /** An older version than the one stored: Shopify's deliveries can arrive out of order. */
  | { outcome: "stale"; checkoutId: string }
  | { outcome: "ignored"; reason: string };

/** The ledger's text for a consent whose disclosure no one reported: the shop's current words may not be the ones shown. */
export const DISCLOSURE_NOT_REPORTED =
  "Disclosure not reported by the checkout: Shopify reported SMS marketing consent (buyer_accepts_sms_marketing), and the Textback checkout block sent no record of the words shown.";

export async function ingestCheckout(
  txCtx: AppContext,
  input: { shopDomain: string; payload: string },
  deps: Pick<MessagingDeps, "secrets">,
): Promise<CheckoutIngestion> {
  const parsed = parseCheckoutPayload(input.payload);
  if (!parsed.ok) return { outcome: "ignored", reason: parsed.reason };
  const facts = parsed.checkout;
  const { db } = txCtx;
  const shop = await db.shop.findUnique({ where: { domain: input.shopDomain } });
  if (!shop || shop.uninstalledAt) return { outcome: "ignored", reason: `no installed shop ${input.shopDomain}` };

  const existing = await db.checkout.findUnique({ where: { shopId_token: { shopId: shop.id, token: facts.token } } });
  if (existing && existing.shopifyUpdatedAt >= facts.shopifyUpdatedAt) return { outcome: "stale", checkoutId: existing.id };

  const contact = facts.phone ? await contactFor(txCtx, shop.id, facts) : null;
  const data = checkoutColumns(facts, contact?.id ?? null);
  const checkout = existing
    ? await db.checkout.update({ where: { id: existing.id }, data })
    : await db.checkout.create({ data: { ...data, shopId: shop.id, token: facts.token } });

  const consentRecorded = contact && facts.buyerAcceptsSmsMarketing ? await recordCheckoutConsent(txCtx, shop, contact, facts, deps) : false;
  if (facts.completedAt) await stopRecovery(txCtx, checkout, "completed");
  else await restartRecoveryTimer(txCtx, shop, checkout);
  return { outcome: "stored", checkoutId: checkout.id, consentRecorded, contactId: contact?.id ?? null };
}

async function contactFor(ctx: AppContext, shopId: string, facts: CheckoutFacts) {
  const contact = await findOrCreateContact(ctx, shopId, facts.phone!);
  const missing = {
    ...(!contact.firstName && facts.firstName && { firstName: facts.firstName }),
    ...(!contact.email && facts.email && { email: facts.email }),
    ...(!contact.shopifyCustomerId && facts.shopifyCustomerId && { shopifyCustomerId: facts.shopifyCustomerId }),
  };
  return Object.keys(missing).length > 0 ? ctx.db.contact.update({ where: { id: contact.id }, data: missing }) : contact;
}

function checkoutColumns(facts: CheckoutFacts, contactId: string | null) {
  return {
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

// The shopper ticked Shopify's SMS box. The disclosure our checkout extension showed, when it
// posted one, is the ledger's text; otherwise the ledger says that none was reported. Then the
// one opt-in confirmation goes out (the confirmation decides whether it is owed).
async function recordCheckoutConsent(
  ctx: AppContext,
  shop: Shop,
  contact: Contact,
  facts: CheckoutFacts,
  deps: Pick<MessagingDeps, "secrets">,
) {
  const shownByExtension = await ctx.db.checkoutConsentDisclosure.findUnique({
    where: { shopId_checkoutToken: { shopId: shop.id, checkoutToken: facts.token } },
    select: { id: true },
  });
  const recordNow = !contact.marketingConsent && !shownByExtension;
  if (recordNow) {
    await recordConsentEvent(
      ctx,
      {
        shopId: shop.id,
        contactId: contact.id,
        phone: contact.phone,
        scope: "marketing",
        granted: true,
        source: "checkout",
        text: DISCLOSURE_NOT_REPORTED,
        evidence: { checkoutToken: facts.token, shopifyUpdatedAt: facts.shopifyUpdatedAt.toISOString(), disclosureReported: false },
      },
      ctx.db,
    );
  }
  const confirmation = await confirmCheckoutSmsOptIn(ctx, { shopId: shop.id, contactId: contact.id, checkoutToken: facts.token }, deps);
  return recordNow || Boolean(confirmation.disclosure?.consentEventId && !contact.marketingConsent);
}
