// The merchant's own answers: FAQ entries the classifier answers from, and keywords with fixed
// answers. A keyword may not take a word that compliance (STOP, HELP, START, the shop's opt-in
// keywords) or a built-in (STATUS, RETURN) already answers.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { classifyInboundText } from "~/compliance/keywords";
import { isIntent, OWN_PHRASINGS } from "~/conversations/understanding/intents";
import { keywordOf } from "./merchant-keywords.server";

export const FaqEntryInput = z.object({
  question: z.string().trim().min(5, "Write the question as a shopper would ask it").max(300),
  answer: z.string().trim().min(1, "Write the answer").max(480),
  topic: z
    .string()
    .trim()
    .optional()
    .refine((t) => !t || t === OWN_PHRASINGS || isIntent(t), "Pick an intent or its own phrasings"),
});

const BUILT_IN_KEYWORDS = ["STATUS", "RETURN", "RETURNS"];

export function keywordRuleInput(optInKeywords: string) {
  const optIns = optInKeywords.split(",").map((k) => k.trim()).filter(Boolean);
  return z.object({
    keyword: z
      .string()
      .transform(keywordOf)
      .refine((k) => /^[A-Z0-9]{2,20}$/.test(k), "One word of 2–20 letters or digits")
      .refine((k) => !BUILT_IN_KEYWORDS.includes(k), "STATUS and RETURN are built in")
      .refine(
        (k) => [false, true].every((optedOut) => !classifyInboundText(k, { optInKeywords: optIns, optedOut }).intent),
        "Reserved for opt-out, opt-in and help",
      ),
    answer: z.string().trim().min(1, "Write the answer").max(480),
  });
}

export function addFaqEntry(ctx: AppContext, shopId: string, entry: z.output<typeof FaqEntryInput>) {
  return ctx.db.faqEntry.create({ data: { shopId, question: entry.question, answer: entry.answer, topic: entry.topic || null } });
}

/** Upserts by keyword: saving a keyword again replaces its answer. */
export function saveKeywordRule(ctx: AppContext, shopId: string, rule: { keyword: string; answer: string }) {
  return ctx.db.keywordRule.upsert({
    where: { shopId_keyword: { shopId, keyword: rule.keyword } },
    create: { shopId, keyword: rule.keyword, answer: rule.answer },
    update: { answer: rule.answer, enabled: true, kind: "custom" },
  });
}

export async function removeFaqEntry(ctx: AppContext, shopId: string, id: string) {
  return (await ctx.db.faqEntry.deleteMany({ where: { id, shopId } })).count;
}

export async function removeKeywordRule(ctx: AppContext, shopId: string, id: string) {
  return (await ctx.db.keywordRule.deleteMany({ where: { id, shopId } })).count;
}
