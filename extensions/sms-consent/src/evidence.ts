import { APP_URL } from "./app-url";
import type { ConsentApi, ConsentPage } from "./api";
import { CONSENT_TARGETS } from "./api";
import type { Disclosure } from "./disclosure";

/**
 * Tells the app which disclosure this checkout showed when the shopper gave consent, signed
 * with the checkout's session token (network_access). Best effort: Shopify has recorded the
 * consent already, and a failure here must never get in the way of the checkout.
 */
export async function postShownDisclosure(api: ConsentApi, page: ConsentPage, disclosure: Disclosure): Promise<boolean> {
  const checkoutToken = api.checkoutToken.value;
  if (!checkoutToken) return false;
  try {
    const sessionToken = await api.sessionToken.get();
    const response = await fetch(`${APP_URL}/api/checkout-consent`, {
      method: "POST",
      headers: { Authorization: `Bearer ${sessionToken}`, "Content-Type": "application/json" },
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
