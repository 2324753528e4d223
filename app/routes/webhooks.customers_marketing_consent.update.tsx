import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { ingestShopifySmsConsent } from "~/commerce/shopify-sms-consent.server";

const TOPIC = "customers_marketing_consent/update";

// A shopper's SMS consent changed in Shopify: recorded in the consent ledger with the delivery.
// The raw body, not the parsed payload, is handed on: JSON.parse rounds Shopify's 64-bit ids.
// A body that cannot be used was still verified and recorded, so it is logged and answered 200.
export async function action({ request }: ActionFunctionArgs) {
  const rawBody = await request.clone().text();
  return acceptShopifyWebhook(request, TOPIC, async ({ shop, webhookId }, txCtx) => {
    const result = await ingestShopifySmsConsent(txCtx, { shopDomain: shop, payload: rawBody });
    if (result.outcome === "ignored") console.warn(`[webhooks] ${TOPIC} ${webhookId} from ${shop} ignored: ${result.reason}`);
  });
}
