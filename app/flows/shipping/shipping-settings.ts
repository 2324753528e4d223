// The merchant's shipping texts, stored under Shop.settings.shipping: a switch for them all, one
// switch and one template per milestone, and the rating request that follows a delivery.
import { z } from "zod";
import { unknownVariables } from "~/flows/templates";

export const SHIPPING_MILESTONES = ["shipped", "out_for_delivery", "attempted_delivery", "delivered"] as const;
export type ShippingMilestone = (typeof SHIPPING_MILESTONES)[number];

/** What a shipping template may use. */
export const SHIPPING_VARIABLES = ["first_name", "order_name", "carrier", "tracking_number", "tracking_url", "shop_name"] as const;
/** What the answers to a rating may use. */
export const RATING_REPLY_VARIABLES = ["first_name", "order_name", "review_url", "shop_name"] as const;

export const SHIPPING_SETTINGS_KEY = "shipping";

const template = (allowed: readonly string[], fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(480)
    .default(fallback)
    .superRefine((text, issue) => {
      const unknown = unknownVariables(text, allowed);
      if (unknown.length > 0) issue.addIssue({ code: "custom", message: `Unknown variables: ${unknown.map((v) => `{{${v}}}`).join(", ")}` });
    });

const milestone = (enabled: boolean, text: string) =>
  z.object({ enabled: z.boolean().default(enabled), template: template(SHIPPING_VARIABLES, text) }).default({});

export const ShippingSettings = z.object({
  // Off until the merchant turns it on, like every flow of a new install.
  enabled: z.boolean().default(false),
  shipped: milestone(true, "Your order {{order_name}} has shipped with {{carrier}}. Track it here: {{tracking_url}}"),
  out_for_delivery: milestone(true, "Your order {{order_name}} is out for delivery today. Track it here: {{tracking_url}}"),
  // Off by default: the carrier leaves its own notice, and a second message can alarm.
  attempted_delivery: milestone(false, "{{carrier}} tried to deliver your order {{order_name}}. See your options: {{tracking_url}}"),
  delivered: milestone(true, "Your order {{order_name}} was delivered. Enjoy!"),
  rating: z
    .object({
      enabled: z.boolean().default(true),
      delayDays: z.number().int().min(1).max(30).default(2),
      question: template(SHIPPING_VARIABLES, "How would you rate your order {{order_name}}? Reply with a number from 1 (poor) to 5 (great)."),
      thanks: template(RATING_REPLY_VARIABLES, "Thank you! Would you share that in a quick review? {{review_url}}"),
      apology: template(RATING_REPLY_VARIABLES, "We're sorry your order wasn't great. A member of our team will text you shortly to make it right."),
    })
    .default({}),
});
export type ShippingSettings = z.output<typeof ShippingSettings>;
