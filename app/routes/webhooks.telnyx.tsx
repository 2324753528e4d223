import type { ActionFunctionArgs } from "@remix-run/node";
import { appContext, env, messagingDeps } from "~/services.server";
import type { AppContext } from "~/context.server";
import { telnyxEndpoint } from "~/messaging/telnyx-endpoint.server";
import {
  inboundTextFrom,
  TelnyxPayloadError,
  TelnyxSignatureError,
  verifyTelnyxWebhook,
  type TelnyxEvent,
} from "~/messaging/telnyx-webhooks.server";
import { recordOnceAnd } from "~/commerce/webhook-deliveries.server";
import { plain } from "~/webhooks.server";
import { receiveInboundText } from "~/conversations/receive-text.server";
import { applyDeliveryStatus } from "~/messaging/delivery-status.server";
import { recordCarrierOptOut } from "~/messaging/carrier-opt-out.server";

// The effect that commits with the delivery's record: inbound texts (STOP included) and
// delivery receipts are small and must not be lost between acknowledgement and a job.
function effectOf(event: TelnyxEvent, messageIdHint: string | undefined) {
  switch (event.data.event_type) {
    case "message.received": {
      const inbound = inboundTextFrom(event);
      return (txCtx: AppContext) => receiveInboundText(txCtx, inbound, messagingDeps).then(() => undefined);
    }
    case "message.sent":
    case "message.finalized":
      return async (txCtx: AppContext) => {
        const receipt = await applyDeliveryStatus(txCtx, event, { messageIdHint });
        if (receipt.result === "applied" && receipt.optedOutByCarrier) await recordCarrierOptOut(txCtx, receipt.messageId);
      };
    default:
      return async () => undefined;
  }
}

// Verify, record once by the event's id with its effect, acknowledge: Telnyx waits at most 2 s.
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return plain(405, "Webhooks are POSTed");
  const rawBody = await request.text();
  try {
    const event = await verifyTelnyxWebhook(rawBody, Object.fromEntries(request.headers), telnyxEndpoint(env).publicKey);
    const messageIdHint = new URL(request.url).searchParams.get("message") ?? undefined;
    await recordOnceAnd(
      appContext,
      { source: "telnyx", externalId: event.data.id, topic: event.data.event_type, payload: rawBody },
      effectOf(event, messageIdHint),
    );
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof TelnyxSignatureError) return plain(401, `Invalid Telnyx signature: ${error.message}`);
    if (error instanceof TelnyxPayloadError) return plain(400, error.message);
    throw error;
  }
};
