// send-text: hand waiting texts to Telnyx. The sender gate decides once more just before they
// leave (consent may have changed, a held text may now be in its window). The texts one claim
// took go together: one read, one slot booking, a few statements per wave of last checks.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { recordCarrierOptOut } from "~/messaging/carrier-opt-out.server";
import { transmitMessages, type TransmitOutcome } from "~/messaging/transmit.server";
import { SEND_TEXT_JOB } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { coalesce, onePer } from "./coalesce";
import { defineJob } from "./registry.server";
import { RetryJobAfter } from "./queue.server";
import { scheduleUnconfirmedSendExpiry } from "./expire-unconfirmed-send.server";
import { scheduleDeliveryReconciliations } from "./reconcile-delivery.server";

const Payload = z.object({ messageId: z.string() });

export function sendTextJob(deps: MessagingDeps) {
  return defineJob({
    kind: SEND_TEXT_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, { messageId }) => sendTexts(ctx, [messageId], deps)[0]!,
    runBatch: (ctx, entries) => sendTexts(ctx, entries.map((entry) => entry.payload.messageId), deps),
  });
}

// Telnyx's answers come back over a few milliseconds, for every batch in flight: their
// follow-ups are enqueued together.
const reconcilerFor = onePer((ctx: AppContext, _deps: MessagingDeps) =>
  coalesce(
    async (messages: { id: string; shopId: string }[]) => {
      await scheduleDeliveryReconciliations(ctx, messages);
      return messages.map(() => undefined);
    },
    { windowMs: 25 },
  ),
);

function sendTexts(ctx: AppContext, messageIds: string[], deps: MessagingDeps): Promise<void>[] {
  const reconcileLater = reconcilerFor(ctx, deps);
  return transmitMessages(ctx, messageIds, deps).map((outcome, i) =>
    outcome.then((settled) => followUp(ctx, messageIds[i]!, settled, reconcileLater)),
  );
}

async function followUp(
  ctx: AppContext,
  messageId: string,
  outcome: TransmitOutcome,
  reconcileLater: (message: { id: string; shopId: string }) => Promise<void>,
) {
  if (outcome.result === "gated" && outcome.decision.verdict === "hold") {
    throw new RetryJobAfter(outcome.decision.until.getTime() - ctx.clock.now().getTime(), "held by the sender gate");
  }
  if (outcome.optedOutByCarrier) await recordCarrierOptOut(ctx, messageId);
  const { shopId } = outcome;
  if (!shopId) return;
  // Without Telnyx's id the hand-off may or may not have reached Telnyx (a crash, a timeout),
  // so it is never sent again; with it, Telnyx has the text and is asked about it later.
  if (outcome.result === "outcome_unknown") await scheduleUnconfirmedSendExpiry(ctx, { id: messageId, shopId });
  const handedOver = outcome.result === "not_sendable" && outcome.providerMessageId && ["sending", "sent"].includes(outcome.status);
  if (outcome.result === "accepted" || handedOver) await reconcileLater({ id: messageId, shopId });
}
