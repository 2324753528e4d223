// A whole-message keyword the merchant answers: the built-in STATUS (the shopper's latest
// order) and RETURN (the returns link), and the merchant's own keywords with fixed answers.
// A KeywordRule of kind "status" or "return" that is disabled switches a built-in off.
import type { AppContext } from "~/context.server";
import type { Contact, Shop } from "../../../prisma/generated/sqlite/index.js";
import { describeLatestOrder } from "~/flows/shipping/order-status.server";
import type { HandoffReason } from "./answer";
import type { AutomationSettings } from "./automation-settings";
import { askForOrderNumber } from "./pending-question";

export interface AutomaticAnswer {
  reply: string;
  needsPerson: boolean;
}

const BUILT_IN: Record<string, "status" | "return"> = { STATUS: "status", RETURN: "return", RETURNS: "return" };

export function keywordOf(text: string): string {
  return text
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
}

export async function answerKeyword(
  ctx: AppContext,
  input: { shop: Shop; contact: Contact; text: string; settings: AutomationSettings },
): Promise<OrderStatusAnswer | null> {
  const keyword = keywordOf(input.text);
  if (!keyword) return null;
  const rules = await ctx.db.keywordRule.findMany({ where: { shopId: input.shop.id } });
  const rule = rules.find((r) => keywordOf(r.keyword) === keyword);
  if (rule?.kind === "custom") return rule.enabled ? { reply: rule.answer, needsPerson: false } : null;
  const builtIn = BUILT_IN[keyword];
  const switchedOff = rules.some((r) => r.kind === builtIn && !r.enabled);
  if (!builtIn || switchedOff) return null;
  if (builtIn === "status" && input.settings.statusKeyword) return orderStatusAnswer(ctx, input.shop, input.contact);
  if (builtIn === "return" && input.settings.returnKeyword) return returnsAnswer(input.shop);
  return null;
}

export interface OrderStatusAnswer extends AutomaticAnswer {
  /** Set when the reply asks for the order number: the next text may be just that number. */
  pendingQuestion?: string;
  handoffReason?: HandoffReason;
}

export async function orderStatusAnswer(ctx: AppContext, shop: Shop, contact: Contact): Promise<OrderStatusAnswer> {
  const { found, reply } = await describeLatestOrder(ctx, shop, contact);
  if (found) return { reply, needsPerson: false };
  // The reply asks for the order number, and a number sent back is answered automatically.
  // The thread still needs a person meanwhile: nothing reminds a shopper who never replies, so
  // only a person keeps the question from being forgotten. Once the number is answered, that
  // person sees a finished exchange and closes it.
  return { reply, needsPerson: true, handoffReason: "order_not_found", pendingQuestion: askForOrderNumber(ctx.clock.now()) };
}

function returnsAnswer(shop: Shop): AutomaticAnswer {
  if (shop.returnsUrl) return { reply: `You can start a return here: ${shop.returnsUrl}`, needsPerson: false };
  return {
    reply: "Reply with your order number and the item you'd like to return, and a member of our team will help you.",
    needsPerson: true,
  };
}
