// SMS consent given at checkout, with the proof of what the shopper was shown.
//
// Shopify's own consent checkbox records the consent; the checkout extension
// (extensions/sms-consent) shows the disclosure the app builds from the shop's settings and
// posts back the words it showed, keyed by the checkout token, before any webhook names a phone. When the checkout webhook reports the
// consent with a phone, confirmCheckoutSmsOptIn turns that disclosure into a ledger entry and
// sends the one opt-in confirmation the carriers expect.
import type { CheckoutConsentDisclosure, Contact, Message } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { recordConsentEvents } from "~/compliance/consent-ledger.server";
import { checkoutDisclosure, type CheckoutDisclosure } from "~/compliance/disclosure";
import { keywordOptInConfirmation } from "~/compliance/keyword-replies";
import { suppressedPhones } from "~/compliance/suppression.server";
import { lockContacts } from "~/conversations/contacts.server";
import { requestTexts } from "~/messaging/outbound.server";
import { roundsBy } from "~/rounds";
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

export interface CheckoutOptIn {
  shopId: string;
  contactId: string;
  checkoutToken: string;
}

/**
 * For checkout intake, after it recorded a checkout's SMS marketing consent for `contactId`
 * (in the same transaction). Records the disclosure the extension showed at that checkout as a
 * "checkout" ledger entry (once), then sends the opt-in confirmation — once per subscription:
 * a second update of the checkout, or the next checkout, sends nothing more until the shopper
 * has opted out and back in. Nothing is asked for a phone that is opted out or suppressed (a
 * redacted STOP), so no refused confirmation clutters its thread; the gate refuses it too.
 */
export async function confirmCheckoutSmsOptIn(ctx: AppContext, input: CheckoutOptIn, deps: Pick<MessagingDeps, "secrets">): Promise<CheckoutOptInConfirmation> {
  const [confirmation] = await confirmCheckoutSmsOptIns(ctx, [input], deps);
  return confirmation!;
}

/** confirmCheckoutSmsOptIn for many checkouts, in order, with a few statements for each round of them. */
export async function confirmCheckoutSmsOptIns(
  ctx: AppContext,
  inputs: CheckoutOptIn[],
  deps: Pick<MessagingDeps, "secrets">,
): Promise<CheckoutOptInConfirmation[]> {
  const confirmations: CheckoutOptInConfirmation[] = [];
  // One round holds one checkout per contact, so a contact's second checkout sees its first confirmed.
  for (const round of roundsBy(inputs.map((input, i) => ({ input, i })), ({ input }) => input.contactId)) {
    const results = await confirmRound(ctx, round.map(({ input }) => input), deps);
    round.forEach(({ i }, k) => (confirmations[i] = results[k]!));
  }
  return confirmations;
}

async function confirmRound(ctx: AppContext, inputs: CheckoutOptIn[], deps: Pick<MessagingDeps, "secrets">): Promise<CheckoutOptInConfirmation[]> {
  const { db } = ctx;
  // The contacts' row locks (PostgreSQL), so two deliveries about one checkout decide in turn.
  const locked = new Map((await lockContacts(db, inputs.map((input) => input.contactId).sort())).map((contact) => [contact.id, contact]));
  for (const input of inputs) {
    if (locked.get(input.contactId)?.shopId !== input.shopId) throw new Error(`Contact ${input.contactId} does not belong to shop ${input.shopId}`);
  }
  const disclosures = await ledgerTheDisclosures(ctx, inputs, locked);
  const contacts = new Map((await db.contact.findMany({ where: { id: { in: inputs.map((input) => input.contactId) } } })).map((c) => [c.id, c]));
  const reasons = await reasonsNotToConfirm(ctx, [...contacts.values()], deps);
  const owed = inputs.filter((input) => !reasons.get(input.contactId));
  const shops = new Map((await db.shop.findMany({ where: { id: { in: [...new Set(owed.map((input) => input.shopId))] } } })).map((shop) => [shop.id, shop]));
  const messages = await requestTexts(
    ctx,
    owed.map(({ shopId, contactId }) => {
      const shop = shops.get(shopId)!;
      return { shopId, to: contacts.get(contactId)!.phone, body: keywordOptInConfirmation(shop), purpose: "compliance", flow: OPT_IN_CONFIRMATION_FLOW };
    }),
    deps.secrets,
  );
  const sent = new Map(owed.map((input, i) => [input, messages[i]!]));
  return inputs.map((input, i) => {
    const disclosure = disclosures[i] ?? null;
    const message = sent.get(input);
    return message ? { outcome: "sent", message, disclosure } : { outcome: "not_sent", reason: reasons.get(input.contactId)!, disclosure };
  });
}

/** Each checkout's disclosure, turned into a ledger entry if it was not yet (undefined where none was shown). */
async function ledgerTheDisclosures(ctx: AppContext, inputs: CheckoutOptIn[], contacts: Map<string, Contact>): Promise<(CheckoutConsentDisclosure | undefined)[]> {
  const key = (d: { shopId: string; checkoutToken: string }) => `${d.shopId}:${d.checkoutToken}`;
  const found = await ctx.db.checkoutConsentDisclosure.findMany({
    where: { shopId: { in: [...new Set(inputs.map((i) => i.shopId))] }, checkoutToken: { in: inputs.map((i) => i.checkoutToken) } },
  });
  const byKey = new Map(found.map((d) => [key(d), d]));
  const unledgered = inputs.flatMap((input) => {
    const disclosure = byKey.get(key(input));
    return disclosure && !disclosure.consentEventId ? [{ input, disclosure }] : [];
  });
  const recorded = await recordConsentEvents(
    ctx,
    unledgered.map(({ input, disclosure }) => ({
      shopId: input.shopId,
      contactId: input.contactId,
      phone: contacts.get(input.contactId)!.phone,
      scope: "marketing" as const,
      granted: true,
      source: "checkout" as const,
      text: disclosure.disclosureText,
      evidence: {
        checkoutToken: input.checkoutToken,
        target: disclosure.target,
        disclosureVersion: disclosure.disclosureVersion,
        shownAt: disclosure.shownAt.toISOString(),
        consentRecordedBy: "Shopify consent checkbox (collect_buyer_consent.sms_marketing)",
      },
    })),
  );
  const now = ctx.clock.now();
  for (const [k, { disclosure }] of unledgered.entries()) {
    const consentEventId = recorded[k]!.event.id;
    await ctx.db.checkoutConsentDisclosure.update({ where: { id: disclosure.id }, data: { consentEventId, updatedAt: now } });
    byKey.set(key(disclosure), { ...disclosure, consentEventId, updatedAt: now });
  }
  return inputs.map((input) => byKey.get(key(input)));
}

/** Why each contact is owed no confirmation (absent when one is owed). */
async function reasonsNotToConfirm(ctx: AppContext, contacts: Contact[], deps: Pick<MessagingDeps, "secrets">): Promise<Map<string, string>> {
  const { db } = ctx;
  const ids = contacts.map((c) => c.id);
  const latestOf = (rows: { contactId: string | null; _max: { occurredAt: Date | null } }[]) => new Map(rows.map((row) => [row.contactId, row._max.occurredAt]));
  const [suppressed, revoked, confirmed, optedInByText] = await Promise.all([
    suppressedAmong(ctx, contacts, deps.secrets.suppressionHashKey),
    db.consentEvent.groupBy({ by: ["contactId"], where: { contactId: { in: ids }, granted: false }, _max: { occurredAt: true } }).then(latestOf),
    db.message.groupBy({ by: ["contactId"], where: { contactId: { in: ids }, direction: "outbound", flow: OPT_IN_CONFIRMATION_FLOW }, _max: { occurredAt: true } }).then(latestOf),
    db.consentEvent.groupBy({ by: ["contactId"], where: { contactId: { in: ids }, granted: true, source: { in: ["keyword", "signup_form"] } }, _max: { occurredAt: true } }).then(latestOf),
  ]);
  // Since the subscription began: after the contact's last revocation, if any.
  const sinceSubscribed = (latest: Map<string | null, Date | null>, contactId: string) => {
    const at = latest.get(contactId);
    const revokedAt = revoked.get(contactId);
    return Boolean(at && (!revokedAt || at > revokedAt));
  };
  const reasonFor = (contact: Contact): string | null => {
    if (contact.optedOutAt) return "the shopper opted out; only they can opt back in (START)";
    if (!contact.marketingConsent) return "the contact has no marketing consent";
    if (suppressed.has(contact.id)) return "the phone is on the suppression list; only the shopper can lift it (START)";
    if (sinceSubscribed(confirmed, contact.id)) return "this subscription was already confirmed";
    // START, JOIN and a sign-up's Y are answered with their own confirmation.
    if (sinceSubscribed(optedInByText, contact.id)) return "the shopper opted in by text and was answered then";
    return null;
  };
  const reasons = new Map<string, string>();
  for (const contact of contacts) {
    const reason = reasonFor(contact);
    if (reason) reasons.set(contact.id, reason);
  }
  return reasons;
}

/** The contacts whose phones are on their shop's suppression list. */
async function suppressedAmong(ctx: AppContext, contacts: Contact[], hashKey: string): Promise<Set<string>> {
  const listed = await suppressedPhones(ctx, contacts.map((c) => ({ shopId: c.shopId, phone: c.phone, hashKey })));
  return new Set(contacts.filter((_, i) => listed[i]).map((c) => c.id));
}
