import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { messagingDeps } from "~/services.server";
import { redactCustomer } from "~/commerce/data-lifecycle.server";

const TOPIC = "customers/redact";

// The raw body is handed on: JSON.parse rounds Shopify's 64-bit ids.
export async function action({ request }: ActionFunctionArgs) {
  const rawBody = await request.clone().text();
  return acceptShopifyWebhook(request, TOPIC, async ({ shop, webhookId }, txCtx) => {
    const result = await redactCustomer(txCtx, { shopDomain: shop, webhookId, rawBody }, messagingDeps.secrets);
    if (result.outcome === "ignored") console.warn(`[webhooks] ${TOPIC} ${webhookId} from ${shop} ignored: ${result.reason}`);
  });
}
