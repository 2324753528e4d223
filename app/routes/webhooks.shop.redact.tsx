import type { ActionFunctionArgs } from "@remix-run/node";
import { acceptShopifyWebhook } from "~/webhooks.server";
import { redactShop } from "~/commerce/data-lifecycle.server";

const TOPIC = "shop/redact";

export const action = ({ request }: ActionFunctionArgs) =>
  acceptShopifyWebhook(request, TOPIC, async ({ shop, webhookId }, txCtx) => {
    const result = await redactShop(txCtx, shop);
    if (result.outcome === "ignored") console.warn(`[webhooks] ${TOPIC} ${webhookId} from ${shop} ignored: ${result.reason}`);
  });
