import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { recordCustomerDataRequest } from "~/commerce/data-lifecycle.server";

const TOPIC = "customers/data_request";

// The raw body is handed on: JSON.parse rounds Shopify's 64-bit ids.
export async function action({ request }: ActionFunctionArgs) {
  const rawBody = await request.clone().text();
  return acceptShopifyWebhook(request, TOPIC, async ({ shop, webhookId }, txCtx) => {
    const result = await recordCustomerDataRequest(txCtx, { shopDomain: shop, webhookId, rawBody });
    if (result.outcome === "ignored") console.warn(`[webhooks] ${TOPIC} ${webhookId} from ${shop} ignored: ${result.reason}`);
  });
}
