import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { appContext, db, env } from "./services.server";
import { withSandboxSessionToken } from "./sandbox/admin-session.server";
import { fetchShopProfile, installShop } from "./commerce/shop-install.server";
import { logShopifyLibrary } from "./logger.server";

export const apiVersion = ApiVersion.October25;

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  logger: { log: logShopifyLibrary },
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  hooks: {
    // Runs after the token exchange of a (re)install: the shop's record, with every flow off.
    afterAuth: async ({ session, admin }) => {
      await installShop(appContext, session.shop, await fetchShopProfile(admin, session.shop));
    },
  },
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;

// Webhooks are verified by the Shopify library's HMAC and header check alone.
// authenticate.webhook would also load the shop's offline session (a query, and a token
// refresh over the network when it is about to expire) on every delivery, which the intake
// does not need: the jobs that act on a delivery get the session when they call Shopify.
// App-proxy requests (the storefront sign-up) likewise: authenticate.public.appProxy loads the
// session too, and answers a bad signature with 400 where the app answers 401.
const shopifyLibrary = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error, log: logShopifyLibrary },
});
export const shopifyWebhooks = shopifyLibrary.webhooks;

/** Whether a storefront request came through Shopify's app proxy: its `signature` over the query, and a timestamp within 90 s. */
export async function hasValidAppProxySignature(query: URLSearchParams): Promise<boolean> {
  try {
    return await shopifyLibrary.utils.validateHmac(query, { signator: "appProxy" });
  } catch {
    // No signature, a repeated parameter, a stale timestamp.
    return false;
  }
}

// Admin pages authenticate through Shopify's own check. In the sandbox, which has no Shopify
// admin around it, the request first gets the session token the admin would have sent.
export const authenticate = {
  ...shopify.authenticate,
  admin: (request: Request) =>
    shopify.authenticate.admin(env.TEXTBACK_SANDBOX ? withSandboxSessionToken(request, env) : request),
};
