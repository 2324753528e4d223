// The shopper's Y to "Reply Y to get texts from <brand>…": the moment a storefront sign-up
// becomes consent. The ledger entry (source signup_form) keeps the form's disclosure word for
// word with the Y, and as evidence the sign-up, its page and time and the Y's provider id. The
// welcome series starts from that new marketing grant, as it does for JOIN; nothing here starts it.
// Runs inside the inbound text's transaction, like the keywords.
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { keywordOptInConfirmation } from "~/compliance/keyword-replies";
import { queueShopifyConsentWriteBack } from "~/commerce/shopify-sms-consent.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import type { InboundText } from "~/conversations/receive-text.server";
import { moveSignUp } from "./sign-up-status.server";

export const SIGN_UP_OPT_IN_CONFIRMATION_FLOW = "sign_up_opt_in_confirmation";

/**
 * Confirms the phone's latest pending sign-up that has not expired, with the Y just received.
 * False when there is none (an expired one confirms nothing): the Y is then an ordinary text.
 */
export async function confirmSignUp(
  ctx: AppContext,
  k: { shop: Shop; contact: Contact; inbound: InboundText },
  deps: Pick<MessagingDeps, "secrets">,
): Promise<boolean> {
  const now = ctx.clock.now();
  const signUp = await ctx.db.signUp.findFirst({
    where: { shopId: k.shop.id, phone: k.contact.phone, status: "pending", expiresAt: { gt: now } },
    orderBy: { requestedAt: "desc" },
  });
  if (!signUp || (await withdrawnSince(ctx, k.contact.id, signUp.requestedAt))) return false;
  if (!(await moveSignUp(ctx.db, { id: signUp.id, from: "pending", to: "confirmed", at: now }))) return false;
  const confirmation = keywordOptInConfirmation(k.shop);
  const { event } = await recordConsentEvent(ctx, {
    shopId: k.shop.id,
    contactId: k.contact.id,
    phone: k.contact.phone,
    scope: "marketing",
    granted: true,
    source: "signup_form",
    text: `${signUp.disclosure}\n→ ${k.inbound.text}`,
    evidence: {
      signUpId: signUp.id,
      pageUrl: signUp.pageUrl,
      placement: signUp.placement,
      requestedAt: signUp.requestedAt.toISOString(),
      replyProviderMessageId: k.inbound.providerMessageId,
    },
    at: k.inbound.receivedAt ?? undefined,
  });
  await queueShopifyConsentWriteBack(ctx, { shopId: k.shop.id, contactId: k.contact.id, granted: true, consentEventId: event.id });
  await requestText(ctx, { shopId: k.shop.id, to: k.contact.phone, body: confirmation, purpose: "compliance", flow: SIGN_UP_OPT_IN_CONFIRMATION_FLOW }, deps.secrets);
  return true;
}

// A STOP after the sign-up withdrew it: a Y after a START is not the answer to that form.
async function withdrawnSince({ db }: AppContext, contactId: string, since: Date): Promise<boolean> {
  return Boolean(await db.consentEvent.findFirst({ where: { contactId, granted: false, occurredAt: { gte: since } }, select: { id: true } }));
}
