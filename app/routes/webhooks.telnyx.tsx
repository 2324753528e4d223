import type { ActionFunctionArgs } from "@remix-run/node";
import { deliveryRecorder, env } from "~/services.server";
import { telnyxEndpoint } from "~/messaging/telnyx-endpoint.server";
import { TelnyxPayloadError, TelnyxSignatureError, verifyTelnyxWebhook } from "~/messaging/telnyx-webhooks.server";
import { intakeOptOutOf } from "~/messaging/telnyx-intake.server";
import { plain } from "~/webhooks.server";

// Verify, record once by the event's id (a STOP with its opt-out), acknowledge: Telnyx waits
// at most 2 s. What the event means is applied by the ingest-webhook job.
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return plain(405, "Webhooks are POSTed");
  const rawBody = await request.text();
  try {
    const event = await verifyTelnyxWebhook(rawBody, Object.fromEntries(request.headers), telnyxEndpoint(env).publicKey);
    await deliveryRecorder.record({
      source: "telnyx",
      externalId: event.data.id,
      topic: event.data.event_type,
      payload: rawBody,
      messageIdHint: new URL(request.url).searchParams.get("message") ?? undefined,
      optOut: intakeOptOutOf(event),
    });
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof TelnyxSignatureError) return plain(401, `Invalid Telnyx signature: ${error.message}`);
    if (error instanceof TelnyxPayloadError) return plain(400, error.message);
    throw error;
  }
};
