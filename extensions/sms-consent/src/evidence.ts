import { APP_URL } from "./app-url";
import type { ConsentApi, ConsentPage } from "./api";
import { CONSENT_TARGETS } from "./api";
import type { AppDisclosure, Disclosure } from "./disclosure";

const CONSENT_ENDPOINT = `${APP_URL}/api/checkout-consent`;

const authorized = async (api: ConsentApi) => ({ Authorization: `Bearer ${await api.sessionToken.get()}` });

/**
 * The disclosure the app built from the shop's settings, or null when the app cannot be
 * reached: then the block shows nothing rather than words that may not match what is sent.
 */
export async function fetchDisclosure(api: ConsentApi): Promise<AppDisclosure | null> {
  try {
    const response = await fetch(CONSENT_ENDPOINT, { headers: await authorized(api) });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<AppDisclosure>;
    const complete = typeof body.label === "string" && typeof body.paragraph === "string" && typeof body.version === "number";
    return complete ? { label: body.label!, paragraph: body.paragraph!, version: body.version! } : null;
  } catch {
    return null;
  }
}

/**
 * Tells the app which disclosure this checkout showed when the shopper gave consent, signed
 * with the checkout's session token (network_access). Best effort: Shopify has recorded the
 * consent already, and a failure here must never get in the way of the checkout.
 */
export async function postShownDisclosure(api: ConsentApi, page: ConsentPage, disclosure: Disclosure): Promise<boolean> {
  const checkoutToken = api.checkoutToken.value;
  if (!checkoutToken) return false;
  try {
    const response = await fetch(CONSENT_ENDPOINT, {
      method: "POST",
      headers: { ...(await authorized(api)), "Content-Type": "application/json" },
      body: JSON.stringify({
        checkoutToken,
        target: CONSENT_TARGETS[page],
        disclosureVersion: disclosure.version,
        disclosureText: disclosure.text,
      }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
