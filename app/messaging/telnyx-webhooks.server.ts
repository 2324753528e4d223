// Telnyx webhooks are Ed25519-signed over "timestamp|body". The SDK's unwrap checks the
// signature and refuses timestamps more than 5 minutes from now (replays).
import Telnyx from "telnyx";
import { webUrl } from "~/web-url";

export interface TelnyxEvent {
  data: { id: string; event_type: string; occurred_at?: string; payload?: unknown };
  meta?: unknown;
}

export class TelnyxSignatureError extends Error {}
export class TelnyxPayloadError extends Error {}

const verifiers = new Map<string, Telnyx>();

function verifierFor(publicKey: string) {
  let client = verifiers.get(publicKey);
  if (!client) {
    // This client only verifies; it never calls the API, so it holds no API key.
    client = new Telnyx({ apiKey: "verification-only", publicKey });
    verifiers.set(publicKey, client);
  }
  return client;
}

export async function verifyTelnyxWebhook(
  rawBody: string,
  headers: Record<string, string>,
  publicKey: string | undefined,
): Promise<TelnyxEvent> {
  if (!publicKey) throw new TelnyxSignatureError("TELNYX_PUBLIC_KEY is not configured");
  let event: unknown;
  try {
    event = await verifierFor(publicKey).webhooks.unwrap(rawBody, { headers, key: publicKey });
  } catch (error) {
    if (error instanceof SyntaxError) throw new TelnyxPayloadError("The webhook body is not JSON");
    throw new TelnyxSignatureError((error as Error).message);
  }
  const data = (event as TelnyxEvent | null)?.data;
  if (!data || typeof data.id !== "string" || typeof data.event_type !== "string") {
    throw new TelnyxPayloadError("The webhook has no data.id or data.event_type");
  }
  return event as TelnyxEvent;
}

interface ReceivedPayload {
  id?: string;
  text?: string | null;
  from?: { phone_number?: string };
  to?: { phone_number?: string }[];
  media?: { url?: string }[];
  autoresponse_type?: string | null;
  received_at?: string | null;
}

// message.received → what the app needs of it; a payload without sender, recipient or id is
// malformed (400), not silently dropped.
export function inboundTextFrom(event: TelnyxEvent) {
  const payload = (event.data.payload ?? {}) as ReceivedPayload;
  const from = payload.from?.phone_number;
  const to = payload.to?.[0]?.phone_number;
  if (!payload.id || !from || !to) {
    throw new TelnyxPayloadError("message.received needs payload.id, from.phone_number and to[0].phone_number");
  }
  return {
    providerMessageId: payload.id,
    from,
    to,
    text: payload.text ?? "",
    receivedAt: receivedAtOf(payload.received_at),
    mediaUrls: (payload.media ?? []).flatMap((m) => webUrl(m.url) ?? []),
    telnyxAutoresponse: payload.autoresponse_type ?? null,
  };
}

// When Telnyx received the shopper's text: the order in which a shopper's keywords count, however
// late each is applied. Null when absent or unreadable (the app's clock stands in).
function receivedAtOf(value: string | null | undefined): Date | null {
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}
