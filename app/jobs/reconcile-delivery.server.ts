// reconcile-delivery-status: a text Telnyx accepted whose final receipt never arrived (our app
// was down when Telnyx posted it, or the webhook was lost) is asked about once more, with
// GET /messages/{id}, and settled from Telnyx's answer.
import { z } from "zod";
import { APIError } from "telnyx";
import type { AppContext } from "~/context.server";
import { applyDeliveryStatus } from "~/messaging/delivery-status.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { telnyxClientForShop } from "~/messaging/telnyx-client.server";
import { defineJob } from "./registry.server";
import { enqueueJobs, JOB_PRIORITY, RetryJobAfter } from "./queue.server";

export const RECONCILE_DELIVERY_JOB = "reconcile-delivery-status";
const FIRST_CHECK_MS = 60 * 60 * 1000;
const FINAL_STATUSES = new Set(["delivered", "delivery_failed", "sending_failed", "delivery_unconfirmed"]);

/**
 * Asks Telnyx about each of these texts in an hour (or `at`), should no final receipt have come
 * by then: one job per shop for the texts that left together, so a campaign adds a few jobs, not
 * one per text.
 */
export function scheduleDeliveryReconciliations(ctx: AppContext, messages: { id: string; shopId: string }[], { at }: { at?: Date } = {}) {
  const runAt = at ?? new Date(ctx.clock.now().getTime() + FIRST_CHECK_MS);
  const byShop = new Map<string, string[]>();
  for (const { id, shopId } of messages) byShop.set(shopId, [...(byShop.get(shopId) ?? []), id]);
  return enqueueJobs(
    ctx,
    [...byShop].map(([shopId, messageIds]) => ({
      kind: RECONCILE_DELIVERY_JOB,
      payload: { messageIds },
      shopId,
      runAt,
      priority: JOB_PRIORITY.maintenance,
    })),
  );
}

// Jobs queued before texts were reconciled in batches carry one message id.
const Payload = z.union([z.object({ messageIds: z.array(z.string()).min(1) }), z.object({ messageId: z.string() }).transform(({ messageId }) => ({ messageIds: [messageId] }))]);
/** Telnyx is asked about this many texts of a job at once. */
const LOOKUPS_AT_ONCE = 10;

export function reconcileDeliveryJob(deps: MessagingDeps) {
  return defineJob({
    kind: RECONCILE_DELIVERY_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, { messageIds }) => reconcileDeliveries(ctx, messageIds, deps),
  });
}

// A text settled meanwhile, by its receipt or by an earlier run of this job, is not asked about
// again, so the job retries as a whole until every text of it is settled or given up on.
async function reconcileDeliveries(ctx: AppContext, messageIds: string[], deps: MessagingDeps) {
  const unsettled: string[] = [];
  for (let next = 0; next < messageIds.length; next += LOOKUPS_AT_ONCE) {
    const part = messageIds.slice(next, next + LOOKUPS_AT_ONCE);
    const settled = await Promise.all(part.map((id) => reconcileDelivery(ctx, id, deps)));
    part.forEach((id, i) => settled[i] || unsettled.push(id));
  }
  if (unsettled.length > 0) throw new RetryJobAfter(FIRST_CHECK_MS, `Telnyx has no final status yet for ${unsettled.length} of ${messageIds.length} texts`);
}

/** False while Telnyx has no final status for the text (or could not be asked). */
async function reconcileDelivery(ctx: AppContext, messageId: string, deps: MessagingDeps): Promise<boolean> {
  const message = await ctx.db.message.findUnique({ where: { id: messageId }, include: { shop: true } });
  if (!message?.providerMessageId || !["sending", "sent"].includes(message.status)) return true;
  let answer;
  try {
    answer = await telnyxClientForShop(message.shop, deps).messages.retrieve(message.providerMessageId);
  } catch (error) {
    // Telnyx keeps messages for a limited time: one it no longer knows stays as it stands.
    if (error instanceof APIError && error.status === 404) return true;
    return false;
  }
  const payload = answer.data;
  const recipient = payload?.to?.[0];
  const status = recipient && typeof recipient === "object" && "status" in recipient ? (recipient.status ?? null) : null;
  if (!payload || !status || !FINAL_STATUSES.has(status)) return false;
  await applyDeliveryStatus(ctx, { data: { id: `reconciled:${message.id}`, event_type: "message.finalized", payload } });
  return true;
}
