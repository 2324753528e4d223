// AI answers, when the merchant has switched them on and saved a key: the chat model picks one of
// the shop's enabled entries for a text nothing else answered and words the answer from it. The
// answer is sent only if every fact in it is the entry's (or the shopper's own order's, when the
// model says it used the order): see traceability.ts. An answer that states anything else is
// held back and the thread goes to a person; a model that picks no entry, or does not answer in
// time, leaves the text to the ordinary hand-off.
//
// The answer names the entry the model chose but no confidence: the model gives no calibrated
// one, and a number made up here would look like the classifier's.
import type { AppContext } from "~/context.server";
import { logger } from "~/logger.server";
import { decryptSecret } from "~/messaging/secrets.server";
import { handOff, type Answer } from "../routing/answer";
import type { AnswerInput } from "../routing/choose-answer.server";
import { askChatModel, chatApiFailure } from "./chat-api.server";
import { readModelChoice, type OrderFacts } from "./chat-prompt";
import { latestOrderFacts } from "./order-facts.server";
import { untracedFacts } from "./traceability";

const log = logger.child({ component: "ai-answers" });

export const ANSWER_WITH_AI_JOB = "answer-with-ai";

/**
 * In the answer chain: when AI answers are on, the model is asked by a job, after the inbound
 * text's transaction (a call of up to seconds must not hold it, nor SQLite's write lock).
 */
export async function answerWithAiLater(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  if (!aiAnswersOn(input) || !input.inboundMessageId) return null;
  const entries = await ctx.db.faqEntry.count({ where: { shopId: input.shop.id, enabled: true } });
  if (entries === 0) return null;
  const payload = { shopId: input.shop.id, contactId: input.contact.id, messageId: input.inboundMessageId };
  return { answeredBy: "AI", reply: null, needsPerson: false, followUp: { job: ANSWER_WITH_AI_JOB, payload } };
}

export const aiAnswersOn = ({ shop, settings }: Pick<AnswerInput, "shop" | "settings">) => settings.ai.enabled && Boolean(shop.chatApiKeyEncrypted);

/** The model's answer to a text, if it can be traced to an entry; a hand-off if it cannot; null if the model chose none. */
export async function decideAiAnswer(ctx: AppContext, input: Omit<AnswerInput, "conversation">, encryptionKey: string): Promise<Answer | null> {
  const { shop, settings } = input;
  const sealedKey = shop.chatApiKeyEncrypted;
  if (!aiAnswersOn(input) || !sealedKey) return null;
  const entries = await ctx.db.faqEntry.findMany({
    where: { shopId: shop.id, enabled: true },
    select: { id: true, question: true, answer: true },
    orderBy: { createdAt: "asc" },
  });
  if (entries.length === 0) return null;
  const order = await latestOrderFacts(ctx, shop, input.contact);
  const outcome = (fields: Record<string, unknown>, line: string) => log.info({ shop: shop.domain, model: settings.ai.model, ...fields }, line);

  let content: string | null;
  try {
    content = await askChatModel({ ...settings.ai, apiKey: decryptSecret(sealedKey, encryptionKey) }, { message: input.text, entries, order });
  } catch (error) {
    outcome({ outcome: "failed", ...chatApiFailure(error) }, "AI answer unavailable; the text goes to the usual hand-off");
    return null;
  }
  const choice = readModelChoice(content);
  if (!choice?.entryId || !choice.answer) {
    outcome({ outcome: choice ? "no_entry" : "unreadable" }, "AI chose no entry");
    return null;
  }
  const entry = entries.find((e) => e.id === choice.entryId);
  const sources = entry ? [entry.question, entry.answer, ...(choice.usesOrderFacts && order ? orderFactValues(order) : [])] : [];
  const untraced = entry ? untracedFacts(choice.answer, sources) : [];
  if (!entry || untraced.length > 0) {
    // The kinds only: the facts themselves are the model's words, and could repeat the shopper's.
    const reason = entry ? { untracedKinds: [...new Set(untraced.map((f) => f.kind))] } : { unknownEntry: true };
    outcome({ outcome: "held_back", ...reason }, "AI answer held back: not traceable to the entry");
    return handOff("ai_untraceable");
  }
  outcome({ outcome: "answered", entryId: entry.id, usesOrderFacts: choice.usesOrderFacts }, "AI answered from an entry");
  return { answeredBy: "AI", reply: choice.answer, needsPerson: false, understanding: { intent: "ai", confidence: null, entry: { id: entry.id, question: entry.question } } };
}

function orderFactValues(order: OrderFacts): string[] {
  return Object.values(order).filter((value): value is string => Boolean(value));
}
