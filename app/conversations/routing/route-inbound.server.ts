// Everything a shopper texts that is not a compliance keyword: automation answers what it can
// (chooseAnswer), queues what must finish outside this transaction, and otherwise hands the
// thread to a person. A thread a person has taken over gets no automation until it is closed.
// Runs in the inbound delivery's transaction.
import type { AppContext } from "~/context.server";
import type { Contact, Conversation, Shop } from "../../../prisma/generated/sqlite/index.js";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings, DEFAULT_AWAY_MESSAGE } from "./automation-settings";
import { isWithinBusinessHours } from "./business-hours";
import { enqueueJob, JOB_PRIORITY } from "~/jobs/queue.server";
import type { HandoffReason } from "./answer";
import { chooseAnswer } from "./choose-answer.server";

export const AUTO_ACK_INTERVAL_MS = 60 * 60_000;

export interface RoutedText {
  shop: Shop;
  contact: Contact;
  /** The thread as it was before this text arrived. */
  conversation: Conversation;
  text: string;
  /** Opted out or suppressed: the text is kept for a person, nothing is sent. */
  optedOut: boolean;
  /** The stored inbound text, for work that finishes the answer later. */
  inboundMessageId?: string;
}

export type ConversationUpdate = Partial<
  Pick<Conversation, "state" | "pendingQuestion" | "lastAutoAckAt" | "takenOverAt" | "assignedTo" | "handoffReason">
>;

export async function routeInboundText(ctx: AppContext, input: RoutedText, deps: MessagingDeps): Promise<ConversationUpdate> {
  const { conversation } = input;
  const reopened: ConversationUpdate = conversation.state === "closed" ? { takenOverAt: null, assignedTo: null, handoffReason: null } : {};
  if (input.optedOut || (conversation.takenOverAt && conversation.state !== "closed")) return { ...reopened, state: "needs_reply" };

  const settings = readSettingsSection(input.shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  const answer = await chooseAnswer(ctx, { ...input, settings });
  if (answer.followUp) {
    const { job, payload } = answer.followUp;
    await enqueueJob(ctx, { kind: job, shopId: input.shop.id, payload, priority: JOB_PRIORITY.conversation });
  }
  if (answer.tags) await tagContact(ctx, input.contact, answer.tags);
  const update: ConversationUpdate = { ...reopened, ...(answer.pendingQuestion !== undefined && { pendingQuestion: answer.pendingQuestion }) };
  if (!answer.needsPerson) {
    if (answer.reply) await reply(ctx, input, answer.reply, deps);
    // An earlier text may still be waiting for a person, unless all it waited for was this answer.
    const waiting = conversation.state === "needs_reply" && !(answer.pendingQuestion === null && settledByAnswer(conversation.handoffReason));
    return waiting ? { ...update, state: "needs_reply" } : { ...update, state: "open", handoffReason: null };
  }
  if (answer.reply) {
    // The answer itself says a person will follow up: it is this hour's acknowledgement.
    await reply(ctx, input, answer.reply, deps);
    return { ...update, state: "needs_reply", handoffReason: answer.handoffReason ?? "unclear", lastAutoAckAt: ctx.clock.now() };
  }
  return { ...update, ...(await handOffThread(ctx, input, answer.handoffReason ?? "unclear", deps)) };
}

/**
 * The thread needs a person, marked with why; the shopper hears so (the acknowledgement, or the
 * away message outside business hours) at most once an hour, and not when a cart recovery step
 * is about to answer them.
 */
export async function handOffThread(
  ctx: AppContext,
  input: Pick<RoutedText, "shop" | "contact" | "conversation">,
  reason: HandoffReason,
  deps: MessagingDeps,
): Promise<ConversationUpdate> {
  const handedOff: ConversationUpdate = { state: "needs_reply", handoffReason: reason };
  const now = ctx.clock.now();
  const { lastAutoAckAt } = input.conversation;
  const acknowledged = lastAutoAckAt && now.getTime() - lastAutoAckAt.getTime() < AUTO_ACK_INTERVAL_MS;
  if (acknowledged || (await recoveryStepPending(ctx, input))) return handedOff;
  const settings = readSettingsSection(input.shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  await reply(ctx, input, handOffMessage(input.shop, settings, now), deps);
  return { ...handedOff, lastAutoAckAt: now };
}

/** A hand-off automation made only until the shopper answered its question (the order number it asked for). */
export const settledByAnswer = (reason: string | null) => reason === "order_not_found";

// A reply to a cart recovery text is what its next step waits for: that step is the automatic
// answer, and an acknowledgement on top would be a second text about one cart.
async function recoveryStepPending(ctx: AppContext, input: Pick<RoutedText, "shop" | "contact">) {
  const running = await ctx.db.checkout.findFirst({
    where: { shopId: input.shop.id, contactId: input.contact.id, recoveryStatus: "texting" },
    select: { id: true },
  });
  return Boolean(running);
}

export function handOffMessage(shop: Shop, settings: AutomationSettings, now: Date) {
  if (isWithinBusinessHours(shop.businessHours, shop.ianaTimezone, now)) return settings.acknowledgement;
  return shop.awayMessage?.trim() || DEFAULT_AWAY_MESSAGE;
}

async function tagContact(ctx: AppContext, contact: Contact, tags: string[]) {
  for (const tag of tags) {
    await ctx.db.contactTag.upsert({
      where: { contactId_tag: { contactId: contact.id, tag } },
      create: { shopId: contact.shopId, contactId: contact.id, tag },
      update: {},
    });
  }
}

function reply(ctx: AppContext, input: Pick<RoutedText, "shop" | "contact">, body: string, deps: MessagingDeps) {
  return requestText(ctx, { shopId: input.shop.id, to: input.contact.phone, body, purpose: "conversational" }, deps.secrets);
}
