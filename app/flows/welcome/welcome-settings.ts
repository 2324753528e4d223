// The welcome series, under Shop.settings.welcome: a preference question right after the opt-in
// confirmation, the answer to each choice (with the tag it gives), and an offer N days later
// for a subscriber who has not ordered.
import { z } from "zod";
import { flowOffer, flowTemplate, holdoutPercent } from "../lifecycle-settings";

export const WELCOME_SETTINGS_KEY = "welcome";
export const WELCOME_VARIABLES = ["first_name", "shop"] as const;
export const WELCOME_OFFER_VARIABLES = ["first_name", "shop", "discount", "link"] as const;

const Choice = z.object({
  label: z.string().trim().min(1, "Name the choice").max(40),
  tag: z
    .string()
    .trim()
    .min(1, "Give the choice a tag")
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "Lower-case letters, digits, - and _"),
  reply: flowTemplate(WELCOME_VARIABLES, "Thanks! We'll keep you posted."),
});

export const WelcomeSettings = z.object({
  enabled: z.boolean().default(false),
  holdoutPercent,
  question: flowTemplate(WELCOME_VARIABLES, "Welcome! What are you shopping for? Reply 1 for Men's, 2 for Women's, 3 for Gifts"),
  choices: z
    .array(Choice)
    .min(2, "Offer at least two choices")
    .max(9, "At most 9 choices")
    .default([
      { label: "Men's", tag: "pref-mens", reply: "Got it: we'll send you the best of our men's collection." },
      { label: "Women's", tag: "pref-womens", reply: "Got it: we'll send you the best of our women's collection." },
      { label: "Gifts", tag: "pref-gifts", reply: "Got it: we'll send you our best gift ideas." },
    ]),
  offerAfterDays: z.number().int("Whole days").min(1, "At least 1 day").max(30, "At most 30 days").default(3),
  offerTemplate: flowTemplate(WELCOME_OFFER_VARIABLES, "Hi {{first_name}}, here's {{discount}} on your first order: {{link}}"),
  offer: flowOffer(10),
  attachImage: z.boolean().default(false),
});
export type WelcomeSettings = z.output<typeof WelcomeSettings>;
