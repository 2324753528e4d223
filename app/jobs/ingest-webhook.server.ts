// ingest-webhook: what a recorded Shopify delivery means for the shop (a checkout, an order, a
// redaction), applied once. The delivery is marked processed first, in the same transaction as
// its effects: a second run of the job (a worker that died after committing) finds it marked,
// and a run that fails rolls the mark back with everything else.
import { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";
import { INGEST_WEBHOOK_JOB } from "~/commerce/webhook-deliveries.server";
import { SHOPIFY_TOPICS, shopifyTopicIngestions, type ShopifyTopic } from "~/commerce/webhook-topics.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";
import { PermanentJobError } from "./queue.server";

const Payload = z.object({ source: z.literal("shopify"), externalId: z.string() });

export function ingestWebhookJob(deps: MessagingDeps) {
  const ingestions = shopifyTopicIngestions(deps);
  return defineJob({
    kind: INGEST_WEBHOOK_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, { source, externalId }) =>
      inTransaction(ctx, async (txCtx) => {
        const event = await txCtx.db.webhookEvent.findUnique({ where: { source_externalId: { source, externalId } } });
        // Gone: a customers/redact or shop/redact erased it before it was ingested.
        if (!event?.shopDomain) return;
        if (!isShopifyTopic(event.topic)) throw new PermanentJobError(`No ingestion for topic ${event.topic}`);
        const { count } = await txCtx.db.webhookEvent.updateMany({
          where: { id: event.id, processedAt: null },
          data: { processedAt: ctx.clock.now() },
        });
        if (count === 0) return;
        const result = await ingestions[event.topic](txCtx, { shopDomain: event.shopDomain, webhookId: externalId, payload: event.payload });
        if (result.outcome === "ignored") {
          console.warn(`[webhooks] ${event.topic} ${externalId} from ${event.shopDomain} ignored: ${result.reason}`);
        }
      }),
  });
}

function isShopifyTopic(topic: string): topic is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(topic);
}
