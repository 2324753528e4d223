import { telnyxErrors, type TelnyxApiError } from "./telnyx-errors.server";
import { countSegments, type RequestedEncoding } from "./telnyx-payloads.server";

/**
 * Validates a POST /v2/messages body against Telnyx's `CreateMessageRequest` (OpenAPI) the way
 * the live API answers: 422 with `{ errors: [...] }` for a missing or malformed field, 400 when
 * `encoding: "gsm7"` is forced on text GSM-7 cannot carry.
 */

export interface ValidSendRequest {
  from: string | null;
  to: string;
  text: string;
  subject: string | null;
  mediaUrls: string[];
  type: "SMS" | "MMS";
  encoding: "GSM-7" | "UCS-2";
  parts: number;
  numChars: number;
  messagingProfileId: string | null;
  webhookUrl: string | null;
  webhookFailoverUrl: string | null;
  useProfileWebhooks: boolean;
}

export type SendRequestCheck =
  | { ok: true; request: ValidSendRequest }
  | { ok: false; status: number; errors: TelnyxApiError[] };

const E164 = /^\+[1-9]\d{1,14}$/;
// From may also be a short code or an alphanumeric sender ID (CreateMessageRequest.from).
const SHORT_CODE = /^\d{5,6}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
// `parts` is 1..10 in OutboundMessagePayload.
const MAX_PARTS = 10;

export function isE164(value: string): boolean {
  return E164.test(value);
}

function optionalString(body: Record<string, unknown>, key: string): string | null | TelnyxApiError {
  const value = body[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return telnyxErrors.badRequest(`The '${key}' parameter must be a string.`, `/${key}`);
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && value.length <= 2000;
  } catch {
    return false;
  }
}

const unprocessable = (error: TelnyxApiError): SendRequestCheck => ({ ok: false, status: 422, errors: [error] });

export function checkSendRequest(body: unknown): SendRequestCheck {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, errors: [telnyxErrors.badRequest("The request body must be a JSON object.")] };
  }
  const fields = body as Record<string, unknown>;
  const strings: Record<string, string | null> = {};
  for (const key of ["to", "from", "text", "subject", "messaging_profile_id", "webhook_url", "webhook_failover_url", "type", "encoding"]) {
    const value = optionalString(fields, key);
    if (typeof value === "object" && value !== null) return unprocessable(value);
    strings[key] = value;
  }

  const to = strings.to;
  if (!to) return unprocessable(telnyxErrors.missingParameter("to"));
  if (!isE164(to)) return unprocessable(telnyxErrors.notE164("to"));

  const from = strings.from;
  const messagingProfileId = strings.messaging_profile_id;
  if (!from && !messagingProfileId) return unprocessable(telnyxErrors.missingParameter("from"));
  if (from && !isE164(from) && !SHORT_CODE.test(from) && !ALPHANUMERIC_SENDER.test(from)) {
    return unprocessable(telnyxErrors.notE164("from"));
  }

  const media = fields.media_urls ?? [];
  if (!Array.isArray(media) || media.some((url) => typeof url !== "string")) {
    return unprocessable(telnyxErrors.badRequest("The 'media_urls' parameter must be a list of URLs.", "/media_urls"));
  }
  const mediaUrls = media as string[];
  const badMedia = mediaUrls.findIndex((url) => !isHttpUrl(url));
  if (badMedia >= 0) return unprocessable(telnyxErrors.invalidUrl(`media_urls/${badMedia}`));

  const text = strings.text ?? "";
  if (text === "" && mediaUrls.length === 0) return unprocessable(telnyxErrors.missingParameter("text"));

  const type = strings.type ?? (mediaUrls.length > 0 ? "MMS" : "SMS");
  if (type !== "SMS" && type !== "MMS") {
    return unprocessable(telnyxErrors.badRequest("The 'type' parameter must be one of: SMS, MMS.", "/type"));
  }
  // The double refuses rather than guessing whether Telnyx would drop the media or upgrade to MMS.
  if (type === "SMS" && mediaUrls.length > 0) {
    return unprocessable(telnyxErrors.badRequest("SMS messages cannot carry media; use type MMS.", "/media_urls"));
  }

  for (const key of ["webhook_url", "webhook_failover_url"] as const) {
    const url = strings[key];
    if (url && !isHttpUrl(url)) return unprocessable(telnyxErrors.invalidUrl(key));
  }

  const encodingParam = strings.encoding ?? "auto";
  if (!["auto", "gsm7", "ucs2"].includes(encodingParam)) {
    return unprocessable(telnyxErrors.badRequest("The 'encoding' parameter must be one of: auto, gsm7, ucs2.", "/encoding"));
  }
  let segments: ReturnType<typeof countSegments>;
  try {
    segments = countSegments(text, encodingParam as RequestedEncoding);
  } catch {
    return {
      ok: false,
      status: 400,
      errors: [telnyxErrors.badRequest("The message text contains characters that cannot be encoded in GSM-7.", "/text")],
    };
  }
  // An MMS travels as one message whatever the text length.
  const parts = type === "MMS" ? 1 : segments.parts;
  if (parts > MAX_PARTS) {
    return unprocessable(telnyxErrors.badRequest(`The message text needs ${parts} parts; at most ${MAX_PARTS} are allowed.`, "/text"));
  }

  const useProfileWebhooks = fields.use_profile_webhooks;
  if (useProfileWebhooks !== undefined && typeof useProfileWebhooks !== "boolean") {
    return unprocessable(telnyxErrors.badRequest("The 'use_profile_webhooks' parameter must be a boolean.", "/use_profile_webhooks"));
  }

  return {
    ok: true,
    request: {
      from,
      to,
      text,
      subject: strings.subject,
      mediaUrls,
      type,
      encoding: segments.encoding,
      parts,
      numChars: segments.numChars,
      messagingProfileId,
      webhookUrl: strings.webhook_url,
      webhookFailoverUrl: strings.webhook_failover_url,
      useProfileWebhooks: useProfileWebhooks ?? true,
    },
  };
}
