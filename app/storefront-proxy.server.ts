// Requests from the storefront reach the app only through Shopify's app proxy
// (shopify.app.toml [app_proxy]: /apps/textback/* on the shop → /proxy/* here), which signs the
// query and names the shop. Anything unsigned or wrongly signed is refused with 401 before any
// domain code runs, so nothing is stored or sent for it.
import { hasValidAppProxySignature } from "~/shopify.server";

export interface StorefrontRequest {
  shopDomain: string;
  /** The visitor's address as the proxy forwarded it (X-Forwarded-For's first entry). */
  ip: string;
}

export async function verifiedStorefrontRequest(request: Request): Promise<StorefrontRequest | Response> {
  const query = new URL(request.url).searchParams;
  const shopDomain = query.get("shop");
  if (!shopDomain || !(await hasValidAppProxySignature(query))) {
    return Response.json({ error: "This address answers signed requests from the shop's storefront only" }, { status: 401 });
  }
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  return { shopDomain, ip };
}
