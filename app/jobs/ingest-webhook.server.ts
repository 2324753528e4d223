// ingest-webhook: what a recorded delivery means (a checkout, an order, a redaction, a shopper's
// text, a delivery receipt), applied once. The delivery is marked processed first, in the same
// transaction as its effects: a second run of the job (a worker that died after committing)
// finds it marked, and a run that fails rolls the mark back with everything else.
import { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";
import { INGEST_WEBHOOK_JOB } from "~/commerce/webhook-deliveries.server";
import { SHOPIFY_TOPICS, shopifyTopicIngestions, type ShopifyTopic } from "~/commerce/webhook-topics.server";
import { applyTelnyxEvent } from "~/messaging/telnyx-events.server";
import type { TelnyxEvent } from "~/messaging/telnyx-webhooks.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import type { WebhookEvent } from "../../prisma/generated/sqlite/index.js";
import { defineJob } from "./registry.server";
import { PermanentJobError } from "./queue.server";

const Payload = z.object({
  source: z.enum(["shopify", "telnyx"]),
  externalId: z.string(),
  messageIdHint: z.string().optional(),
});

export function ingestWebhookJob(deps: MessagingDeps) {
  const shopifyIngestions = shopifyTopicIngestions(deps);

  async function ingestShopify(txCtx: AppContext, event: WebhookEvent) {
    if (!isShopifyTopic(event.topic) || !event.shopDomain) throw new PermanentJobError(`No ingestion for Shopify topic ${event.topic}`);
    const delivery = { shopDomain: event.shopDomain, webhookId: event.externalId, payload: event.payload };
    const result = await shopifyIngestions[event.topic](txCtx, delivery);
    if (result.outcome === "ignored") {
      console.warn(`[webhooks] ${event.topic} ${event.externalId} from ${event.shopDomain} ignored: ${result.reason}`);
    }
  }

  return defineJob({
    kind: INGEST_WEBHOOK_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, { source, externalId, messageIdHint }) =>
      inTransaction(ctx, async (txCtx) => {
        const event = await txCtx.db.webhookEvent.findUnique({ where: { source_externalId: { source, externalId } } });
        // Gone: a customers/redact or shop/redact erased it before it was ingested.
        if (!event) return;
        const { count } = await txCtx.db.webhookEvent.updateMany({
          where: { id: event.id, processedAt: null },
          data: { processedAt: ctx.clock.now() },
        });
        if (count === 0) return;
        if (source === "shopify") await ingestShopify(txCtx, event);
        else await applyTelnyxEvent(txCtx, JSON.parse(event.payload) as TelnyxEvent, { messageIdHint }, deps);
      }),
  });
}

function isShopifyTopic(topic: string): topic is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(topic);
}
