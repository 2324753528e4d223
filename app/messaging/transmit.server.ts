// Hands one waiting (queued or held) outbound message to Telnyx, exactly once, when its
// number's send slot has come and the sender gate's last check (send-claim.server.ts) says yes.
//
// "Exactly once" rests on the status column: the claim moves the row to sending before the
// request leaves, so no second worker (or retry) can send it, and a row found in "sending" is
// never sent again: the request may have reached Telnyx before a crash or a timeout. Its late
// status webhook (webhook_url carries our message id) settles it.
import { APIError } from "telnyx";
import type { AppContext } from "../context.server";
import { PermanentJobError, RetryJobAfter } from "../jobs/queue.server";
import { estimateCost } from "./segments";
import { claimForSending } from "./send-claim.server";
import type { GateSecrets } from "./sender-gate.server";
import type { GateDecision } from "./gate-reasons";
import { reserveSendSlot, sendsPerSecondFor, shopRateOverrides, waitForSendSlot } from "./send-rate.server";
import {
  firstTelnyxError,
  isBlockedByStop,
  neverReachedTelnyx,
  telnyxClientForShop,
  TELNYX_ERROR,
  type TelnyxClientOptions,
} from "./telnyx-client.server";

export interface TransmitOptions extends TelnyxClientOptions {
  secrets: GateSecrets;
  /** The app's public URL; status webhooks come back to `${appUrl}/webhooks/telnyx`. */
  appUrl: string;
  /** Real time for the per-number rate (see send-rate.server.ts). Default: the system clock. */
  realNow?: () => Date;
  sleep?: (ms: number) => Promise<unknown>;
  /** The shop's rate for its number; default by Shop.sendingNumberType (1/s, toll-free 20/s). */
  sendsPerSecond?: number;
  maxSlotWaitMs?: number;
  /** Shorter for tests; see DEFAULT_TELNYX_TIMEOUT_MS. */
  timeoutMs?: number;
}

export type TransmitOutcome = { optedOutByCarrier: boolean } & (
  | { result: "accepted"; providerMessageId: string; segments: number; encoding: string; cost: string }
  /** Telnyx refused the message; it is "failed" and will not be retried. */
  | { result: "failed"; errorCode: string; errorDetail: string }
  /** The row stays "sending": Telnyx may or may not have it. Never sent again. */
  | { result: "outcome_unknown"; reason: string }
  /** Nothing to do: the message is not waiting (already handed over, refused, cancelled …). */
  | { result: "not_sendable"; status: string }
  /** The gate's last check held or refused it; the message says why. */
  | { result: "gated"; decision: Exclude<GateDecision, { verdict: "send" }> }
);

/** Without a Retry-After header, come back after this long. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

export function statusWebhookUrl(appUrl: string, messageId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/webhooks/telnyx?message=${encodeURIComponent(messageId)}`;
}

export async function transmitMessage(ctx: AppContext, messageId: string, options: TransmitOptions): Promise<TransmitOutcome> {
  const message = await ctx.db.message.findUnique({ where: { id: messageId }, include: { shop: true } });
  if (!message) throw new PermanentJobError(`Message ${messageId} does not exist`);
  if (message.direction !== "outbound") throw new PermanentJobError(`Message ${messageId} is not outbound`);
  if (message.status !== "queued" && message.status !== "held") return standing(message);
  const { shop } = message;
  const from = shop.sendingNumber;
  if (!from || !shop.telnyxApiKeyEncrypted) {
    return fail(ctx, messageId, message.status, { code: "not_configured", detail: "The shop has no Telnyx API key or sending number" });
  }
  const client = telnyxClientForShop(shop, options);

  // Book the number's slot before claiming: RetryJobAfter leaves the row waiting, untouched.
  const realNow = options.realNow ?? (() => new Date());
  const perSecond = options.sendsPerSecond ?? sendsPerSecondFor(shop.sendingNumberType, shopRateOverrides(shop.settings));
  const slot = await reserveSendSlot(ctx, { number: from, perSecond, maxWaitMs: options.maxSlotWaitMs, realNow });
  await waitForSendSlot(slot, { realNow, sleep: options.sleep });

  // Whatever changed during the wait (a STOP, another text against the cap) is decided now.
  const claim = await claimForSending(ctx, message, from, options.secrets);
  if (!claim.claimed) {
    if (claim.decision && claim.decision.verdict !== "send") return { result: "gated", decision: claim.decision, optedOutByCarrier: false };
    // Another attempt claimed it, or a STOP cancelled it, while this one waited.
    return { result: "not_sendable", status: claim.status, optedOutByCarrier: false };
  }

  const mediaUrls = JSON.parse(message.mediaUrls) as string[];
  let data;
  try {
    ({ data } = await client.messages.send({
      from,
      to: message.toNumber,
      text: message.body,
      ...(shop.telnyxMessagingProfileId ? { messaging_profile_id: shop.telnyxMessagingProfileId } : {}),
      ...(mediaUrls.length > 0 ? { media_urls: mediaUrls } : {}),
      webhook_url: statusWebhookUrl(options.appUrl, messageId),
      // Status webhooks go to webhook_url only, never also to the profile's URL.
      use_profile_webhooks: false,
    }));
  } catch (error) {
    return settleSendError(ctx, messageId, error, realNow);
  }

  if (!data?.id) return unknownOutcome(ctx, messageId, "Telnyx answered 200 without a message id");
  const segments = data.parts ?? message.segments;
  const cost = data.cost?.amount != null ? String(data.cost.amount) : String(estimateCost(segments, shop.costPerSegment.toString()));
  const encoding = data.encoding ?? message.encoding;
  // Status stays "sending" until message.sent; a status webhook that already arrived (by the
  // webhook_url hint) may have moved it on, so only the provider's facts are written here.
  await ctx.db.message.update({ where: { id: messageId }, data: { providerMessageId: data.id, segments, encoding, cost } });
  return { result: "accepted", providerMessageId: data.id, segments, encoding, cost, optedOutByCarrier: false };
}

/** The outcome for a message found not queued. */
function standing(message: { status: string; providerMessageId: string | null }): TransmitOutcome {
  if (message.status === "sending" && !message.providerMessageId) {
    return {
      result: "outcome_unknown",
      reason: "An earlier attempt claimed this message and its outcome is unknown; it is never sent twice",
      optedOutByCarrier: false,
    };
  }
  return { result: "not_sendable", status: message.status, optedOutByCarrier: false };
}

async function settleSendError(ctx: AppContext, messageId: string, error: unknown, realNow: () => Date): Promise<TransmitOutcome> {
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const entry = firstTelnyxError(error);
    const described = `Telnyx answered ${status}${entry?.code ? ` (${entry.code} ${entry.title ?? ""})` : ""}`.trim();
    if (status === 429 || entry?.code === TELNYX_ERROR.queueFull) {
      await requeue(ctx, messageId, entry?.code ?? "429", described);
      throw new RetryJobAfter(retryAfterMs(error.headers, realNow) ?? DEFAULT_RETRY_AFTER_MS, described);
    }
    // A gateway timeout means a proxy stopped waiting for Telnyx, which may have taken the message.
    if (status === 504) return unknownOutcome(ctx, messageId, described);
    if (status >= 500) {
      await requeue(ctx, messageId, entry?.code ?? String(status), described);
      throw new Error(`${described}: the job will retry`, { cause: error });
    }
    const refusal = {
      code: entry?.code ?? `http_${status}`,
      detail: [entry?.title, entry?.detail].filter(Boolean).join(": ") || error.message,
    };
    return fail(ctx, messageId, "sending", refusal, isBlockedByStop(entry, status));
  }
  if (neverReachedTelnyx(error)) {
    await requeue(ctx, messageId, null, `Could not connect to Telnyx: ${(error as Error).message}`);
    throw error;
  }
  // A timeout or a connection lost mid-request: Telnyx may have accepted the message.
  return unknownOutcome(ctx, messageId, error instanceof Error ? error.message : String(error));
}

async function requeue(ctx: AppContext, id: string, errorCode: string | null, errorDetail: string) {
  await ctx.db.message.updateMany({ where: { id, status: "sending" }, data: { status: "queued", errorCode, errorDetail } });
}

async function fail(
  ctx: AppContext,
  id: string,
  from: string,
  error: { code: string; detail: string },
  optedOutByCarrier = false,
): Promise<TransmitOutcome> {
  await ctx.db.message.updateMany({
    where: { id, status: from },
    data: { status: "failed", errorCode: error.code, errorDetail: error.detail },
  });
  return { result: "failed", errorCode: error.code, errorDetail: error.detail, optedOutByCarrier };
}

async function unknownOutcome(ctx: AppContext, id: string, reason: string): Promise<TransmitOutcome> {
  await ctx.db.message.updateMany({
    where: { id, status: "sending" },
    data: { errorDetail: `outcome unknown: ${reason}`.slice(0, 1_000) },
  });
  return { result: "outcome_unknown", reason, optedOutByCarrier: false };
}

/** Retry-After as seconds or an HTTP date (RFC 9110), or the SDK's retry-after-ms. */
function retryAfterMs(headers: Headers | undefined, realNow: () => Date): number | null {
  const ms = Number(headers?.get("retry-after-ms"));
  if (headers?.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - realNow().getTime());
}
