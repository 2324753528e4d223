// The storefront sign-up form, under Shop.settings.signUp: how it opens, what it says, and the
// "Reply Y" text that confirms a typed number. The disclosure beside the field is the shop's one
// disclosure (compliance/disclosure.ts), the same the checkout block shows.
import { z } from "zod";
import { flowTemplate } from "../lifecycle-settings";

export const SIGN_UP_SETTINGS_KEY = "signUp";
export const SIGN_UP_CONFIRMATION_VARIABLES = ["shop"] as const;

export const SignUpSettings = z.object({
  enabled: z.boolean().default(false),
  /** popup: opens after delaySeconds or on exit intent; teaser: a tab the visitor opens. */
  placement: z.enum(["popup", "teaser"]).default("popup"),
  delaySeconds: z.number().int().min(0).max(120).default(8),
  exitIntent: z.boolean().default(true),
  headline: z.string().trim().min(1).max(80).default("Get 10% off your first order"),
  body: z.string().trim().max(200).default("Join our text list for early access and offers."),
  confirmation: flowTemplate(SIGN_UP_CONFIRMATION_VARIABLES, "Reply Y to get texts from {{shop}}: offers and updates, up to 6 msgs/week. Msg & data rates may apply. Reply STOP to opt out."),
  /** Hours a sign-up waits for its Y before it expires. */
  confirmWithinHours: z.number().int().min(1).max(168).default(48),
});
export type SignUpSettings = z.output<typeof SignUpSettings>;
