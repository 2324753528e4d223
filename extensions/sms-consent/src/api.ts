import type { Api as ContactStepApi } from "@shopify/ui-extensions/purchase.checkout.contact.render-after";
import type { Api as ThankYouApi } from "@shopify/ui-extensions/purchase.thank-you.block.render";

// The part of Shopify's extension API the consent block uses; both of its targets have it.
type Used = "settings" | "checkoutToken" | "sessionToken" | "buyerIdentity";
export type ConsentApi = Pick<ContactStepApi, Used> | Pick<ThankYouApi, Used>;

export const CONSENT_TARGETS = {
  checkout: "purchase.checkout.contact.render-after",
  thank_you: "purchase.thank-you.block.render",
} as const;
export type ConsentPage = keyof typeof CONSENT_TARGETS;

/** The global Shopify gives the extension's module at run time. */
export function extensionApi(): ConsentApi {
  return (globalThis as unknown as { shopify: ConsentApi }).shopify;
}
