import type { ActionFunctionArgs } from "@remix-run/node";
import { appContext, env } from "~/services.server";
import { telnyxEndpoint } from "~/messaging/telnyx-endpoint.server";
import {
  TelnyxPayloadError,
  TelnyxSignatureError,
  verifyTelnyxWebhook,
} from "~/messaging/telnyx-webhooks.server";
import { recordWebhookDelivery } from "~/commerce/webhook-deliveries.server";

function plain(status: number, message: string) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain" } });
}

// Verify, record once by the event's id, acknowledge: Telnyx waits at most 2 s.
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return plain(405, "Webhooks are POSTed");
  const rawBody = await request.text();
  try {
    const event = await verifyTelnyxWebhook(
      rawBody,
      Object.fromEntries(request.headers),
      telnyxEndpoint(env).publicKey,
    );
    await recordWebhookDelivery(appContext, {
      source: "telnyx",
      externalId: event.data.id,
      topic: event.data.event_type,
      payload: rawBody,
    });
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof TelnyxSignatureError) return plain(401, `Invalid Telnyx signature: ${error.message}`);
    if (error instanceof TelnyxPayloadError) return plain(400, error.message);
    throw error;
  }
};
