// How automation answers shoppers, stored under Shop.settings.automation. The away message
// and business hours are the Shop's own columns (awayMessage, businessHours).
import { z } from "zod";

export const AUTOMATION_SETTINGS_KEY = "automation";

export const AutomationSettings = z.object({
  statusKeyword: z.boolean().default(true),
  returnKeyword: z.boolean().default(true),
  faqAnswers: z.boolean().default(true),
  acknowledgement: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .default("Thanks for your message! A member of our team will reply shortly."),
});
export type AutomationSettings = z.output<typeof AutomationSettings>;

export const DEFAULT_AWAY_MESSAGE = "Thanks for your message! We're away right now and will reply during business hours.";
