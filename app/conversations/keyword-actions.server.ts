// What STOP, START, HELP and JOIN do. Each runs inside the inbound delivery's transaction.
import type { AppContext } from "~/context.server";
import type { Contact, Shop } from "../../prisma/generated/sqlite/index.js";
import { consentHistory, deriveConsentState, recordConsentEvent, type ConsentEventInput } from "~/compliance/consent-ledger.server";
import { intakeOptOutFor, keywordEvidence } from "~/compliance/intake-opt-outs.server";
import { queueShopifyConsentWriteBack } from "~/commerce/shopify-sms-consent.server";
import { liftSuppression } from "~/compliance/suppression.server";
import {
  helpReply,
  keywordOptInConfirmation,
  optBackInConfirmation,
  optOutConfirmation,
} from "~/compliance/keyword-replies";
import { cancelPendingTexts, requestText } from "~/messaging/outbound.server";
import { stopRecoveryForContact } from "~/flows/cart-recovery/schedule.server";
import { stopWelcome } from "~/flows/welcome/welcome-schedule.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import type { InboundText } from "./receive-text.server";

type KeywordIntent = "opt_out" | "opt_in" | "help" | "keyword_opt_in";

interface KeywordContext {
  shop: Shop;
  contact: Contact;
  intent: KeywordIntent;
  inbound: InboundText;
  currentState: string;
  /** Opted out or suppressed when the text arrived. */
  optedOut: boolean;
}

export async function applyKeyword(ctx: AppContext, k: KeywordContext, deps: MessagingDeps): Promise<string> {
  switch (k.intent) {
    case "opt_out":
      return optOut(ctx, k, deps);
    case "opt_in":
      return optBackIn(ctx, k, deps);
    case "keyword_opt_in":
      return keywordOptIn(ctx, k, deps);
    case "help":
      // Answered whatever the shopper's state, as carriers require of HELP.
      await reply(ctx, k, helpReply(k.shop), deps, k.optedOut ? "opt_out_reply" : "compliance");
      return k.currentState === "opted_out" ? "opted_out" : "open";
  }
}

function consent(k: KeywordContext, scope: "marketing" | "transactional", granted: boolean) {
  return {
    shopId: k.shop.id,
    contactId: k.contact.id,
    phone: k.contact.phone,
    scope,
    granted,
    source: "keyword" as const,
    text: k.inbound.text,
    evidence: keywordEvidence(k.inbound.providerMessageId),
    at: k.inbound.receivedAt ?? undefined,
  };
}

// The event, and its write-back to Shopify where the customer is known, commit together.
async function recordConsent(ctx: AppContext, k: KeywordContext, input: ConsentEventInput) {
  const { event } = await recordConsentEvent(ctx, input);
  await queueShopifyConsentWriteBack(ctx, { shopId: k.shop.id, contactId: k.contact.id, granted: event.granted, consentEventId: event.id });
}

function reply(ctx: AppContext, k: KeywordContext, body: string, deps: MessagingDeps, purpose: "compliance" | "opt_out_reply" = "compliance") {
  return requestText(ctx, { shopId: k.shop.id, to: k.contact.phone, body, purpose }, deps.secrets);
}

// The revocation itself was recorded at intake, before Telnyx got its 200 (when the shop was
// known then). Here everything still waiting to go to this phone is cancelled (the gate refuses
// it meanwhile), and one confirmation is sent — unless Telnyx already sent its own, or the
// shopper had already opted out (a second STOP gets silence, not another text).
async function optOut(ctx: AppContext, k: KeywordContext, deps: MessagingDeps) {
  const atIntake = await intakeOptOutFor(ctx, k.contact.id, k.inbound.providerMessageId);
  const alreadyOut = atIntake ? await optedOutBefore(ctx, k, atIntake) : Boolean(k.contact.optedOutAt);
  if (atIntake) {
    await queueShopifyConsentWriteBack(ctx, { shopId: k.shop.id, contactId: k.contact.id, granted: false, consentEventId: atIntake.id });
  } else {
    await recordConsent(ctx, k, consent(k, "marketing", false));
  }
  await cancelPendingTexts(ctx, { contactId: k.contact.id, purpose: { not: "opt_out_reply" } }, "opted_out");
  await stopRecoveryForContact(ctx, k.contact.id, "opted_out");
  await stopWelcome(ctx, k.contact.id, "opted_out");
  if (!alreadyOut && !k.inbound.telnyxAutoresponse) await reply(ctx, k, optOutConfirmation(k.shop), deps, "opt_out_reply");
  return "opted_out";
}

async function optedOutBefore(ctx: AppContext, k: KeywordContext, event: { id: string }) {
  const history = await consentHistory(ctx, { shopId: k.shop.id, contactId: k.contact.id });
  return deriveConsentState(history.slice(0, history.findIndex((e) => e.id === event.id))).optedOutAt !== null;
}

// START restores what the shopper had before STOP: the scopes granted before the opt-out.
async function optBackIn(ctx: AppContext, k: KeywordContext, deps: MessagingDeps) {
  const hadMarketing = await ctx.db.consentEvent.findFirst({
    where: { contactId: k.contact.id, scope: "marketing", granted: true },
    select: { id: true },
  });
  // Coming back is not a new subscriber: no welcome series.
  await recordConsent(ctx, k, { ...consent(k, hadMarketing ? "marketing" : "transactional", true), welcome: false });
  await liftSuppression(ctx, { shopId: k.shop.id, phone: k.contact.phone, hashKey: deps.secrets.suppressionHashKey });
  if (!k.inbound.telnyxAutoresponse) await reply(ctx, k, optBackInConfirmation(k.shop), deps);
  return "open";
}

async function keywordOptIn(ctx: AppContext, k: KeywordContext, deps: MessagingDeps) {
  const confirmation = keywordOptInConfirmation(k.shop);
  await recordConsent(ctx, k, { ...consent(k, "marketing", true), text: `${k.inbound.text} → ${confirmation}` });
  await liftSuppression(ctx, { shopId: k.shop.id, phone: k.contact.phone, hashKey: deps.secrets.suppressionHashKey });
  await reply(ctx, k, confirmation, deps);
  return "open";
}
