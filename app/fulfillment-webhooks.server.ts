// The HTTP edge shared by the three fulfillment topics: the shipment is stored and its
// milestone's text queued with the delivery (see flows/shipping/fulfillment-updates.server.ts).
// The raw body is handed on so Shopify's 64-bit ids keep their digits; a body that cannot be
// used was still verified and recorded, so it is logged and answered 200.
import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "./webhooks.server";
import { recordFulfillmentWebhook, type FulfillmentTopic } from "./flows/shipping/fulfillment-updates.server";

export function fulfillmentWebhookAction(topic: FulfillmentTopic) {
  return async ({ request }: ActionFunctionArgs) => {
    const rawBody = await request.clone().text();
    return acceptShopifyWebhook(request, topic, async ({ shop, webhookId }, txCtx) => {
      const result = await recordFulfillmentWebhook(txCtx, { shopDomain: shop, topic, rawBody });
      if (result.outcome === "ignored") console.warn(`[webhooks] ${topic} ${webhookId} from ${shop} ignored: ${result.reason}`);
    });
  };
}
