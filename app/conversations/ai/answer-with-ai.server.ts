// AI answers, when the merchant has switched them on and saved a key: the chat model picks one of
// the shop's enabled entries for a text nothing else answered and words the answer from it. The
// answer is sent only if every fact in it is the entry's (or the shopper's own order's, when the
// model says it used the order): see traceability.ts. An answer that states anything else is
// held back and the thread goes to a person; a model that picks no entry, or does not answer in
// time, leaves the text to the ordinary hand-off.
//
// The answer carries no `understanding`: the model gives no calibrated confidence, and a number
// made up here would look like the classifier's.
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

export async function answerWithAi(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  const { shop, settings } = input;
  const sealedKey = shop.chatApiKeyEncrypted;
  if (!settings.ai.enabled || !sealedKey) return null;
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
    content = await askChatModel({ ...settings.ai, apiKey: await unsealChatApiKey(sealedKey) }, { message: input.text, entries, order });
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
  return { answeredBy: "AI", reply: choice.answer, needsPerson: false };
}

function orderFactValues(order: OrderFacts): string[] {
  return Object.values(order).filter((value): value is string => Boolean(value));
}

// AnswerInput carries no secrets, so the key that seals shops' secrets is read where the process
// keeps it; imported here, when first needed, because services.server opens the database.
async function unsealChatApiKey(sealed: string): Promise<string> {
  const { env } = await import("~/services.server");
  return decryptSecret(sealed, env.TEXTBACK_ENCRYPTION_KEY);
}
