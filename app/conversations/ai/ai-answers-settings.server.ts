// Settings → AI answers: the switch, the chat API's base URL and model (in the automation
// settings' `ai` section) and its key, sealed like Telnyx's into Shop.chatApiKeyEncrypted. The
// key is write-only: the page learns whether one is saved, never the key or any part of it.
import { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";
import { encryptSecret } from "~/messaging/secrets.server";
import { readSettingsSection, writeSettingsSection } from "~/settings/shop-settings.server";
import type { Shop } from "../../../prisma/generated/sqlite/index.js";
import { AUTOMATION_SETTINGS_KEY, AutomationSettings } from "../routing/automation-settings";

// The form's fields, named "ai.<field>" on the page so their errors are not another card's
// ("apiKey" is Telnyx's); a checkbox arrives only when ticked.
export const AiAnswersInput = z.object({
  enabled: z.literal("on").optional().transform(Boolean),
  baseUrl: z
    .string()
    .trim()
    .url("Enter the API's base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1")
    .refine((url) => /^https?:\/\//i.test(url), "The base URL starts with https:// (or http:// for a server of your own)"),
  model: z.string().trim().min(1, "Name the model, e.g. gpt-4o-mini or llama3.1").max(100, "A model name is at most 100 characters"),
  apiKey: z.string().trim().max(500, "That is longer than any API key").default(""),
});
export type AiAnswersInput = z.output<typeof AiAnswersInput>;

export interface AiAnswersSummary {
  enabled: boolean;
  baseUrl: string;
  model: string;
  keySaved: boolean;
}

export function aiAnswersSummary(shop: Pick<Shop, "settings" | "chatApiKeyEncrypted">): AiAnswersSummary {
  const { ai } = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
  return { ...ai, keySaved: Boolean(shop.chatApiKeyEncrypted) };
}

export type AiAnswersSave = { saved: true } | { saved: false; fieldErrors: Record<string, string> };

const FIELD_PREFIX = "ai.";

export async function saveAiAnswers(ctx: AppContext, shopId: string, form: Record<string, unknown>, encryptionKey: string): Promise<AiAnswersSave> {
  const fields = Object.fromEntries(Object.entries(form).flatMap(([name, value]) => (name.startsWith(FIELD_PREFIX) ? [[name.slice(FIELD_PREFIX.length), value]] : [])));
  const parsed = AiAnswersInput.safeParse(fields);
  if (!parsed.success) {
    return { saved: false, fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [`${FIELD_PREFIX}${issue.path[0]}`, issue.message])) };
  }
  const { apiKey, ...ai } = parsed.data;
  return inTransaction(ctx, async (txCtx) => {
    // Writing first takes the row's lock, so the automation section read below is the latest.
    const shop = await txCtx.db.shop.update({
      where: { id: shopId },
      // An empty key field keeps the saved key: the page never shows it, so it cannot send it back.
      data: apiKey ? { chatApiKeyEncrypted: encryptSecret(apiKey, encryptionKey) } : { updatedAt: ctx.clock.now() },
    });
    if (ai.enabled && !shop.chatApiKeyEncrypted) {
      return { saved: false, fieldErrors: { "ai.apiKey": "Enter the API key before you switch AI answers on (any text for a server that needs none)" } };
    }
    const automation = readSettingsSection(shop, AUTOMATION_SETTINGS_KEY, AutomationSettings);
    await writeSettingsSection(txCtx, { shopId, key: AUTOMATION_SETTINGS_KEY, schema: AutomationSettings, value: { ...automation, ai } });
    return { saved: true };
  });
}
