// The sender gate: the one decision every outbound text passes, when it is requested and again
// just before it leaves (send-claim.server.ts). Consent, opt-out, suppression, quiet hours in the
// recipient's time zone, the reply window, frequency caps and length; a refusal or hold carries
// a typed reason. Its reads are made for many recipients at once (loadRecipientFacts), so the
// last check of a whole batch of texts costs a few statements, and the decision itself is pure.
import type { AppContext } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import type { Contact, Shop } from "../../prisma/generated/sqlite/index.js";
import { suppressionHash } from "~/compliance/suppression.server";
import { recipientTimeZones, type ShippingAddress } from "~/compliance/recipient-time-zones.server";
import { nextSendableTime, sendingWindow } from "~/compliance/quiet-hours";
import { capReachedAmong, capWindowMs, recentMarketingSends } from "~/compliance/frequency-caps.server";
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

/** What the gate reads about one recipient; read for many at once by loadRecipientFacts. */
export interface RecipientFacts {
  suppressed: boolean;
  lastInboundAt: Date | null;
  shippingAddress: ShippingAddress | undefined;
  /** When the contact's marketing texts inside the caps' window were handed over (ms, oldest first). */
  marketingSends: number[];
}

export async function decideText(ctx: AppContext, subject: GateSubject, secrets: GateSecrets): Promise<GateDecision> {
  const [decision] = await decideTexts(ctx, [subject], secrets);
  return decision!;
}

/**
 * The gate for many texts at once, with the same few reads however many there are. Decided in
 * order, and a marketing text let through counts against its contact's caps for the texts
 * after it, as it would had each been decided after the one before had left.
 */
export async function decideTexts(ctx: AppContext, subjects: GateSubject[], secrets: GateSecrets): Promise<GateDecision[]> {
  const now = ctx.clock.now();
  const facts = await loadRecipientFacts(ctx, subjects, secrets, now);
  const decisions: GateDecision[] = [];
  for (const subject of subjects) {
    const recipient = facts.get(subject.contact.id)!;
    const decision = await decideGiven(subject, recipient, now);
    if (decision.verdict === "send" && subject.purpose === "marketing") recipient.marketingSends.push(now.getTime());
    decisions.push(decision);
  }
  return decisions;
}

async function decideGiven(subject: GateSubject, facts: RecipientFacts, now: Date): Promise<GateDecision> {
  const { shop, contact, purpose, segments } = subject;
  if (!shop.sendingNumber || !shop.telnyxApiKeyEncrypted) return refuse({ code: "not_connected" });
  if (segments > MAX_SEGMENTS) return refuse({ code: "too_long", segments });
  const ageMs = now.getTime() - subject.requestedAt.getTime();
  if (ageMs > MAX_AGE_MS[purpose]) return refuse({ code: "stale", ageMinutes: Math.round(ageMs / 60_000) });
  // Owed to a shopper who opted out and then texted a keyword: the STOP's confirmation, HELP.
  if (purpose === "opt_out_reply") return { verdict: "send" };

  if (contact.optedOutAt) return refuse({ code: "opted_out", since: contact.optedOutAt.toISOString() });
  if (facts.suppressed) return refuse({ code: "suppressed" });
  // The other keyword answers (HELP, START, JOIN) are owed to whoever asked, at once.
  if (purpose === "compliance") return { verdict: "send" };
  if (purpose === "conversational") return replyDecision(shop, contact, facts, now);
  const missingConsent = missingConsentFor(shop, contact, purpose);
  if (missingConsent) return refuse(missingConsent);
  return (await quietHoursDecision(shop, contact, facts, now)) ?? capDecision(subject, facts, now);
}

/** The gate's reads for many recipients, of any shops: a statement each, whatever their number. */
export async function loadRecipientFacts(
  ctx: AppContext,
  recipients: { shop: Shop; contact: Contact }[],
  secrets: GateSecrets,
  now: Date,
): Promise<Map<string, RecipientFacts>> {
  const ids = [...new Set(recipients.map((r) => r.contact.id))];
  // The hash covers the shop, so one list of hashes matches each phone in its own shop only.
  const hashes = new Map(recipients.map(({ shop, contact }) => [contact.id, suppressionHash(shop.id, contact.phone, secrets.suppressionHashKey)]));
  const windowMs = Math.max(0, ...recipients.map(({ shop }) => capWindowMs({ capPerDay: shop.marketingCapPerDay, capPerWeek: shop.marketingCapPerWeek })));
  const [suppressed, lastInbound, addresses, marketingSends] = await Promise.all([
    suppressedAmong(ctx, [...new Set(recipients.map(({ shop }) => shop.id))], [...new Set(hashes.values())]),
    lastInboundTimes(ctx, ids),
    shippingAddresses(ctx, ids),
    recentMarketingSends(ctx.db, ids, { at: now, windowMs }),
  ]);
  const suppressedHashes = new Set(suppressed.map((row) => row.phoneHash));
  return new Map(
    recipients.map(({ contact }) => [
      contact.id,
      {
        suppressed: suppressedHashes.has(hashes.get(contact.id)!),
        lastInboundAt: lastInbound.get(contact.id) ?? null,
        shippingAddress: addresses.get(contact.id),
        marketingSends: [...(marketingSends.get(contact.id) ?? [])],
      },
    ]),
  );
}

// The gate's reads are plain statements: they run for every wave of texts that leaves, where
// Prisma's query building would cost more than the reads themselves.
async function suppressedAmong(ctx: AppContext, shopIds: string[], hashes: string[]): Promise<{ phoneHash: string }[]> {
  if (hashes.length === 0) return [];
  const { sql, join } = sqlBuildersOf(ctx.db);
  return ctx.db.$queryRaw(sql`SELECT "phoneHash" FROM "SuppressedPhone" WHERE "shopId" IN (${join(shopIds)}) AND "phoneHash" IN (${join(hashes)})`);
}

async function lastInboundTimes(ctx: AppContext, contactIds: string[]): Promise<Map<string, Date>> {
  if (contactIds.length === 0) return new Map();
  const { sql, join } = sqlBuildersOf(ctx.db);
  const rows = await ctx.db.$queryRaw<{ contactId: string; at: Date | string }[]>(sql`
    SELECT "contactId", MAX("occurredAt") AS "at" FROM "Message"
    WHERE "contactId" IN (${join(contactIds)}) AND "direction" = 'inbound'
    GROUP BY "contactId"`);
  // An aggregate has no declared type, so SQLite returns the stored text.
  return new Map(rows.map((row) => [row.contactId, row.at instanceof Date ? row.at : new Date(row.at)]));
}

/** Each contact's latest checkout's shipping address: the best guess of where they are. */
export async function shippingAddresses(ctx: AppContext, contactIds: string[]): Promise<Map<string, ShippingAddress>> {
  if (contactIds.length === 0) return new Map();
  const { sql, join } = sqlBuildersOf(ctx.db);
  const rows = await ctx.db.$queryRaw<{ contactId: string; shippingAddress: string }[]>(sql`
    SELECT "contactId", "shippingAddress" FROM "Checkout"
    WHERE "contactId" IN (${join(contactIds)}) AND "shippingAddress" IS NOT NULL
    ORDER BY "shopifyUpdatedAt" DESC`);
  const addresses = new Map<string, ShippingAddress>();
  for (const { contactId, shippingAddress } of rows) {
    if (addresses.has(contactId)) continue;
    const address = JSON.parse(shippingAddress) as { country_code?: string; province_code?: string; zip?: string };
    addresses.set(contactId, { countryCode: address.country_code, provinceCode: address.province_code, zip: address.zip });
  }
  return addresses;
}

export async function latestShippingAddress(ctx: AppContext, contact: Pick<Contact, "id">) {
  return (await shippingAddresses(ctx, [contact.id])).get(contact.id);
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
  const [lastInbound, addresses] = await Promise.all([lastInboundTimes(ctx, [contact.id]), shippingAddresses(ctx, [contact.id])]);
  return replyTimingGiven(shop, contact, { lastInboundAt: lastInbound.get(contact.id) ?? null, shippingAddress: addresses.get(contact.id) }, ctx.clock.now());
}

async function replyTimingGiven(shop: Shop, contact: Contact, facts: Pick<RecipientFacts, "lastInboundAt" | "shippingAddress">, now: Date): Promise<ReplyTiming> {
  if (!facts.lastInboundAt) return { kind: "no_conversation" };
  const until = new Date(facts.lastInboundAt.getTime() + REPLY_WINDOW_MS);
  if (now < until) return { kind: "in_conversation", until };
  const { zones, sendable } = await sendableTime(shop, contact, facts, now);
  return { kind: "proactive", leavesAt: sendable, zones };
}

async function replyDecision(shop: Shop, contact: Contact, facts: RecipientFacts, now: Date): Promise<GateDecision> {
  const timing = await replyTimingGiven(shop, contact, facts, now);
  if (timing.kind === "no_conversation") return refuse({ code: "no_consent", scope: "conversation" });
  if (timing.kind === "in_conversation") return { verdict: "send" };
  return windowDecision(timing.zones, timing.leavesAt, now) ?? { verdict: "send" };
}

async function sendableTime(shop: Shop, contact: Contact, facts: Pick<RecipientFacts, "shippingAddress">, now: Date) {
  const { zones, stateCodes } = await recipientTimeZones({
    phone: contact.phone,
    shippingAddress: facts.shippingAddress,
    shopTimeZone: shop.ianaTimezone,
  });
  const window = sendingWindow({ start: shop.quietHoursStart, end: shop.quietHoursEnd }, stateCodes);
  return { zones, sendable: nextSendableTime(now, zones, window) };
}

async function quietHoursDecision(shop: Shop, contact: Contact, facts: RecipientFacts, now: Date): Promise<GateDecision | null> {
  const { zones, sendable } = await sendableTime(shop, contact, facts, now);
  return windowDecision(zones, sendable, now);
}

function windowDecision(zones: string[], sendable: Date | null, now: Date): GateDecision | null {
  if (!sendable) return refuse({ code: "no_common_window", zones });
  if (sendable.getTime() <= now.getTime()) return null;
  return { verdict: "hold", until: sendable, reason: { code: "quiet_hours", until: sendable.toISOString(), zones } };
}

function capDecision({ shop, purpose }: GateSubject, facts: RecipientFacts, now: Date): GateDecision {
  if (purpose !== "marketing") return { verdict: "send" };
  const reached = capReachedAmong(facts.marketingSends, { capPerDay: shop.marketingCapPerDay, capPerWeek: shop.marketingCapPerWeek, at: now });
  if (!reached) return { verdict: "send" };
  return {
    verdict: "hold",
    until: reached.until,
    reason: { code: "frequency_cap", cap: reached.cap, until: reached.until.toISOString() },
  };
}
