// Win-back, under Shop.settings.winBack: one text, with an optional offer, to a subscriber whose
// last order was at least N days ago; at most once per N days.
import { z } from "zod";
import { flowOffer, flowTemplate, holdoutPercent } from "../lifecycle-settings";

export const WIN_BACK_SETTINGS_KEY = "winBack";
export const WIN_BACK_VARIABLES = ["first_name", "shop", "link", "discount"] as const;

export const WinBackSettings = z.object({
  enabled: z.boolean().default(false),
  holdoutPercent,
  afterDays: z.number().int("Whole days").min(30, "At least 30 days").max(730, "At most 730 days").default(90),
  template: flowTemplate(WIN_BACK_VARIABLES, "Hi {{first_name}}, it's been a while! Here's {{discount}} to come back to {{shop}}: {{link}}"),
  offer: flowOffer(15),
  attachImage: z.boolean().default(false),
});
export type WinBackSettings = z.output<typeof WinBackSettings>;
