// What the merchant edits about how FAQ entries are understood (on the Automation page): the
// intent an entry answers, the phrasings it brings, and the precision target; and, for each
// entry, which of its phrasings it would now answer, so a new phrasing shows its effect at once.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "~/conversations/routing/automation-settings";
import { readSettingsSection, writeSettingsSection } from "~/settings/shop-settings.server";
import type { FaqEntry, Shop } from "../../../prisma/generated/sqlite/index.js";
import { classOf, classifierFor, phrasingsOf, suggestedIntent } from "./faq-understanding";
import { isIntent, OWN_PHRASINGS, PRECISION_TARGETS } from "./intents";

export const EntryTopicInput = z.object({
  id: z.string().min(1),
  topic: z.string().refine((t) => t === OWN_PHRASINGS || isIntent(t), "Pick an intent or its own phrasings"),
});
export const PhrasingInput = z.object({
  id: z.string().min(1),
  phrasing: z.string().trim().min(2, "Write how a shopper would ask it").max(300),
});
export const PrecisionTargetInput = z.object({
  precisionTarget: z.coerce.number().refine((t) => (PRECISION_TARGETS as readonly number[]).includes(t), "Pick 90, 95 or 98 %"),
});

/**
 * The shop's entries as the page shows them. A phrasing is always answered as written; `learnt`
 * says whether the model itself reads it as its entry at the target, so that ways of asking
 * near it are answered too.
 */
export async function faqEntriesView(ctx: AppContext, shop: Shop) {
  const entries = await ctx.db.faqEntry.findMany({ where: { shopId: shop.id }, orderBy: { createdAt: "asc" } });
  const { precisionTarget } = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  const classifier = classifierFor(entries.filter((e) => e.enabled));
  return entries.map((entry) => ({
    id: entry.id,
    question: entry.question,
    answer: entry.answer,
    topic: entry.topic,
    suggestion: entry.topic ? null : suggestedIntent(entry.question),
    phrasings: phrasingsOf(entry).map((text) => {
      const reading = classifier.read(text);
      return { text, learnt: entry.enabled && reading.label === classOf(entry) && reading.confidence >= precisionTarget, confidence: reading.confidence };
    }),
  }));
}

export async function saveEntryTopic(ctx: AppContext, shopId: string, input: z.output<typeof EntryTopicInput>) {
  return (await ctx.db.faqEntry.updateMany({ where: { id: input.id, shopId }, data: { topic: input.topic } })).count;
}

export async function addPhrasing(ctx: AppContext, shopId: string, input: z.output<typeof PhrasingInput>) {
  return editPhrasings(ctx, shopId, input.id, (all) => (all.includes(input.phrasing) ? all : [...all, input.phrasing]));
}

export async function removePhrasing(ctx: AppContext, shopId: string, input: z.output<typeof PhrasingInput>) {
  return editPhrasings(ctx, shopId, input.id, (all) => all.filter((p) => p !== input.phrasing));
}

export async function savePrecisionTarget(ctx: AppContext, shop: Shop, precisionTarget: number) {
  const current = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  await writeSettingsSection(ctx, { shopId: shop.id, key: AUTOMATION_SETTINGS_KEY, schema: AutomationSettings, value: { ...current, precisionTarget } });
}

async function editPhrasings(ctx: AppContext, shopId: string, id: string, edit: (all: string[]) => string[]) {
  const entry: FaqEntry | null = await ctx.db.faqEntry.findFirst({ where: { id, shopId } });
  if (!entry) return 0;
  await ctx.db.faqEntry.update({ where: { id }, data: { phrasings: JSON.stringify(edit(phrasingsOf(entry))) } });
  return 1;
}
