// A text whose hand-off to Telnyx ended without an answer (a crash or a timeout mid-request)
// is never sent again, to avoid a duplicate. A day later it is settled: if a receipt taught us
// Telnyx's id meanwhile but no final receipt came (the app was down when Telnyx posted it),
// Telnyx is asked; with no id at all, it ends as failed with that reason.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { moveMessages } from "~/messaging/message-lifecycle.server";
import { defineJob } from "./registry.server";
import { enqueueJob } from "./queue.server";
import { scheduleDeliveryReconciliations } from "./reconcile-delivery.server";

export const EXPIRE_UNCONFIRMED_SEND_JOB = "expire-unconfirmed-send";
const RECEIPT_GRACE_MS = 24 * 60 * 60 * 1000;

export function scheduleUnconfirmedSendExpiry(ctx: AppContext, message: { id: string; shopId: string }) {
  return enqueueJob(ctx, {
    kind: EXPIRE_UNCONFIRMED_SEND_JOB,
    payload: { messageId: message.id },
    shopId: message.shopId,
    runAt: new Date(ctx.clock.now().getTime() + RECEIPT_GRACE_MS),
    dedupeKey: `${EXPIRE_UNCONFIRMED_SEND_JOB}:${message.id}`,
  });
}

export const expireUnconfirmedSendJob = defineJob({
  kind: EXPIRE_UNCONFIRMED_SEND_JOB,
  parsePayload: (raw) => z.object({ messageId: z.string() }).parse(raw),
  async run(ctx, { messageId }) {
    const moved = await moveMessages(ctx.db, {
      where: { id: messageId, providerMessageId: null },
      from: ["sending"],
      to: "failed",
      data: { errorCode: "outcome_unknown", errorDetail: "Telnyx never confirmed this text; it was not sent again to avoid a duplicate" },
    });
    if (moved.size > 0) return;
    const learnt = await ctx.db.message.findFirst({
      where: { id: messageId, providerMessageId: { not: null }, status: { in: ["sending", "sent"] } },
      select: { id: true, shopId: true },
    });
    if (learnt) await scheduleDeliveryReconciliations(ctx, [learnt], { at: ctx.clock.now() });
  },
});
