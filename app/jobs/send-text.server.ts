// send-text: hand a waiting text to Telnyx. The sender gate decides once more just before it
// leaves (consent may have changed, a held text may now be in its window).
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { recordCarrierOptOut } from "~/messaging/carrier-opt-out.server";
import { transmitMessage } from "~/messaging/transmit.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";
import { RetryJobAfter } from "./queue.server";
import { scheduleUnconfirmedSendExpiry } from "./expire-unconfirmed-send.server";
import { scheduleDeliveryReconciliation } from "./reconcile-delivery.server";

const Payload = z.object({ messageId: z.string() });

export function sendTextJob(deps: MessagingDeps) {
  return defineJob({
    kind: SEND_TEXT_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, { messageId }) => sendText(ctx, messageId, deps),
  });
}

async function sendText(ctx: AppContext, messageId: string, deps: MessagingDeps) {
  const message = await ctx.db.message.findUnique({ where: { id: messageId } });
  if (!message?.contactId) return;
  // A run interrupted by a crash. Without Telnyx's id the hand-off may or may not have reached
  // Telnyx, so it is never sent again; with it, Telnyx has the text and is asked about it later.
  if (message.status === "sending" || message.status === "sent") {
    if (message.providerMessageId) await scheduleDeliveryReconciliation(ctx, message);
    else if (message.status === "sending") await scheduleUnconfirmedSendExpiry(ctx, message);
    return;
  }
  if (!["queued", "held"].includes(message.status)) return;
  const outcome = await transmitMessage(ctx, messageId, deps);
  if (outcome.result === "gated" && outcome.decision.verdict === "hold") {
    throw new RetryJobAfter(outcome.decision.until.getTime() - ctx.clock.now().getTime(), "held by the sender gate");
  }
  if (outcome.optedOutByCarrier) await recordCarrierOptOut(ctx, messageId);
  if (outcome.result === "outcome_unknown") await scheduleUnconfirmedSendExpiry(ctx, message);
  if (outcome.result === "accepted") await scheduleDeliveryReconciliation(ctx, message);
}
