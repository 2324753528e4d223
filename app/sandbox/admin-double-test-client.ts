// Tests' Admin API client: the real @shopify/shopify-api GraphQL client for an offline session,
// which talks to whatever fetch the Admin double installed.
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import type { ShopifyAdminGraphql } from "~/commerce/shopify-sms-consent.server";

const shopify = shopifyApi({
  apiKey: "sandbox-api-key",
  apiSecretKey: "sandbox-api-secret",
  scopes: ["read_customers", "write_customers", "read_orders", "write_discounts"],
  hostName: "localhost:3000",
  apiVersion: ApiVersion.October25,
  isEmbeddedApp: true,
  logger: { log: () => {} },
});

/** Create it after the double's install(): the client captures the fetch when constructed. */
export function adminDoubleClient(shop: string) {
  const session = new Session({ id: `offline_${shop}`, shop, state: "installed", isOnline: false, accessToken: "shpat_test" });
  return new shopify.clients.Graphql({ session });
}

/** What shopify-app-remix's `admin.graphql` does: the library's client, its answer as a Response. */
export function adminGraphqlFor(shop: string): ShopifyAdminGraphql {
  const client = adminDoubleClient(shop);
  return { graphql: async (query, options) => new Response(JSON.stringify(await client.request(query, { variables: options?.variables }))) };
}
