// The HTTP edge of Shopify webhooks: verify, record once, answer fast. What each topic means
// for the shop happens in the ingest-webhook job (app/jobs/ingest-webhook.server.ts), so a
// burst queues instead of timing out, and Shopify's 5 s budget is never spent on our work.
import { shopifyWebhooks } from "./shopify.server";
import { deliveryRecorder } from "./services.server";
import type { ShopifyTopic } from "./commerce/webhook-topics.server";

export function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain" } });
}

const refusals: Record<string, [number, string]> = {
  invalid_hmac: [401, "Invalid webhook signature"],
  missing_hmac: [401, "Invalid webhook signature"],
  missing_headers: [400, "Missing Shopify webhook headers"],
  missing_body: [400, "The webhook has no body"],
};

export async function acceptShopifyWebhook(request: Request, topic: ShopifyTopic): Promise<Response> {
  if (request.method !== "POST") return plain(405, "Webhooks are POSTed");
  const rawBody = await request.text();
  const check = await shopifyWebhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) {
    const [status, reason] = refusals[check.reason] ?? [400, "Rejected"];
    return plain(status, reason);
  }
  // The library reports topics in storage form: "orders/create" arrives as ORDERS_CREATE.
  if (check.topic !== topic.toUpperCase().replaceAll("/", "_")) {
    return plain(400, `Topic ${check.topic} is not handled at this address`);
  }
  if (!isJson(rawBody)) return plain(400, "The webhook body is not JSON");
  await deliveryRecorder.record({ source: "shopify", externalId: check.webhookId, topic, shopDomain: check.domain, payload: rawBody });
  return new Response(null, { status: 200 });
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
