// Everything a shopper texts that is not a compliance keyword, in order: the answer to a
// question automation asked (a rating), a merchant keyword (STATUS, RETURN, custom), an FAQ
// answer the matcher is confident of, and otherwise a person: the thread needs a reply and the
// shopper hears so (the acknowledgement, or the away message outside business hours), at most
// once an hour, unless a cart recovery step is about to answer. A thread a person has taken over gets no automation until it is closed.
// Runs in the inbound delivery's transaction.
import type { AppContext } from "~/context.server";
import type { Contact, Conversation, Shop } from "../../../prisma/generated/sqlite/index.js";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { answerToRating, ratingIn } from "~/flows/shipping/order-rating.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings, DEFAULT_AWAY_MESSAGE } from "./automation-settings";
import { isWithinBusinessHours } from "./business-hours";
import { answerFromFaq } from "./faq-answers.server";
import { answerKeyword, type AutomaticAnswer } from "./merchant-keywords.server";
import { readPendingQuestion } from "./pending-question";

export const AUTO_ACK_INTERVAL_MS = 60 * 60_000;

export interface RoutedText {
  shop: Shop;
  contact: Contact;
  /** The thread as it was before this text arrived. */
  conversation: Conversation;
  text: string;
  /** Opted out or suppressed: the text is kept for a person, nothing is sent. */
  optedOut: boolean;
}

export type ConversationUpdate = Partial<Pick<Conversation, "state" | "pendingQuestion" | "lastAutoAckAt" | "takenOverAt" | "assignedTo">>;

export async function routeInboundText(ctx: AppContext, input: RoutedText, deps: MessagingDeps): Promise<ConversationUpdate> {
  const { conversation } = input;
  const reopened: ConversationUpdate = conversation.state === "closed" ? { takenOverAt: null, assignedTo: null } : {};
  if (input.optedOut || (conversation.takenOverAt && conversation.state !== "closed")) return { ...reopened, state: "needs_reply" };

  const settings = readSettingsSection(input.shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  const ratingAnswer = answerPendingRating(ctx, input);
  const answer =
    ratingAnswer ??
    (await answerKeyword(ctx, { ...input, settings })) ??
    (settings.faqAnswers ? await answerFromFaq(ctx, input) : null);
  const update: ConversationUpdate = { ...reopened, ...(ratingAnswer && { pendingQuestion: null }) };
  if (answer && !answer.needsPerson) {
    await reply(ctx, input, answer.reply, deps);
    // An earlier text may still be waiting for a person.
    return { ...update, state: conversation.state === "needs_reply" ? "needs_reply" : "open" };
  }
  const now = ctx.clock.now();
  const acknowledged = conversation.lastAutoAckAt && now.getTime() - conversation.lastAutoAckAt.getTime() < AUTO_ACK_INTERVAL_MS;
  if (answer) {
    // The answer itself says a person will follow up: it is this hour's acknowledgement.
    await reply(ctx, input, answer.reply, deps);
    return { ...update, state: "needs_reply", lastAutoAckAt: now };
  }
  if (acknowledged || (await recoveryStepPending(ctx, input))) return { ...update, state: "needs_reply" };
  await reply(ctx, input, handOffMessage(input.shop, settings, now), deps);
  return { ...update, state: "needs_reply", lastAutoAckAt: now };
}

function answerPendingRating(ctx: AppContext, input: RoutedText): AutomaticAnswer | null {
  const question = readPendingQuestion(input.conversation.pendingQuestion, ctx.clock.now());
  const rating = question ? ratingIn(input.text) : null;
  if (!question || rating === null) return null;
  return answerToRating(input.shop, input.contact, question, rating);
}

// A reply to a cart recovery text is what its next step waits for: that step is the automatic
// answer, and an acknowledgement on top would be a second text about one cart.
async function recoveryStepPending(ctx: AppContext, input: RoutedText) {
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

function reply(ctx: AppContext, input: RoutedText, body: string, deps: MessagingDeps) {
  return requestText(ctx, { shopId: input.shop.id, to: input.contact.phone, body, purpose: "conversational" }, deps.secrets);
}
