// The words shown beside Shopify's consent checkbox. The app builds them from the shop's
// settings (app/compliance/disclosure.ts), so what the block says about who texts, what and how
// often is what the shop's flows and the sender gate's caps do; the block adds the terms and
// privacy links the merchant set in the checkout editor.

export type Placement = "checkout_and_thank_you" | "checkout_only" | "thank_you_only";

export interface ConsentSettings {
  placement?: Placement;
  terms_url?: string;
  privacy_url?: string;
}

/** What GET /api/checkout-consent answers. */
export interface AppDisclosure {
  label: string;
  paragraph: string;
  version: number;
}

export interface Disclosure extends AppDisclosure {
  /** Everything shown, as one text: what the consent ledger keeps. */
  text: string;
  termsUrl: string | null;
  privacyUrl: string | null;
}

const filled = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function disclosureFor(wording: AppDisclosure, settings: ConsentSettings): Disclosure {
  const termsUrl = filled(settings.terms_url);
  const privacyUrl = filled(settings.privacy_url);
  const links = [termsUrl && `Terms: ${termsUrl}`, privacyUrl && `Privacy: ${privacyUrl}`].filter(Boolean).join(" ");
  return { ...wording, text: [wording.label, wording.paragraph, links].filter(Boolean).join("\n"), termsUrl, privacyUrl };
}

export function showsOn(settings: ConsentSettings, page: "checkout" | "thank_you") {
  const placement = settings.placement ?? "checkout_and_thank_you";
  return placement === "checkout_and_thank_you" || placement === `${page}_only`;
}
