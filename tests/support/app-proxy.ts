// Storefront requests as Shopify's app proxy forwards them: the visitor's query plus shop,
// logged_in_customer_id, path_prefix and timestamp, signed with the app secret in `signature`
// (hex HMAC-SHA256 of the parameters sorted by name, each "key=value", joined with nothing).
import { createHmac } from "node:crypto";
import { SANDBOX_SECRET, SANDBOX_SHOP } from "./shopify-webhooks";

export function appProxyQuery(params: Record<string, string> = {}, { secret = SANDBOX_SECRET, shop = SANDBOX_SHOP } = {}) {
  const query: Record<string, string> = {
    ...params,
    shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/textback",
    // Shopify's own time: the library refuses a signature more than 90 s old, on the real clock.
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const message = Object.keys(query)
    .sort()
    .map((key) => `${key}=${query[key]}`)
    .join("");
  return new URLSearchParams({ ...query, signature: createHmac("sha256", secret).update(message).digest("hex") });
}

export function storefrontClient(appUrl: () => string) {
  return {
    /** GET /apps/textback/<path> through the proxy; `query: null` sends it unsigned. */
    async get(path: string, query: URLSearchParams | null = appProxyQuery()) {
      const response = await fetch(`${appUrl()}/proxy/${path}${query ? `?${query}` : ""}`);
      return { status: response.status, body: await response.json() };
    },
    async post(path: string, body: Record<string, unknown>, { query = appProxyQuery() as URLSearchParams | null, ip = "203.0.113.7" } = {}) {
      const response = await fetch(`${appUrl()}/proxy/${path}${query ? `?${query}` : ""}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": ip },
        body: JSON.stringify(body),
      });
      return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
    },
  };
}
