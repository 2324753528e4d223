// A phone typed into the storefront form. CTIA: a number typed into a form is not an opt-in by
// itself (someone may type another person's number), so the sign-up is only pending, and the one
// text sent is "Reply Y to get texts from <brand>…". Nothing else goes to the number until the
// shopper's Y (sign-up-confirmation.server.ts) records the consent.
//
// The form never tells a visitor whether a number is subscribed, opted out or suppressed: every
// accepted request gets the same answer and counts the same towards the rate limits; only the
// text differs (none for a number already subscribed, or one that must not be texted).
import { inTransaction, type AppContext } from "~/context.server";
import { brandOf, checkoutDisclosure } from "~/compliance/disclosure";
import { isPhoneSuppressed } from "~/compliance/suppression.server";
import { toE164 } from "~/commerce/shopify-payloads";
import { findOrCreateContact } from "~/conversations/contacts.server";
import { countryOfPhone } from "~/marketing/contact-activity.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { renderTemplate } from "~/flows/templates";
import { scheduleSignUpExpiry } from "~/jobs/expire-sign-up.server";
import { ipHashOf, signUpDisclosureText, signUpSettingsOf } from "./sign-up-form.server";

export const SIGN_UP_REPLY_Y_FLOW = "sign_up_reply_y";
export const SIGN_UP_PLACEMENTS = ["popup", "teaser"] as const;

const HOUR_MS = 60 * 60 * 1000;
// Enough for a visitor who mistyped, too few to text a stranger's phone over and over.
export const SIGN_UP_LIMITS = {
  perAddress: { count: 5, windowMs: HOUR_MS },
  perPhone: { count: 3, windowMs: 24 * HOUR_MS },
} as const;

export interface SignUpRequest {
  shopDomain: string;
  phone: string;
  /** The disclosure version the form showed (GET /form answered it). */
  disclosureVersion: number;
  pageUrl: string | null;
  placement: (typeof SIGN_UP_PLACEMENTS)[number];
  ip: string;
}

export type SignUpOutcome =
  | { outcome: "pending" }
  | { outcome: "unknown_shop" | "disabled" | "invalid_phone" | "disclosure_changed" }
  /** retryAfterMs: the window of the limit reached, at most what the visitor must wait. */
  | { outcome: "rate_limited"; retryAfterMs: number };

export async function requestSignUp(ctx: AppContext, input: SignUpRequest, deps: Pick<MessagingDeps, "secrets" | "encryptionKey">): Promise<SignUpOutcome> {
  const { db } = ctx;
  const shop = await db.shop.findFirst({ where: { domain: input.shopDomain, uninstalledAt: null } });
  if (!shop) return { outcome: "unknown_shop" };
  const settings = signUpSettingsOf(shop);
  if (!settings.enabled) return { outcome: "disabled" };
  // Read in the shop's own country, the one its sending number belongs to.
  const phone = toE164(input.phone, (shop.sendingNumber && countryOfPhone(shop.sendingNumber)) ?? "US");
  if (!phone) return { outcome: "invalid_phone" };
  // The ledger must keep the words the visitor saw: a form opened before the merchant changed them asks again.
  if (input.disclosureVersion !== shop.consentDisclosureVersion) return { outcome: "disclosure_changed" };

  const now = ctx.clock.now();
  const ipHash = ipHashOf(shop.id, input.ip, deps.encryptionKey);
  const recent = (where: { ipHash: string } | { phone: string }, windowMs: number) =>
    db.signUp.count({ where: { shopId: shop.id, ...where, requestedAt: { gt: new Date(now.getTime() - windowMs) } } });
  const [fromAddress, forPhone] = await Promise.all([recent({ ipHash }, SIGN_UP_LIMITS.perAddress.windowMs), recent({ phone }, SIGN_UP_LIMITS.perPhone.windowMs)]);
  if (forPhone >= SIGN_UP_LIMITS.perPhone.count) return { outcome: "rate_limited", retryAfterMs: SIGN_UP_LIMITS.perPhone.windowMs };
  if (fromAddress >= SIGN_UP_LIMITS.perAddress.count) return { outcome: "rate_limited", retryAfterMs: SIGN_UP_LIMITS.perAddress.windowMs };

  const contact = await findOrCreateContact(ctx, shop.id, phone);
  const suppressed = await isPhoneSuppressed(ctx, { shopId: shop.id, phone, hashKey: deps.secrets.suppressionHashKey });
  // Subscribed already: nothing to confirm. Opted out or suppressed: only their own START or YES may bring them back.
  const ask = !contact.marketingConsent && !contact.optedOutAt && !suppressed;
  // The sign-up, its text and its expiry commit together.
  await inTransaction(ctx, async (tx) => {
    const signUp = await tx.db.signUp.create({
      data: {
        shopId: shop.id,
        contactId: contact.id,
        phone,
        status: ask ? "pending" : "not_asked",
        disclosure: signUpDisclosureText(checkoutDisclosure(shop)),
        pageUrl: input.pageUrl,
        placement: input.placement,
        ipHash,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + settings.confirmWithinHours * HOUR_MS),
        createdAt: now,
        updatedAt: now,
      },
    });
    if (!ask) return;
    // "compliance", like the answer to JOIN: the shopper has just asked for this one text, so it
    // goes at once, without the marketing consent it exists to ask for, and outside quiet hours
    // (they are on the page now); the gate still refuses it to an opted-out or suppressed number.
    // "marketing" or "transactional" would need the very consent the text asks for.
    const body = renderTemplate(settings.confirmation, { shop: brandOf(shop) });
    await requestText(tx, { shopId: shop.id, to: phone, body, purpose: "compliance", flow: SIGN_UP_REPLY_Y_FLOW }, deps.secrets);
    await scheduleSignUpExpiry(tx, signUp);
  });
  return { outcome: "pending" };
}
