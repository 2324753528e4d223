// SMS consent given at checkout, with the proof of what the shopper was shown.
//
// Shopify's own consent checkbox records the consent; the checkout extension
// (extensions/sms-consent) shows the disclosure the app builds from the shop's settings and
// posts back the words it showed, keyed by the checkout token, before any webhook names a phone. When the checkout webhook reports the
// consent with a phone, confirmCheckoutSmsOptIn turns that disclosure into a ledger entry and
// sends the one opt-in confirmation the carriers expect.
import type { CheckoutConsentDisclosure, Contact, Message } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { checkoutDisclosure, type CheckoutDisclosure } from "~/compliance/disclosure";
import { keywordOptInConfirmation } from "~/compliance/keyword-replies";
import { isPhoneSuppressed } from "~/compliance/suppression.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";

export const OPT_IN_CONFIRMATION_FLOW = "checkout_opt_in_confirmation";
export const DISCLOSURE_TARGETS = ["purchase.checkout.contact.render-after", "purchase.thank-you.block.render"] as const;
export type DisclosureTarget = (typeof DISCLOSURE_TARGETS)[number];

export interface ShownDisclosure {
  checkoutToken: string;
  target: DisclosureTarget;
  disclosureVersion: number;
  disclosureText: string;
}

/** The words the extension shows beside the consent box, or null for a shop that is not installed. */
export async function disclosureToShow(ctx: AppContext, shopDomain: string): Promise<CheckoutDisclosure | null> {
  const shop = await ctx.db.shop.findFirst({ where: { domain: shopDomain, uninstalledAt: null } });
  return shop && checkoutDisclosure(shop);
}

/**
 * Keeps what the extension showed at a checkout. A later post for the same checkout (the
 * shopper reloaded, the merchant changed the text) replaces it until a webhook has turned it
 * into a ledger entry; from then on the disclosure that entry cites stays as it was.
 */
export async function recordShownDisclosure(
  ctx: AppContext,
  input: { shopDomain: string } & ShownDisclosure,
): Promise<{ outcome: "recorded" | "already_in_ledger" } | { outcome: "unknown_shop" }> {
  const shop = await ctx.db.shop.findFirst({ where: { domain: input.shopDomain, uninstalledAt: null }, select: { id: true } });
  if (!shop) return { outcome: "unknown_shop" };
  const now = ctx.clock.now();
  const shown = {
    target: input.target,
    disclosureVersion: input.disclosureVersion,
    disclosureText: input.disclosureText,
    shownAt: now,
    updatedAt: now,
  };
  const where = { shopId_checkoutToken: { shopId: shop.id, checkoutToken: input.checkoutToken } };
  const existing = await ctx.db.checkoutConsentDisclosure.findUnique({ where, select: { consentEventId: true } });
  if (existing?.consentEventId) return { outcome: "already_in_ledger" };
  await ctx.db.checkoutConsentDisclosure.upsert({
    where,
    create: { shopId: shop.id, checkoutToken: input.checkoutToken, createdAt: now, ...shown },
    update: shown,
  });
  return { outcome: "recorded" };
}

export type CheckoutOptInConfirmation =
  | { outcome: "sent"; message: Message; disclosure: CheckoutConsentDisclosure | null }
  | { outcome: "not_sent"; reason: string; disclosure: CheckoutConsentDisclosure | null };

/**
 * For checkout intake, after it recorded a checkout's SMS marketing consent for `contactId`
 * (in the same transaction). Records the disclosure the extension showed at that checkout as a
 * "checkout" ledger entry (once), then sends the opt-in confirmation — once per subscription:
 * a second update of the checkout, or the next checkout, sends nothing more until the shopper
 * has opted out and back in. Nothing is asked for a phone that is opted out or suppressed (a
 * redacted STOP), so no refused confirmation clutters its thread; the gate refuses it too.
 */
export async function confirmCheckoutSmsOptIn(
  ctx: AppContext,
  input: { shopId: string; contactId: string; checkoutToken: string },
  deps: Pick<MessagingDeps, "secrets">,
): Promise<CheckoutOptInConfirmation> {
  const { db } = ctx;
  // Takes the contact's row lock (PostgreSQL) so two deliveries about one checkout decide in turn.
  const locked = await db.contact.updateMany({ where: { id: input.contactId, shopId: input.shopId }, data: { updatedAt: ctx.clock.now() } });
  if (locked.count === 0) throw new Error(`Contact ${input.contactId} does not belong to shop ${input.shopId}`);
  let contact = await db.contact.findUniqueOrThrow({ where: { id: input.contactId } });
  const disclosure = await ledgerTheDisclosure(ctx, contact, input.checkoutToken);
  contact = await db.contact.findUniqueOrThrow({ where: { id: input.contactId } });

  const reason = await reasonNotToConfirm(ctx, contact, deps);
  if (reason) return { outcome: "not_sent", reason, disclosure };
  const shop = await db.shop.findUniqueOrThrow({ where: { id: input.shopId } });
  const message = await requestText(
    ctx,
    { shopId: shop.id, to: contact.phone, body: keywordOptInConfirmation(shop), purpose: "compliance", flow: OPT_IN_CONFIRMATION_FLOW },
    deps.secrets,
  );
  return { outcome: "sent", message, disclosure };
}

async function ledgerTheDisclosure(ctx: AppContext, contact: Contact, checkoutToken: string) {
  const where = { shopId_checkoutToken: { shopId: contact.shopId, checkoutToken } };
  const disclosure = await ctx.db.checkoutConsentDisclosure.findUnique({ where });
  if (!disclosure || disclosure.consentEventId) return disclosure;
  const { event } = await recordConsentEvent(ctx, {
    shopId: contact.shopId,
    contactId: contact.id,
    phone: contact.phone,
    scope: "marketing",
    granted: true,
    source: "checkout",
    text: disclosure.disclosureText,
    evidence: {
      checkoutToken,
      target: disclosure.target,
      disclosureVersion: disclosure.disclosureVersion,
      shownAt: disclosure.shownAt.toISOString(),
      consentRecordedBy: "Shopify consent checkbox (collect_buyer_consent.sms_marketing)",
    },
  });
  return ctx.db.checkoutConsentDisclosure.update({ where, data: { consentEventId: event.id, updatedAt: ctx.clock.now() } });
}

async function reasonNotToConfirm(ctx: AppContext, contact: Contact, deps: Pick<MessagingDeps, "secrets">): Promise<string | null> {
  if (contact.optedOutAt) return "the shopper opted out; only they can opt back in (START)";
  if (!contact.marketingConsent) return "the contact has no marketing consent";
  const suppressed = await isPhoneSuppressed(ctx, { shopId: contact.shopId, phone: contact.phone, hashKey: deps.secrets.suppressionHashKey });
  if (suppressed) return "the phone is on the suppression list; only the shopper can lift it (START)";
  const lastRevoked = await ctx.db.consentEvent.findFirst({
    where: { contactId: contact.id, granted: false },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  const since = lastRevoked && { gt: lastRevoked.occurredAt };
  const confirmed = await ctx.db.message.findFirst({
    where: { contactId: contact.id, direction: "outbound", flow: OPT_IN_CONFIRMATION_FLOW, ...(since && { occurredAt: since }) },
    select: { id: true },
  });
  if (confirmed) return "this subscription was already confirmed";
  // START and JOIN are answered with their own confirmation.
  const optedInByText = await ctx.db.consentEvent.findFirst({
    where: { contactId: contact.id, granted: true, source: "keyword", ...(since && { occurredAt: since }) },
    select: { id: true },
  });
  return optedInByText ? "the shopper opted in by text and was answered then" : null;
}
