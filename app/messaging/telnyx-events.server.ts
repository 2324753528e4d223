// What a recorded Telnyx event does, run by the ingest-webhook job: an inbound text enters its
// thread (and is answered or routed), a delivery receipt moves its message's status.
import type { AppContext } from "~/context.server";
import { receiveInboundText } from "~/conversations/receive-text.server";
import { applyDeliveryStatus } from "./delivery-status.server";
import { recordCarrierOptOut } from "./carrier-opt-out.server";
import { inboundTextFrom, type TelnyxEvent } from "./telnyx-webhooks.server";
import type { MessagingDeps } from "./messaging-deps";

export async function applyTelnyxEvent(txCtx: AppContext, event: TelnyxEvent, hints: { messageIdHint?: string }, deps: MessagingDeps) {
  switch (event.data.event_type) {
    case "message.received":
      await receiveInboundText(txCtx, inboundTextFrom(event), deps);
      return;
    case "message.sent":
    case "message.finalized": {
      const receipt = await applyDeliveryStatus(txCtx, event, hints);
      if (receipt.result === "applied" && receipt.optedOutByCarrier) await recordCarrierOptOut(txCtx, receipt.messageId);
      return;
    }
  }
}
