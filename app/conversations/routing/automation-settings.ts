// How automation answers shoppers, stored under Shop.settings.automation. The away message
// and business hours are the Shop's own columns (awayMessage, businessHours).
import { z } from "zod";

export const AUTOMATION_SETTINGS_KEY = "automation";

export const AutomationSettings = z.object({
  statusKeyword: z.boolean().default(true),
  returnKeyword: z.boolean().default(true),
  faqAnswers: z.boolean().default(true),
  /** Answer automatically only when the classifier is at least this likely to be right (its calibrated precision). */
  precisionTarget: z.number().min(0.8).max(0.99).default(0.95),
  /** Optional AI answers from an OpenAI-compatible chat API; the key is Shop.chatApiKeyEncrypted. */
  ai: z
    .object({
      enabled: z.boolean().default(false),
      baseUrl: z.string().trim().url().default("https://api.openai.com/v1"),
      model: z.string().trim().min(1).max(100).default("gpt-4o-mini"),
    })
    .default({}),
  acknowledgement: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .default("Thanks for your message! A member of our team will reply shortly."),
});
export type AutomationSettings = z.output<typeof AutomationSettings>;

export const DEFAULT_AWAY_MESSAGE = "Thanks for your message! We're away right now and will reply during business hours.";
