// ingest-webhook: what a recorded delivery means (a checkout, an order, a redaction, a shopper's
// text, a delivery receipt), applied once. The delivery is marked processed first, in the same
// transaction as its effects: a second run of the job (a worker that died after committing)
// finds it marked, and a run that fails rolls the mark back with everything else.
import { z } from "zod";
import { inTransaction, type AppContext } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import { INGEST_WEBHOOK_JOB } from "~/commerce/webhook-deliveries.server";
import { SHOPIFY_TOPICS, shopifyTopicIngestions, type ShopifyTopic, type TopicOutcome } from "~/commerce/webhook-topics.server";
import { ingestCheckouts } from "~/commerce/checkouts.server";
import { applyTelnyxEvent } from "~/messaging/telnyx-events.server";
import type { TelnyxEvent } from "~/messaging/telnyx-webhooks.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import type { WebhookEvent } from "../../prisma/generated/sqlite/index.js";
import { defineJob } from "./registry.server";
import { PermanentJobError } from "./queue.server";
import { logger } from "~/logger.server";

const Payload = z.object({
  source: z.enum(["shopify", "telnyx"]),
  externalId: z.string(),
  messageIdHint: z.string().optional(),
});
type Payload = z.infer<typeof Payload>;

/** The topics a batch applies together; the rest go one delivery at a time. */
const CHECKOUT_TOPICS: ShopifyTopic[] = ["checkouts/create", "checkouts/update"];

type Delivery = Pick<WebhookEvent, "externalId" | "topic" | "shopDomain">;

const log = logger.child({ component: "webhooks" });

function logIgnored(event: Delivery, result: TopicOutcome) {
  if (result.outcome === "ignored") {
    const fields = { shop: event.shopDomain, topic: event.topic, webhookId: event.externalId, reason: result.reason };
    log.warn(fields, `${event.topic} ${event.externalId} from ${event.shopDomain} ignored: ${result.reason}`);
  }
}

export function ingestWebhookJob(deps: MessagingDeps) {
  const shopifyIngestions = shopifyTopicIngestions(deps);

  async function ingestShopify(txCtx: AppContext, event: WebhookEvent) {
    if (!isShopifyTopic(event.topic) || !event.shopDomain) throw new PermanentJobError(`No ingestion for Shopify topic ${event.topic}`);
    const delivery = { shopDomain: event.shopDomain, webhookId: event.externalId, payload: event.payload };
    logIgnored(event, await shopifyIngestions[event.topic](txCtx, delivery));
  }

  const run = (ctx: AppContext, { source, externalId, messageIdHint }: Payload) =>
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
    });

  // Checkout deliveries that are still unprocessed are marked and loaded by one statement and
  // applied together in one transaction; it returns the ids it applied. Whatever it did not
  // take (other topics, Telnyx, a delivery already processed or erased) goes through `run`.
  const ingestCheckoutBatch = (ctx: AppContext, externalIds: string[]) =>
    inTransaction(ctx, async (txCtx) => {
      const { sql, join } = sqlBuildersOf(txCtx.db);
      const events = await txCtx.db.$queryRaw<(Delivery & { payload: string })[]>(sql`
        UPDATE "WebhookEvent" SET "processedAt" = ${ctx.clock.now()}
        WHERE "source" = 'shopify' AND "externalId" IN (${join(externalIds)}) AND "processedAt" IS NULL
          AND "topic" IN (${join(CHECKOUT_TOPICS)}) AND "shopDomain" IS NOT NULL
        RETURNING "externalId", "topic", "shopDomain", "payload"`);
      // The batch's own order, which is the order the deliveries were claimed in.
      const place = new Map(externalIds.map((id, i) => [id, i]));
      events.sort((a, b) => place.get(a.externalId)! - place.get(b.externalId)!);
      const results = await ingestCheckouts(txCtx, events.map((e) => ({ shopDomain: e.shopDomain!, payload: e.payload })), deps);
      events.forEach((event, i) => logIgnored(event, results[i]!));
      return new Set(events.map((event) => event.externalId));
    });

  return defineJob({
    kind: INGEST_WEBHOOK_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run,
    runBatch(ctx, entries) {
      const shopifyIds = entries.filter((e) => e.payload.source === "shopify").map((e) => e.payload.externalId);
      // If the batch fails, nothing of it was committed, and each delivery goes alone: a bad one
      // then fails its own job, not its neighbours'.
      const applied =
        shopifyIds.length > 1
          ? ingestCheckoutBatch(ctx, shopifyIds).catch((error: unknown) => {
              // The name and code only: a database's message can quote the row's values (phones).
              const { name, code } = error as { name?: string; code?: string };
              const fields = { deliveries: shopifyIds.length, error: [name, code].filter(Boolean).join(" ") };
              log.warn(fields, `a batch of ${shopifyIds.length} deliveries failed; applying them one by one`);
              return new Set<string>();
            })
          : Promise.resolve(new Set<string>());
      return entries.map(({ payload }) =>
        payload.source === "telnyx" ? run(ctx, payload) : applied.then((ids) => (ids.has(payload.externalId) ? undefined : run(ctx, payload))),
      );
    },
  });
}

function isShopifyTopic(topic: string): topic is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(topic);
}
