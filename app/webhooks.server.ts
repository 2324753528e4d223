// The HTTP edge of Shopify webhooks: verify (authenticate.webhook), record once, answer fast.
// What each topic means for the shop happens later, in jobs, never on this path.
import { authenticate } from "./shopify.server";
import { appContext } from "./services.server";
import { recordOnceAnd } from "./commerce/webhook-deliveries.server";
import type { AppContext } from "./context.server";

type VerifiedWebhook = Awaited<ReturnType<typeof authenticate.webhook>>;

export function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain" } });
}

async function verify(request: Request): Promise<VerifiedWebhook | Response> {
  try {
    return await authenticate.webhook(request);
  } catch (failure) {
    if (failure instanceof Response) {
      const reasons: Record<number, string> = {
        401: "Invalid webhook signature",
        400: "Missing Shopify webhook headers",
        405: "Webhooks are POSTed",
      };
      return plain(failure.status, reasons[failure.status] ?? "Rejected");
    }
    // The library parses the body only after the signature checks out.
    if (failure instanceof SyntaxError) return plain(400, "The webhook body is not JSON");
    throw failure;
  }
}

export async function acceptShopifyWebhook(
  request: Request,
  expectedTopic: string,
  actOnFirstDelivery?: (webhook: VerifiedWebhook, txCtx: AppContext) => Promise<void>,
): Promise<Response> {
  const rawBody = await request.clone().text();
  const webhook = await verify(request);
  if (webhook instanceof Response) return webhook;
  // The library reports topics in storage form: "orders/create" arrives as ORDERS_CREATE.
  if (webhook.topic !== expectedTopic.toUpperCase().replaceAll("/", "_")) {
    return plain(400, `Topic ${webhook.topic} is not handled at this address`);
  }
  const delivery = {
    source: "shopify" as const,
    externalId: webhook.webhookId,
    topic: expectedTopic,
    shopDomain: webhook.shop,
    payload: rawBody,
  };
  await recordOnceAnd(appContext, delivery, async (txCtx) => actOnFirstDelivery?.(webhook, txCtx));
  return new Response(null, { status: 200 });
}

type Ingestion = { outcome: string; reason?: string };

/**
 * A topic whose body becomes domain rows with the delivery's record. The raw body is handed on,
 * not the parsed payload: JSON.parse rounds Shopify's 64-bit ids. A body that cannot be used
 * was still verified and recorded, so it is logged (never its content) and answered 200.
 */
export async function ingestShopifyWebhook(
  request: Request,
  topic: string,
  ingest: (txCtx: AppContext, input: { shopDomain: string; payload: string }) => Promise<Ingestion>,
): Promise<Response> {
  const rawBody = await request.clone().text();
  return acceptShopifyWebhook(request, topic, async ({ shop, webhookId }, txCtx) => {
    const result = await ingest(txCtx, { shopDomain: shop, payload: rawBody });
    if (result.outcome === "ignored") console.warn(`[webhooks] ${topic} ${webhookId} from ${shop} ignored: ${result.reason}`);
  });
}
