// The sender gate: the one decision every outbound text passes, when it is requested and again
// just before it leaves. Consent, opt-out, suppression, quiet hours in the recipient's time
// zone, frequency caps and length; a refusal or hold carries a typed reason.
import type { AppContext } from "~/context.server";
import type { Contact, Shop } from "../../prisma/generated/sqlite/index.js";
import { isPhoneSuppressed } from "~/compliance/suppression.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { nextSendableTime, sendingWindow } from "~/compliance/quiet-hours";
import { marketingCapReached } from "~/compliance/frequency-caps.server";
import { MAX_AGE_MS, MAX_SEGMENTS, type TextPurpose } from "./text-purpose";
import type { GateDecision, GateReason } from "./gate-reasons";

export interface GateSubject {
  shop: Shop;
  contact: Contact;
  purpose: TextPurpose;
  segments: number;
  requestedAt: Date;
  /** Set when the text is re-checked before it leaves. */
  messageId?: string;
}

export interface GateSecrets {
  suppressionHashKey: string;
}

const refuse = (reason: GateReason): GateDecision => ({ verdict: "refuse", reason });

export async function decideText(ctx: AppContext, subject: GateSubject, secrets: GateSecrets): Promise<GateDecision> {
  const { shop, contact, purpose, segments } = subject;
  if (!shop.sendingNumber || !shop.telnyxApiKeyEncrypted) return refuse({ code: "not_connected" });
  if (segments > MAX_SEGMENTS) return refuse({ code: "too_long", segments });
  const now = ctx.clock.now();
  const ageMs = now.getTime() - subject.requestedAt.getTime();
  if (ageMs > MAX_AGE_MS[purpose]) return refuse({ code: "stale", ageMinutes: Math.round(ageMs / 60_000) });
  // STOP, HELP and START answers are owed to the shopper who just texted, whatever their state.
  if (purpose === "compliance") return { verdict: "send" };

  if (contact.optedOutAt) return refuse({ code: "opted_out", since: contact.optedOutAt.toISOString() });
  const phone = { shopId: shop.id, phone: contact.phone, hashKey: secrets.suppressionHashKey };
  if (await isPhoneSuppressed(ctx, phone)) return refuse({ code: "suppressed" });
  const missingConsent = await missingConsentFor(ctx, contact, purpose);
  if (missingConsent) return refuse(missingConsent);
  if (purpose === "conversational") return { verdict: "send" };

  return (await quietHoursDecision(ctx, shop, contact, now)) ?? (await capDecision(ctx, subject, now));
}

async function missingConsentFor(ctx: AppContext, contact: Contact, purpose: TextPurpose): Promise<GateReason | null> {
  if (purpose === "marketing") return contact.marketingConsent ? null : { code: "no_consent", scope: "marketing" };
  if (purpose === "transactional") {
    return contact.transactionalConsent || contact.marketingConsent ? null : { code: "no_consent", scope: "transactional" };
  }
  // A reply is allowed inside a conversation the shopper started.
  const shopperTexted = await ctx.db.message.findFirst({
    where: { contactId: contact.id, direction: "inbound" },
    select: { id: true },
  });
  return shopperTexted ? null : { code: "no_consent", scope: "conversation" };
}

export async function latestShippingAddress(ctx: AppContext, contact: Pick<Contact, "id">) {
  const checkout = await ctx.db.checkout.findFirst({
    where: { contactId: contact.id, shippingAddress: { not: null } },
    orderBy: { shopifyUpdatedAt: "desc" },
    select: { shippingAddress: true },
  });
  if (!checkout?.shippingAddress) return undefined;
  const address = JSON.parse(checkout.shippingAddress) as { country_code?: string; province_code?: string; zip?: string };
  return { countryCode: address.country_code, provinceCode: address.province_code, zip: address.zip };
}

async function quietHoursDecision(ctx: AppContext, shop: Shop, contact: Contact, now: Date): Promise<GateDecision | null> {
  const { zones, stateCodes } = await recipientTimeZones({
    phone: contact.phone,
    shippingAddress: await latestShippingAddress(ctx, contact),
    shopTimeZone: shop.ianaTimezone,
  });
  const window = sendingWindow({ start: shop.quietHoursStart, end: shop.quietHoursEnd }, stateCodes);
  const sendable = nextSendableTime(now, zones, window);
  if (!sendable) return refuse({ code: "no_common_window", zones });
  if (sendable.getTime() <= now.getTime()) return null;
  return { verdict: "hold", until: sendable, reason: { code: "quiet_hours", until: sendable.toISOString(), zones } };
}

async function capDecision(ctx: AppContext, { shop, contact, purpose, messageId }: GateSubject, now: Date): Promise<GateDecision> {
  if (purpose !== "marketing") return { verdict: "send" };
  const reached = await marketingCapReached(ctx, {
    excludeMessageId: messageId,
    contactId: contact.id,
    capPerDay: shop.marketingCapPerDay,
    capPerWeek: shop.marketingCapPerWeek,
    at: now,
  });
  if (!reached) return { verdict: "send" };
  return {
    verdict: "hold",
    until: reached.until,
    reason: { code: "frequency_cap", cap: reached.cap, until: reached.until.toISOString() },
  };
}
