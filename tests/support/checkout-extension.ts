// Calls /api/checkout-consent the way the checkout extension does: from Shopify's extension
// origin, with the checkout's session token.
import { createHmac, randomUUID } from "node:crypto";
import { SANDBOX_API_KEY, SANDBOX_API_SECRET } from "~/sandbox/demo-shop";
import { BROWSER_USER_AGENT } from "./browser";
import { SANDBOX_SHOP } from "./shopify-webhooks";

/** The session token Shopify gives a checkout extension: HS256 with the app's secret. */
export function checkoutSessionToken(shop = SANDBOX_SHOP, secret = SANDBOX_API_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part({ dest: shop, aud: SANDBOX_API_KEY, exp: now + 300, nbf: now - 5, iat: now, jti: randomUUID() })}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}

/** GET without a body (the disclosure to show), POST with one (the disclosure shown). */
export function callCheckoutConsent(appUrl: string, body?: unknown, token: string | null = checkoutSessionToken()) {
  return fetch(`${appUrl}/api/checkout-consent`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "User-Agent": BROWSER_USER_AGENT,
      Origin: "https://extensions.shopifycdn.com",
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...(token && { Authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
