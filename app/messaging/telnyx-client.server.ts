// The official Telnyx SDK, configured per shop, and how to read the errors it raises.
import Telnyx, { APIConnectionError, APIConnectionTimeoutError, APIError } from "telnyx";
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import { decryptSecret } from "./secrets.server";
import { telnyxEndpoint } from "./telnyx-endpoint.server";
import { telnyxFetch } from "./telnyx-fetch.server";

export interface TelnyxClientOptions {
  /** base64 AES-256 key that sealed Shop.telnyxApiKeyEncrypted (TEXTBACK_ENCRYPTION_KEY). */
  encryptionKey: string;
  env: { TELNYX_BASE_URL?: string; TELNYX_PUBLIC_KEY?: string };
  /** How long one request may take. Default 15 s: Telnyx answers a send in well under 1 s. */
  timeoutMs?: number;
}

export class TelnyxNotConfiguredError extends Error {
  constructor(shopId: string) {
    super(`Shop ${shopId} has no Telnyx API key`);
    this.name = "TelnyxNotConfiguredError";
  }
}

export const DEFAULT_TELNYX_TIMEOUT_MS = 15_000;
const MAX_CACHED_CLIENTS = 500;
const clients = new Map<string, Telnyx>();

/**
 * The SDK client for one shop's key. SDK retries are off (`maxRetries: 0`): a send is retried
 * by its job, which knows whether the message may already have gone out; the SDK's own
 * retries (on timeouts too) could send one text twice. Clients are cached per shop and sealed
 * key, so a rotated key gets a new client and the key is decrypted once.
 */
export function telnyxClientForShop(
  shop: Pick<Shop, "id" | "telnyxApiKeyEncrypted">,
  options: TelnyxClientOptions,
): Telnyx {
  if (!shop.telnyxApiKeyEncrypted) throw new TelnyxNotConfiguredError(shop.id);
  const { baseURL } = telnyxEndpoint(options.env);
  const timeout = options.timeoutMs ?? DEFAULT_TELNYX_TIMEOUT_MS;
  const cacheKey = JSON.stringify([shop.id, shop.telnyxApiKeyEncrypted, baseURL ?? null, timeout]);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Telnyx({
      apiKey: decryptSecret(shop.telnyxApiKeyEncrypted, options.encryptionKey),
      // Left out when unset so the SDK's default (api.telnyx.com/v2) applies.
      ...(baseURL ? { baseURL } : {}),
      maxRetries: 0,
      timeout,
      fetch: telnyxFetch,
    });
    // Oldest first out: a Map iterates in insertion order.
    if (clients.size >= MAX_CACHED_CLIENTS) clients.delete(clients.keys().next().value!);
    clients.set(cacheKey, client);
  }
  return client;
}

/** One entry of Telnyx's `{ errors: [...] }` body. */
export interface TelnyxErrorEntry {
  code: string | null;
  title: string | null;
  detail: string | null;
}

/** The first entry of an API error's `{ errors: [...] }` body, if it has one. */
export function firstTelnyxError(error: APIError): TelnyxErrorEntry | null {
  const errors = (error.error as { errors?: unknown } | undefined)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as Record<string, unknown> | undefined) : undefined;
  if (!first || typeof first !== "object") return null;
  const text = (value: unknown) => (value === undefined || value === null ? null : String(value));
  return { code: text(first.code), title: text(first.title), detail: text(first.detail) };
}

// Codes checked against Telnyx's documentation (developers.telnyx.com/api/errors/<code>).
export const TELNYX_ERROR = {
  /** "Blocked due to STOP message", HTTP 409: the recipient texted STOP to this number. */
  blockedByStop: "40300",
  /** "Message queue full", HTTP 429: too many messages queued for the account or number. */
  queueFull: "40318",
  /** "Too many requests", HTTP 429. */
  tooManyRequests: "10011",
} as const;

/**
 * Whether Telnyx refused because the recipient opted out (texted STOP to the number). Telnyx
 * publishes code 40300 with other titles too ("Forbidden: the from number is not assigned",
 * "Destination number unreachable"), so the code alone does not say opt-out: the documented
 * block answers with HTTP 409 and title "Blocked due to STOP message" / "… existing block rule".
 */
export function isBlockedByStop(entry: TelnyxErrorEntry | null, httpStatus?: number): boolean {
  if (entry?.code !== TELNYX_ERROR.blockedByStop) return false;
  if (httpStatus === 409) return true;
  return /\bSTOP\b|block rule/i.test(`${entry.title ?? ""} ${entry.detail ?? ""}`);
}

// Connection failures that happen before a single byte of the request can reach Telnyx.
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * True when the request certainly never reached Telnyx (refused connection, unknown host), so
 * sending again cannot duplicate a text. A timeout or a connection dropped mid-request is not
 * such a case: Telnyx may have accepted the message.
 */
export function neverReachedTelnyx(error: unknown): boolean {
  if (!(error instanceof APIConnectionError) || error instanceof APIConnectionTimeoutError) return false;
  // The SDK wraps fetch's TypeError, which wraps the socket error carrying the code.
  for (let cause: unknown = error.cause, depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && NEVER_CONNECTED.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
