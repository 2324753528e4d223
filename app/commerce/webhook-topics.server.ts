// What each Shopify webhook topic does to the shop's records, run by the ingest-webhook job in
// one transaction with the delivery's "processed" mark. The raw body is handed on, not a parsed
// payload: JSON.parse rounds Shopify's 64-bit ids.
import type { AppContext } from "~/context.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { fulfillmentIngestion } from "~/flows/shipping/fulfillment-updates.server";
import { ingestCheckout } from "./checkouts.server";
import { ingestOrder } from "./orders.server";
import { ingestShopifySmsConsent } from "./shopify-sms-consent.server";
import { recordCustomerDataRequest, redactCustomer, redactShop } from "./data-lifecycle.server";
import { markShopUninstalled, updateGrantedScopes } from "./app-lifecycle.server";

export interface RecordedDelivery {
  shopDomain: string;
  webhookId: string;
  payload: string;
}

export type TopicOutcome = { outcome: string; reason?: string };
type TopicIngestion = (txCtx: AppContext, delivery: RecordedDelivery) => Promise<TopicOutcome>;

export const SHOPIFY_TOPICS = [
  "app/scopes_update",
  "app/uninstalled",
  "checkouts/create",
  "checkouts/update",
  "customers/data_request",
  "customers/redact",
  "customers_marketing_consent/update",
  "fulfillment_events/create",
  "fulfillments/create",
  "fulfillments/update",
  "orders/create",
  "orders/paid",
  "shop/redact",
] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

const done = { outcome: "done" };

function grantedScopes(payload: string) {
  const current = (JSON.parse(payload) as { current?: unknown } | null)?.current;
  return Array.isArray(current) ? current.filter((scope): scope is string => typeof scope === "string") : [];
}

export function shopifyTopicIngestions(deps: MessagingDeps): Record<ShopifyTopic, TopicIngestion> {
  const privacy = (d: RecordedDelivery) => ({ shopDomain: d.shopDomain, webhookId: d.webhookId, rawBody: d.payload });
  return {
    "app/scopes_update": (ctx, d) => updateGrantedScopes(ctx, d.shopDomain, grantedScopes(d.payload)).then(() => done),
    "app/uninstalled": (ctx, d) => markShopUninstalled(ctx, d.shopDomain).then(() => done),
    "checkouts/create": (ctx, d) => ingestCheckout(ctx, d, deps),
    "checkouts/update": (ctx, d) => ingestCheckout(ctx, d, deps),
    "customers/data_request": (ctx, d) => recordCustomerDataRequest(ctx, privacy(d)),
    "customers/redact": (ctx, d) => redactCustomer(ctx, privacy(d), deps.secrets),
    "customers_marketing_consent/update": ingestShopifySmsConsent,
    "fulfillment_events/create": fulfillmentIngestion("fulfillment_events/create"),
    "fulfillments/create": fulfillmentIngestion("fulfillments/create"),
    "fulfillments/update": fulfillmentIngestion("fulfillments/update"),
    "orders/create": ingestOrder,
    "orders/paid": ingestOrder,
    "shop/redact": (ctx, d) => redactShop(ctx, d.shopDomain),
  };
}
