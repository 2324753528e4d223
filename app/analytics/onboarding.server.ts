// The first-run checklist on the dashboard: shown until texting works end to end — Telnyx
// connected and checked, the checkout consent block live, and a flow switched on.
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { cartRecoverySettingsOf } from "~/flows/cart-recovery/settings";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "~/flows/shipping/shipping-settings";
import { readSettingsSection } from "~/settings/shop-settings.server";

export interface OnboardingStep {
  id: "telnyx" | "consent_block" | "flow";
  label: string;
  help: string;
  done: boolean;
  url: string;
}

/** When the last "Check connection" succeeded, kept in the shop's settings JSON. */
export function telnyxCheckedAt(settingsJson: string): string | null {
  try {
    const value = (JSON.parse(settingsJson) as { telnyxCheckedAt?: unknown }).telnyxCheckedAt;
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

export async function onboardingChecklist({ db }: AppContext, shop: Shop): Promise<OnboardingStep[]> {
  const consentBlockSeen = await db.checkoutConsentDisclosure.findFirst({ where: { shopId: shop.id }, select: { id: true } });
  return [
    {
      id: "telnyx",
      label: "Connect Telnyx and check the connection",
      help: "Your API key, messaging profile and sending number, in Settings.",
      done: Boolean(shop.telnyxApiKeyEncrypted && shop.sendingNumber && telnyxCheckedAt(shop.settings)),
      url: "/app/settings",
    },
    {
      id: "consent_block",
      label: "Add the SMS consent block to your checkout",
      help: "In the checkout editor, add Textback's block so shoppers can agree to texts. It counts as live once a shopper has seen it.",
      done: Boolean(consentBlockSeen),
      url: "shopify:admin/settings/checkout/editor",
    },
    {
      id: "flow",
      label: "Turn on a flow",
      help: "Cart recovery texts shoppers who leave a checkout; shipping texts follow their orders.",
      done: cartRecoverySettingsOf(shop.settings).enabled || readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings).enabled,
      url: "/app/flows",
    },
  ];
}
