// Post-purchase cross-sell, under Shop.settings.crossSell: N days after a delivery (after a 4–5
// rating when the rating flow is on), a product often bought with what the shopper bought.
import { z } from "zod";
import { flowOffer, flowTemplate, holdoutPercent } from "../lifecycle-settings";

export const CROSS_SELL_SETTINGS_KEY = "crossSell";
export const CROSS_SELL_VARIABLES = ["first_name", "shop", "purchased", "product", "link", "discount"] as const;

export const CrossSellSettings = z.object({
  enabled: z.boolean().default(false),
  holdoutPercent,
  delayDays: z.number().int("Whole days").min(0, "At least 0 days").max(30, "At most 30 days").default(3),
  /** Orders that must hold both products before a pair is suggested. */
  minPairOrders: z.number().int().min(2, "At least 2 orders").max(1000).default(3),
  template: flowTemplate(CROSS_SELL_VARIABLES, "{{first_name}}, enjoying your {{purchased}}? Shoppers who bought it love {{product}} too: {{link}}"),
  offer: flowOffer(0),
  attachImage: z.boolean().default(true),
});
export type CrossSellSettings = z.output<typeof CrossSellSettings>;
