// Free text answered from the merchant's knowledge base (FaqEntry rows) when the classifier is
// at least as sure as the merchant's precision target; a text read as asking for a person or
// complaining goes to one. The order-status entry answers with the shopper's own order.
import type { AppContext } from "~/context.server";
import { decideFaqAnswer } from "~/conversations/understanding/faq-understanding";
import { handOff, type Answer } from "./answer";
import type { AnswerInput } from "./choose-answer.server";
import { orderStatusAnswer } from "./merchant-keywords.server";

export const ORDER_STATUS_TOPIC = "order_status";

export async function answerFromFaq(ctx: AppContext, input: AnswerInput): Promise<Answer | null> {
  const entries = await ctx.db.faqEntry.findMany({ where: { shopId: input.shop.id, enabled: true }, orderBy: { createdAt: "asc" } });
  const decision = decideFaqAnswer(entries, input.text, input.settings.precisionTarget);
  if (!decision) return null;
  const { understanding } = decision;
  if (decision.kind === "hand off") return handOff(decision.reason, { understanding });
  if (decision.entry.topic === ORDER_STATUS_TOPIC) {
    const result = await orderStatusAnswer(ctx, input.shop, input.contact);
    return { answeredBy: "FAQ", understanding, ...result };
  }
  return { answeredBy: "FAQ", reply: decision.entry.answer, needsPerson: false, understanding };
}
