// The sender gate: the one decision every outbound text passes, when it is requested and again
// just before it leaves (send-claim.server.ts). Consent, opt-out, suppression, quiet hours in the
// recipient's time zone, the reply window, frequency caps and length; a refusal or hold carries
// a typed reason.
import type { AppContext } from "~/context.server";
import type { Contact, Shop } from "../../prisma/generated/sqlite/index.js";
import { isPhoneSuppressed } from "~/compliance/suppression.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { nextSendableTime, sendingWindow } from "~/compliance/quiet-hours";
import { marketingCapReached } from "~/compliance/frequency-caps.server";
import { MAX_AGE_MS, MAX_SEGMENTS, REPLY_WINDOW_MS, type TextPurpose } from "./text-purpose";
import type { GateDecision, GateReason } from "./gate-reasons";
import { isTestNumber } from "./test-numbers.server";

export interface GateSubject {
  shop: Shop;
  contact: Contact;
  purpose: TextPurpose;
  segments: number;
  requestedAt: Date;
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
  // Owed to a shopper who opted out and then texted a keyword: the STOP's confirmation, HELP.
  if (purpose === "opt_out_reply") return { verdict: "send" };

  if (contact.optedOutAt) return refuse({ code: "opted_out", since: contact.optedOutAt.toISOString() });
  const phone = { shopId: shop.id, phone: contact.phone, hashKey: secrets.suppressionHashKey };
  if (await isPhoneSuppressed(ctx, phone)) return refuse({ code: "suppressed" });
  // The other keyword answers (HELP, START, JOIN) are owed to whoever asked, at once.
  if (purpose === "compliance") return { verdict: "send" };
  if (purpose === "conversational") return replyDecision(ctx, shop, contact, now);
  const missingConsent = missingConsentFor(shop, contact, purpose);
  if (missingConsent) return refuse(missingConsent);
  return (await quietHoursDecision(ctx, shop, contact, now)) ?? (await capDecision(ctx, subject, now));
}

function missingConsentFor(shop: Shop, contact: Contact, purpose: "marketing" | "transactional"): GateReason | null {
  if (purpose === "marketing") return contact.marketingConsent ? null : { code: "no_consent", scope: "marketing" };
  // The merchant's own test numbers (Settings) need no shopper consent; an opt-out still stands.
  const allowed = contact.transactionalConsent || contact.marketingConsent || isTestNumber(shop, contact.phone);
  return allowed ? null : { code: "no_consent", scope: "transactional" };
}

export type ReplyTiming =
  | { kind: "no_conversation" }
  /** Within 24 hours of the shopper's last text: the reply is conversation and leaves at once. */
  | { kind: "in_conversation"; until: Date }
  /** Later than that the reply is a proactive text: it waits for the recipient's sending hours. */
  | { kind: "proactive"; leavesAt: Date | null; zones: string[] };

/** How a reply to this shopper would be sent now; the thread's composer shows it before sending. */
export async function replyTiming(ctx: AppContext, shop: Shop, contact: Contact): Promise<ReplyTiming> {
  const now = ctx.clock.now();
  const lastInbound = await ctx.db.message.findFirst({
    where: { contactId: contact.id, direction: "inbound" },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  if (!lastInbound) return { kind: "no_conversation" };
  const until = new Date(lastInbound.occurredAt.getTime() + REPLY_WINDOW_MS);
  if (now < until) return { kind: "in_conversation", until };
  const { zones, sendable } = await sendableTime(ctx, shop, contact, now);
  return { kind: "proactive", leavesAt: sendable, zones };
}

async function replyDecision(ctx: AppContext, shop: Shop, contact: Contact, now: Date): Promise<GateDecision> {
  const timing = await replyTiming(ctx, shop, contact);
  if (timing.kind === "no_conversation") return refuse({ code: "no_consent", scope: "conversation" });
  if (timing.kind === "in_conversation") return { verdict: "send" };
  return windowDecision(timing.zones, timing.leavesAt, now) ?? { verdict: "send" };
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

async function sendableTime(ctx: AppContext, shop: Shop, contact: Contact, now: Date) {
  const { zones, stateCodes } = await recipientTimeZones({
    phone: contact.phone,
    shippingAddress: await latestShippingAddress(ctx, contact),
    shopTimeZone: shop.ianaTimezone,
  });
  const window = sendingWindow({ start: shop.quietHoursStart, end: shop.quietHoursEnd }, stateCodes);
  return { zones, sendable: nextSendableTime(now, zones, window) };
}

async function quietHoursDecision(ctx: AppContext, shop: Shop, contact: Contact, now: Date): Promise<GateDecision | null> {
  const { zones, sendable } = await sendableTime(ctx, shop, contact, now);
  return windowDecision(zones, sendable, now);
}

function windowDecision(zones: string[], sendable: Date | null, now: Date): GateDecision | null {
  if (!sendable) return refuse({ code: "no_common_window", zones });
  if (sendable.getTime() <= now.getTime()) return null;
  return { verdict: "hold", until: sendable, reason: { code: "quiet_hours", until: sendable.toISOString(), zones } };
}

async function capDecision(ctx: AppContext, { shop, contact, purpose }: GateSubject, now: Date): Promise<GateDecision> {
  if (purpose !== "marketing") return { verdict: "send" };
  const reached = await marketingCapReached(ctx, {
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
