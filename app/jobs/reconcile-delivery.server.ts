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
import { enqueueJob, enqueueJobs, JOB_PRIORITY, RetryJobAfter } from "./queue.server";

export const RECONCILE_DELIVERY_JOB = "reconcile-delivery-status";
const FIRST_CHECK_MS = 60 * 60 * 1000;
const FINAL_STATUSES = new Set(["delivered", "delivery_failed", "sending_failed", "delivery_unconfirmed"]);

/** Asks Telnyx about each of these texts in an hour, should no final receipt have come by then. */
export function scheduleDeliveryReconciliations(ctx: AppContext, messages: { id: string; shopId: string }[]) {
  const runAt = new Date(ctx.clock.now().getTime() + FIRST_CHECK_MS);
  return enqueueJobs(
    ctx,
    messages.map((message) => ({
      kind: RECONCILE_DELIVERY_JOB,
      payload: { messageId: message.id },
      shopId: message.shopId,
      runAt,
      priority: JOB_PRIORITY.maintenance,
      dedupeKey: `${RECONCILE_DELIVERY_JOB}:${message.id}`,
    })),
  );
}

export function reconcileDeliveryJob(deps: MessagingDeps) {
  return defineJob({
    kind: RECONCILE_DELIVERY_JOB,
    parsePayload: (raw) => z.object({ messageId: z.string() }).parse(raw),
    run: (ctx, { messageId }) => reconcileDelivery(ctx, messageId, deps),
  });
}

async function reconcileDelivery(ctx: AppContext, messageId: string, deps: MessagingDeps) {
  const message = await ctx.db.message.findUnique({ where: { id: messageId }, include: { shop: true } });
  if (!message?.providerMessageId || !["sending", "sent"].includes(message.status)) return;
  let answer;
  try {
    answer = await telnyxClientForShop(message.shop, deps).messages.retrieve(message.providerMessageId);
  } catch (error) {
    // Telnyx keeps messages for a limited time: one it no longer knows stays as it stands.
    if (error instanceof APIError && error.status === 404) return;
    throw error;
  }
  const payload = answer.data;
  const recipient = payload?.to?.[0];
  const status = recipient && typeof recipient === "object" && "status" in recipient ? (recipient.status ?? null) : null;
  if (!payload || !status || !FINAL_STATUSES.has(status)) {
    throw new RetryJobAfter(FIRST_CHECK_MS, `Telnyx still reports ${status ?? "no status"}`);
  }
  await applyDeliveryStatus(ctx, { data: { id: `reconciled:${message.id}`, event_type: "message.finalized", payload } });
}
