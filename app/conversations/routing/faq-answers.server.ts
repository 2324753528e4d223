// Free text answered from the merchant's knowledge base (FaqEntry rows) when the matcher is
// confident. An entry about order status answers with the shopper's own order instead of its
// fixed text: the live answer is what the fixed one would send them to get.
import type { AppContext } from "~/context.server";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import { indexFaq, matchFaq } from "./faq-matcher";
import type { Answer } from "./answer";
import { orderStatusAnswer } from "./merchant-keywords.server";

export const ORDER_STATUS_TOPIC = "order_status";

export async function answerFromFaq(ctx: AppContext, input: { shop: Shop; contact: Contact; text: string }): Promise<Answer | null> {
  const entries = await ctx.db.faqEntry.findMany({ where: { shopId: input.shop.id, enabled: true } });
  const match = matchFaq(indexFaq(entries), input.text);
  if (!match) return null;
  if (match.entry.topic === ORDER_STATUS_TOPIC) {
    const order = await orderStatusAnswer(ctx, input.shop, input.contact);
    return { answeredBy: "FAQ", ...order, ...(order.needsPerson && { handoffReason: "order_not_found" }) };
  }
  return { answeredBy: "FAQ", reply: match.entry.answer, needsPerson: false };
}
