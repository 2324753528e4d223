// A shopper's text: stored in their thread, and a compliance keyword acted on (anything else
// routed to automation or a person), in the ingest job's transaction. A STOP's revocation is
// already in the ledger by then: the intake records it before Telnyx gets its 200.
import type { AppContext } from "~/context.server";
import { classifyInboundText, isYesReply } from "~/compliance/keywords";
import { confirmSignUp } from "~/flows/sign-up/sign-up-confirmation.server";
import { isPhoneSuppressed } from "~/compliance/suppression.server";
import { intakeOptOutFor } from "~/compliance/intake-opt-outs.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { openConversationFor } from "./threads.server";
import { noteReply } from "~/marketing/contact-activity.server";
import { campaignRepliedTo } from "~/marketing/campaign-replies.server";
import { findOrCreateContact } from "./contacts.server";
import { applyKeyword } from "./keyword-actions.server";
import { routeInboundText, type ConversationUpdate } from "./routing/route-inbound.server";

export interface InboundText {
  providerMessageId: string;
  from: string;
  to: string;
  text: string;
  mediaUrls: string[];
  /** Set when Telnyx itself answered the keyword (its default STOP/START handling). */
  telnyxAutoresponse: string | null;
  /** When Telnyx received it; null for the app's clock. */
  receivedAt: Date | null;
}

export async function receiveInboundText(ctx: AppContext, inbound: InboundText, deps: MessagingDeps) {
  const { db } = ctx;
  const now = ctx.clock.now();
  const shop = await db.shop.findFirst({ where: { sendingNumber: inbound.to, uninstalledAt: null } });
  if (!shop) return { stored: false as const };
  const contact = await findOrCreateContact(ctx, shop.id, inbound.from);
  await noteReply(ctx, contact.id, now);
  const conversation = await openConversationFor(ctx, { shopId: shop.id, contactId: contact.id, at: now });
  const message = await db.message.create({
    data: {
      shopId: shop.id,
      contactId: contact.id,
      conversationId: conversation.id,
      direction: "inbound",
      body: inbound.text,
      mediaUrls: JSON.stringify(inbound.mediaUrls),
      fromNumber: inbound.from,
      toNumber: inbound.to,
      status: "received",
      providerMessageId: inbound.providerMessageId,
      campaignId: await campaignRepliedTo(ctx, contact.id, now),
      occurredAt: now,
    },
  });
  const suppressed = await isPhoneSuppressed(ctx, {
    shopId: shop.id,
    phone: inbound.from,
    hashKey: deps.secrets.suppressionHashKey,
  });
  const optedOut = Boolean(contact.optedOutAt) || suppressed;
  // The intake's verdict stands: it recorded the opt-out before Telnyx got its 200.
  const keyword = (await intakeOptOutFor(ctx, contact.id, inbound.providerMessageId))
    ? { intent: "opt_out" as const }
    : classifyInboundText(inbound.text, { optInKeywords: shop.optInKeywords.split(",").map((k) => k.trim()).filter(Boolean), optedOut });
  // A Y confirms a pending storefront sign-up; after an opt-out, YES is the keyword above instead.
  const confirmedSignUp = !keyword.intent && !optedOut && isYesReply(inbound.text) && (await confirmSignUp(ctx, { shop, contact, inbound }, deps));
  const routed: ConversationUpdate = keyword.intent
    ? { state: await applyKeyword(ctx, { shop, contact, intent: keyword.intent, inbound, currentState: conversation.state, optedOut }, deps) }
    : confirmedSignUp
      ? { state: "open" }
      : await routeInboundText(ctx, { shop, contact, conversation, text: inbound.text, optedOut, inboundMessageId: message.id }, deps);
  await db.conversation.update({
    where: { id: conversation.id },
    data: {
      ...routed,
      unread: true,
      lastMessageAt: now,
      lastMessagePreview: inbound.text.slice(0, 160),
    },
  });
  return { stored: true as const, messageId: message.id, intent: keyword.intent };
}
