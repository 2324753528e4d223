// The words shown beside Shopify's consent checkbox, from the merchant's settings. What
// carriers and the CTIA ask a disclosure to say: who texts, what and how often, that rates
// may apply, how to stop and get help, and where the terms and privacy policy are.

export type Placement = "checkout_and_thank_you" | "checkout_only" | "thank_you_only";

export interface ConsentSettings {
  placement?: Placement;
  brand_name?: string;
  checkbox_label?: string;
  message_types?: string;
  frequency?: string;
  terms_url?: string;
  privacy_url?: string;
  disclosure_version?: number;
}

export interface Disclosure {
  label: string;
  /** The disclosure as one text, as it is kept in the consent ledger. */
  text: string;
  paragraph: string;
  version: number;
  termsUrl: string | null;
  privacyUrl: string | null;
}

const filled = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function disclosureFor(settings: ConsentSettings, shopName: string): Disclosure {
  const brand = filled(settings.brand_name) ?? shopName;
  const types = filled(settings.message_types) ?? "cart reminders, order updates and offers";
  const frequency = filled(settings.frequency) ?? "Message frequency varies";
  const label = filled(settings.checkbox_label) ?? `Text me ${types} from ${brand}`;
  const paragraph =
    `By checking this box you agree to receive recurring automated texts from ${brand} (${types}) at the number provided. ` +
    `Consent is not a condition of purchase. ${frequency.replace(/\.$/, "")}. Msg & data rates may apply. Reply STOP to opt out, HELP for help.`;
  const termsUrl = filled(settings.terms_url);
  const privacyUrl = filled(settings.privacy_url);
  const links = [termsUrl && `Terms: ${termsUrl}`, privacyUrl && `Privacy: ${privacyUrl}`].filter(Boolean).join(" ");
  return {
    label,
    paragraph,
    text: [label, paragraph, links].filter(Boolean).join("\n"),
    version: settings.disclosure_version && settings.disclosure_version > 0 ? Math.floor(settings.disclosure_version) : 1,
    termsUrl,
    privacyUrl,
  };
}

export function showsOn(settings: ConsentSettings, page: "checkout" | "thank_you") {
  const placement = settings.placement ?? "checkout_and_thank_you";
  return placement === "checkout_and_thank_you" || placement === `${page}_only`;
}
