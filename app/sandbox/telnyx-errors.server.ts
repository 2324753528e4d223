/**
 * Telnyx's `{ errors: [...] }` entries (OpenAPI `messaging_Error`) with the codes documented at
 * developers.telnyx.com/api/errors/<code>. Where Telnyx documents no specific code for a check the
 * double makes, it answers with the generic 10015 Bad Request.
 */

/** One entry of Telnyx's `{ errors: [...] }` body (OpenAPI `messaging_Error`). */
export interface TelnyxApiError {
  code: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
}

/** Telnyx's error codes (developers.telnyx.com/api/errors/<code>) used by the double. */
export const telnyxErrors = {
  authenticationFailed: (): TelnyxApiError => ({
    code: "10009",
    title: "Authentication failed",
    detail: "The required authentication headers were either invalid or not included in the request.",
    meta: { url: "https://developers.telnyx.com/docs/overview/errors/10009" },
  }),
  missingParameter: (name: string): TelnyxApiError => ({
    code: "10004",
    title: "Missing required parameter",
    detail: `The '${name}' parameter is required and cannot be blank.`,
    source: { pointer: `/${name}` },
  }),
  notE164: (name: string): TelnyxApiError => ({
    code: "10016",
    title: "Phone number must be in +E164 format",
    detail: `The '${name}' parameter must be in E164 format.`,
    source: { pointer: `/${name}` },
  }),
  invalidUrl: (name: string): TelnyxApiError => ({
    code: "10003",
    title: "Invalid URL",
    detail: "The URL provided was invalid, malformed, or too long. URLs can be a maximum of 2000 characters.",
    source: { pointer: `/${name}` },
  }),
  badRequest: (detail: string, pointer?: string): TelnyxApiError => ({
    code: "10015",
    title: "Bad Request",
    detail,
    ...(pointer ? { source: { pointer } } : {}),
  }),
  notFound: (): TelnyxApiError => ({
    code: "10005",
    title: "Resource not found",
    detail: "The requested resource or URL could not be found.",
  }),
  fromNotOwned: (from: string): TelnyxApiError => ({
    code: "40300",
    title: "Forbidden",
    detail: `The from number ${from} is not assigned to a messaging profile.`,
    meta: { url: "https://developers.telnyx.com/docs/messaging/messages/error-codes" },
  }),
  unexpected: (): TelnyxApiError => ({
    code: "10007",
    title: "Unexpected error",
    detail: "An unexpected error occured.",
  }),
  tooManyRequests: (): TelnyxApiError => ({
    code: "10011",
    title: "Too many requests",
    detail: "You have exceeded the maximum number of allowed requests.",
  }),
  // HTTP 429 per developers.telnyx.com/api/errors/40318.
  queueFull: (): TelnyxApiError => ({
    code: "40318",
    title: "Message queue full",
    detail: "Message queue is full. Wait before resending.",
  }),
  // fixtures/telnyx/message-finalized-failed.errors-fragment.json
  destinationUnreachable: (): TelnyxApiError => ({
    code: "40300",
    title: "Destination number unreachable",
    detail: "The destination number is not reachable on the carrier network.",
    source: { pointer: "/to/0/phone_number" },
  }),
};
