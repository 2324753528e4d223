// What a shop tells shoppers about its texts — beside the checkout consent box, in the JOIN
// confirmation and in the HELP answer — built from the settings that decide what it sends: its
// brand, the flows it has on, and the marketing caps the sender gate enforces
// (frequency-caps.server.ts). The caps count marketing texts only, so order updates are stated
// on their own, without a number: a cap named for both would promise a limit nobody enforces.
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import { cartRecoverySettingsOf } from "~/flows/cart-recovery/settings";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "~/flows/shipping/shipping-settings";
import { readSettingsSection } from "~/settings/shop-settings.server";

export type TextingShop = Pick<
  Shop,
  "name" | "brandName" | "settings" | "marketingCapPerDay" | "marketingCapPerWeek" | "consentDisclosure" | "consentDisclosureVersion"
>;

/** The checkout block's words; the block adds the merchant's terms and privacy links. */
export interface CheckoutDisclosure {
  label: string;
  paragraph: string;
  version: number;
}

export const brandOf = (shop: Pick<Shop, "name" | "brandName">) => shop.brandName ?? shop.name;

const msgs = (count: number) => (count === 1 ? "1 msg" : `${count} msgs`);

// A weekly cap no larger than the daily one is the only limit that binds.
function capsPhrase({ marketingCapPerDay: perDay, marketingCapPerWeek: perWeek }: TextingShop) {
  return perDay >= perWeek ? `up to ${msgs(perWeek)}/week` : `up to ${msgs(perDay)}/day and ${msgs(perWeek)}/week`;
}

function marketingKinds(shop: TextingShop): string[] {
  const recovery = cartRecoverySettingsOf(shop.settings);
  if (!recovery.enabled) return ["marketing texts"];
  return recovery.steps.some((step) => step.discountPercent > 0) ? ["cart reminders", "offers"] : ["cart reminders"];
}

const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items[0]);

const sendsOrderUpdates = (shop: TextingShop) => readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings).enabled;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What is sent and how often, marketing and order updates apart: "Cart reminders and offers: up to 1 msg/day and 3 msgs/week. …" */
export function textingTerms(shop: TextingShop): string {
  const marketing = `${capitalized(listed(marketingKinds(shop)))}: ${capsPhrase(shop)}.`;
  return sendsOrderUpdates(shop) ? `${marketing} Order updates when your order ships and arrives, outside that limit.` : marketing;
}

/** The disclosure beside the checkout consent box: the merchant's own paragraph, when they wrote one. */
export function checkoutDisclosure(shop: TextingShop): CheckoutDisclosure {
  const brand = brandOf(shop);
  const kinds = sendsOrderUpdates(shop) ? [...marketingKinds(shop), "order updates"] : marketingKinds(shop);
  return {
    label: `Text me ${listed(kinds)} from ${brand}`,
    paragraph: shop.consentDisclosure ?? defaultCheckoutParagraph(shop),
    version: shop.consentDisclosureVersion,
  };
}

export function defaultCheckoutParagraph(shop: TextingShop): string {
  return (
    `By checking this box you agree to receive recurring automated texts from ${brandOf(shop)} at the number provided. ` +
    `Consent is not a condition of purchase. ${textingTerms(shop)} Msg & data rates may apply. Reply STOP to opt out, HELP for help.`
  );
}
