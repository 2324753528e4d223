// send-text: ask the gate once more (consent may have changed, a held text may now be in its
// window), then hand the text to Telnyx.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { recordCarrierOptOut } from "~/messaging/carrier-opt-out.server";
import { decideText } from "~/messaging/sender-gate.server";
import { transmitMessage } from "~/messaging/transmit.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import type { TextPurpose } from "~/messaging/text-purpose";
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
  const message = await ctx.db.message.findUnique({ where: { id: messageId }, include: { shop: true, contact: true } });
  if (!message?.contact) return;
  // A run interrupted by a crash. Without Telnyx's id the hand-off may or may not have reached
  // Telnyx, so it is never sent again; with it, Telnyx has the text and is asked about it later.
  if (message.status === "sending" || message.status === "sent") {
    if (message.providerMessageId) await scheduleDeliveryReconciliation(ctx, message);
    else if (message.status === "sending") await scheduleUnconfirmedSendExpiry(ctx, message);
    return;
  }
  if (!["queued", "held"].includes(message.status)) return;
  const decision = await decideText(
    ctx,
    {
      shop: message.shop,
      contact: message.contact,
      purpose: message.purpose as TextPurpose,
      segments: message.segments,
      requestedAt: message.occurredAt,
      messageId: message.id,
    },
    deps.secrets,
  );
  if (decision.verdict === "refuse") {
    await settle(ctx, messageId, message.status, { status: "refused", holdReason: JSON.stringify(decision.reason), holdUntil: null });
    return;
  }
  if (decision.verdict === "hold") {
    await settle(ctx, messageId, message.status, { status: "held", holdReason: JSON.stringify(decision.reason), holdUntil: decision.until });
    throw new RetryJobAfter(decision.until.getTime() - ctx.clock.now().getTime(), "held by the sender gate");
  }
  if (message.status === "held") {
    await settle(ctx, messageId, "held", { status: "queued", holdReason: null, holdUntil: null });
  }
  const outcome = await transmitMessage(ctx, messageId, deps);
  if (outcome.optedOutByCarrier) await recordCarrierOptOut(ctx, messageId);
  if (outcome.result === "outcome_unknown") await scheduleUnconfirmedSendExpiry(ctx, message);
  if (outcome.result === "accepted") await scheduleDeliveryReconciliation(ctx, message);
}

// Conditional on the status read, so a concurrent STOP that cancelled the text wins.
async function settle(ctx: AppContext, id: string, from: string, data: { status: string; holdReason: string | null; holdUntil: Date | null }) {
  await ctx.db.message.updateMany({ where: { id, status: from }, data });
}
