// Shopify's SMS marketing consent and the consent ledger, kept in step (DESIGN §2 records).
//
// In: a customers_marketing_consent/update webhook becomes a "shopify_sync" ConsentEvent on the
// contact with that phone. The ledger's rules decide what it changes: a Shopify unsubscribe
// withdraws marketing only, and a Shopify subscribe cannot undo a shopper's STOP.
// Out: opt-ins and opt-outs the shopper makes by text (STOP, START, JOIN, a carrier block) are
// written back with customerSmsMarketingConsentUpdate by a job, for contacts whose Shopify
// customer is known.
// Echoes: every write-back comes back as the webhook. It is skipped when the contact already
// stands where Shopify says, or when it reports a change older than the ledger's latest event
// (our own UNSUBSCRIBED arriving after the shopper texted START again), so the ledger holds
// changes, not echoes.
import { z } from "zod";
import type { ConsentEvent, Contact } from "../../prisma/generated/sqlite/index.js";
import { inTransaction, type AppContext } from "~/context.server";
import type { Db } from "~/db.server";
import { recordConsentEvent, type ConsentState } from "~/compliance/consent-ledger.server";
import { enqueueJob, PermanentJobError, type Job } from "~/jobs/queue.server";
import { parseShopifyJson, toE164 } from "./shopify-payloads";

export const SYNC_SMS_CONSENT_JOB = "sync-sms-consent-to-shopify";

/** The part of shopify-app-remix's admin context this module needs: `admin.graphql`. */
export interface ShopifyAdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

// The webhook's body. States arrive in lower case: subscribed, not_subscribed, unsubscribed,
// pending, redacted. Only subscribed and unsubscribed are consent changes; pending waits for
// the shopper's confirmation, and redacted data is handled by customers/redact.
const ConsentWebhook = z.object({
  id: z.union([z.string().regex(/^\d+$/), z.number().int().positive().safe()]).transform(String),
  phone: z.string().nullish(),
  sms_marketing_consent: z
    .object({
      state: z.string().nullish(),
      opt_in_level: z.string().nullish(),
      consent_updated_at: z.string().nullish(),
      consent_collected_from: z.string().nullish(),
    })
    .nullish(),
});
type ConsentWebhook = z.infer<typeof ConsentWebhook>;

const GRANTED_BY_STATE: Record<string, boolean> = { subscribed: true, unsubscribed: false };

export type ShopifyConsentIngestion =
  | { outcome: "recorded"; event: ConsentEvent; contact: Contact; state: ConsentState }
  /** Nothing to record: the contact already stands there, or the change is not a consent change. */
  | { outcome: "unchanged"; reason: string; contactId: string }
  /** Nothing to act on: a malformed body, an unknown shop, no usable phone. Never names the phone. */
  | { outcome: "ignored"; reason: string };

/**
 * Records a customers_marketing_consent/update as a "shopify_sync" consent event. `payload` is
 * the raw body (preferred: Shopify's ids are 64-bit and JSON.parse rounds those past 2^53) or
 * the parsed one. Runs in the caller's transaction when `ctx.db` is one (webhook work), else in
 * a transaction of its own.
 */
export async function ingestShopifySmsConsent(
  ctx: AppContext,
  input: { shopDomain: string; payload: unknown },
): Promise<ShopifyConsentIngestion> {
  const parsed = parseConsentWebhook(input.payload);
  if (!parsed.success) return { outcome: "ignored", reason: parsed.reason };
  const body = parsed.data;
  const phone = toE164(body.phone);
  if (!phone) return { outcome: "ignored", reason: `Shopify customer ${body.id} has no valid phone number` };

  return inTransaction(ctx, async (txCtx) => {
    const { db } = txCtx;
    const shop = await db.shop.findUnique({ where: { domain: input.shopDomain }, select: { id: true } });
    if (!shop) return { outcome: "ignored", reason: `no shop ${input.shopDomain}` };
    const now = txCtx.clock.now();
    // The write takes the contact's row lock first (PostgreSQL), so two deliveries about one
    // shopper are decided one after the other.
    const contact = await db.contact.upsert({
      where: { shopId_phone: { shopId: shop.id, phone } },
      create: { shopId: shop.id, phone, shopifyCustomerId: body.id, createdAt: now, updatedAt: now },
      update: { shopifyCustomerId: body.id, updatedAt: now },
    });
    const consent = body.sms_marketing_consent;
    const state = consent?.state?.toLowerCase() ?? "";
    const granted = GRANTED_BY_STATE[state];
    if (granted === undefined) {
      return { outcome: "unchanged", reason: `Shopify state "${state || "none"}" is not a consent change`, contactId: contact.id };
    }
    if (contact.marketingConsent === granted) {
      return { outcome: "unchanged", reason: `marketing consent is already ${granted ? "granted" : "withdrawn"}`, contactId: contact.id };
    }
    if (await isOlderThanLedger(db, contact.id, consent?.consent_updated_at)) {
      return { outcome: "unchanged", reason: "Shopify reports a change older than the ledger's latest event", contactId: contact.id };
    }
    const recorded = await recordConsentEvent(
      txCtx,
      {
        shopId: shop.id,
        contactId: contact.id,
        phone,
        scope: "marketing",
        granted,
        source: "shopify_sync",
        text: describeShopifyChange(body),
        evidence: `shopify customer ${body.id}`,
      },
      db,
    );
    return { outcome: "recorded", ...recorded };
  });
}

/**
 * Queues the write-back of a consent event to Shopify, in the caller's transaction (`ctx.db`),
 * once per event. Contacts without a known Shopify customer are left alone: returns null.
 */
export async function queueShopifyConsentWriteBack(
  ctx: AppContext,
  input: { shopId: string; contactId: string; granted: boolean; consentEventId: string },
): Promise<Job | null> {
  const contact = await ctx.db.contact.findFirst({
    where: { id: input.contactId, shopId: input.shopId },
    select: { shopifyCustomerId: true },
  });
  if (!contact?.shopifyCustomerId) return null;
  return enqueueJob(ctx, {
    kind: SYNC_SMS_CONSENT_JOB,
    payload: input,
    shopId: input.shopId,
    dedupeKey: `${SYNC_SMS_CONSENT_JOB}:${input.consentEventId}`,
  });
}

const UPDATE_SMS_CONSENT = `#graphql
  mutation WriteBackSmsConsent($input: CustomerSmsMarketingConsentUpdateInput!) {
    customerSmsMarketingConsentUpdate(input: $input) {
      customer { id smsMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt } }
      userErrors { field message }
    }
  }`;

interface UpdateSmsConsentResult {
  data?: {
    customerSmsMarketingConsentUpdate?: {
      customer: { id: string; smsMarketingConsent: { marketingState: string; marketingOptInLevel: string | null; consentUpdatedAt: string | null } | null } | null;
      userErrors: { field: string[] | null; message: string }[];
    } | null;
  };
  errors?: unknown;
}

/**
 * Sets a customer's SMS marketing state in Shopify: SUBSCRIBED (a keyword opt-in with a
 * confirmation: single opt-in) or UNSUBSCRIBED, as of `at`. Shopify's refusal (userErrors) is a
 * PermanentJobError, since sending it again changes nothing; a transport failure or a GraphQL
 * error stays a plain error so the job retries.
 */
export async function writeSmsConsentToShopify(
  admin: ShopifyAdminGraphql,
  { customerGid, granted, at }: { customerGid: string; granted: boolean; at: Date },
) {
  const response = await admin.graphql(UPDATE_SMS_CONSENT, {
    variables: {
      input: {
        customerId: customerGid,
        smsMarketingConsent: {
          marketingState: granted ? "SUBSCRIBED" : "UNSUBSCRIBED",
          ...(granted && { marketingOptInLevel: "SINGLE_OPT_IN" }),
          consentUpdatedAt: shopifyDateTime(at),
        },
      },
    },
  });
  if (!response.ok) throw new Error(`Shopify answered HTTP ${response.status} to customerSmsMarketingConsentUpdate`);
  const body = (await response.json()) as UpdateSmsConsentResult;
  if (body.errors) throw new Error(`customerSmsMarketingConsentUpdate failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const result = body.data?.customerSmsMarketingConsentUpdate;
  if (!result) throw new Error("customerSmsMarketingConsentUpdate returned no result");
  if (result.userErrors.length > 0) {
    const errors = result.userErrors.map((e) => `${e.field?.join(".") ?? "input"}: ${e.message}`).join("; ");
    throw new PermanentJobError(`Shopify refused the SMS consent of ${customerGid}: ${errors}`);
  }
  return result.customer?.smsMarketingConsent ?? null;
}

export const shopifyCustomerGid = (customerId: string) => `gid://shopify/Customer/${customerId}`;

/** Shopify's DateTime form, to the second: 2026-03-02T15:00:00Z. */
function shopifyDateTime(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function parseConsentWebhook(payload: unknown): { success: true; data: ConsentWebhook } | { success: false; reason: string } {
  let body = payload;
  if (typeof payload === "string") {
    try {
      body = parseShopifyJson(payload);
    } catch {
      return { success: false, reason: "the body is not JSON" };
    }
  }
  const parsed = ConsentWebhook.safeParse(body);
  if (parsed.success) return { success: true, data: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
  return { success: false, reason: `not a customers_marketing_consent/update body (${fields.join(", ")})` };
}

function describeShopifyChange(body: ConsentWebhook) {
  const consent = body.sms_marketing_consent;
  return [
    `Shopify customer ${body.id}: SMS marketing ${consent?.state ?? "unknown"}`,
    `opt-in level ${consent?.opt_in_level ?? "none"}`,
    `collected from ${consent?.consent_collected_from ?? "unknown"}`,
    `updated ${consent?.consent_updated_at ?? "at an unknown time"}`,
  ].join(", ");
}

// A change Shopify reports as made before one the ledger already holds for marketing (a
// marketing grant or revoke, or any opt-out) is stale: the later one stands. Shopify's times
// are to the second, so an event in the reported second is not "later" (it is what was echoed).
async function isOlderThanLedger(db: Db, contactId: string, consentUpdatedAt: string | null | undefined) {
  const reported = consentUpdatedAt ? new Date(consentUpdatedAt) : null;
  if (!reported || Number.isNaN(reported.getTime())) return false;
  const nextSecond = new Date(Math.floor(reported.getTime() / 1000) * 1000 + 1000);
  const later = await db.consentEvent.findFirst({
    where: { contactId, occurredAt: { gte: nextSecond }, OR: [{ scope: "marketing" }, { granted: false }] },
    select: { id: true },
  });
  return later !== null;
}
