// sync-sms-consent-to-shopify: tell Shopify where the contact's SMS marketing consent stands.
// It writes the state the ledger adds up to when the job runs, not the one in its payload: two
// events close together (STOP, then START) queue two jobs that may run in any order, and both
// must leave Shopify at the later one. Writing the same state twice is harmless, so the job is
// safe to run again.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { consentHistory, deriveConsentState } from "~/compliance/consent-ledger.server";
import {
  shopifyCustomerGid,
  SYNC_SMS_CONSENT_JOB,
  writeSmsConsentToShopify,
} from "~/commerce/shopify-sms-consent.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";
import { PermanentJobError } from "./queue.server";

const Payload = z.object({
  shopId: z.string(),
  contactId: z.string(),
  /** What the triggering event said; informational, the job re-reads the ledger. */
  granted: z.boolean(),
  consentEventId: z.string(),
});

export function syncSmsConsentJob(deps: Pick<MessagingDeps, "shopifyAdmin">) {
  return defineJob({
    kind: SYNC_SMS_CONSENT_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => syncSmsConsent(ctx, payload, deps),
  });
}

async function syncSmsConsent(ctx: AppContext, { shopId, contactId }: z.infer<typeof Payload>, deps: Pick<MessagingDeps, "shopifyAdmin">) {
  const shop = await ctx.db.shop.findUnique({ where: { id: shopId }, select: { domain: true, uninstalledAt: true } });
  // An uninstalled shop has no token to write with; a redacted contact has nothing to write.
  if (!shop || shop.uninstalledAt) return;
  const contact = await ctx.db.contact.findFirst({ where: { id: contactId, shopId }, select: { shopifyCustomerId: true } });
  if (!contact?.shopifyCustomerId) return;
  if (!deps.shopifyAdmin) throw new PermanentJobError("No Shopify Admin client is configured (MessagingDeps.shopifyAdmin)");

  const ledger = await consentHistory(ctx, { shopId, contactId });
  const latest = ledger.at(-1);
  if (!latest) return;
  const { marketingConsent } = deriveConsentState(ledger);
  const admin = await deps.shopifyAdmin(shop.domain);
  await writeSmsConsentToShopify(admin, {
    customerGid: shopifyCustomerGid(contact.shopifyCustomerId),
    granted: marketingConsent,
    at: latest.occurredAt,
  });
}
