// Hands waiting (queued or held) outbound messages to Telnyx, each exactly once, when its
// number's send slot has come and the sender gate's last check (send-claim.server.ts) says yes.
//
// "Exactly once" rests on the status column: the claim moves the row to sending before the
// request leaves, so no second worker (or retry) can send it, and a row found in "sending" is
// never sent again: the request may have reached Telnyx before a crash or a timeout. Its late
// status webhook (webhook_url carries our message id) settles it.
import { setTimeout as sleepFor } from "node:timers/promises";
import Telnyx, { APIError } from "telnyx";
import type { Message, Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "../context.server";
import { rowsWithIds, sqlBuildersOf } from "../db.server";
import { coalesce, onePer, settleLater } from "../jobs/coalesce";
import { PermanentJobError, RetryJobAfter } from "../jobs/queue.server";
import { moveMessage, moveMessagesWithIds, WAITING_TO_SEND, type MessageStatus } from "./message-lifecycle.server";
import { estimateCost } from "./segments";
import { claimForSending, type ClaimRequest, type SendClaim } from "./send-claim.server";
import type { GateSecrets } from "./sender-gate.server";
import type { GateDecision } from "./gate-reasons";
import { createSenderPacer, lineUpBacklog, numberBucketKey, pauseSender, reserveSendSlots, sendBucketsFor, type SendBucket } from "./send-rate.server";
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
  maxSlotWaitMs?: number;
  /** Shorter for tests; see DEFAULT_TELNYX_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** `shopId` is the message's shop, null when the message no longer exists. */
export type TransmitOutcome = Outcome & { shopId: string | null };

type Outcome = { optedOutByCarrier: boolean } & (
  | { result: "accepted"; providerMessageId: string; segments: number; encoding: string; cost: string }
  /** Telnyx refused the message; it is "failed" and will not be retried. */
  | { result: "failed"; errorCode: string; errorDetail: string }
  /** The row stays "sending": Telnyx may or may not have it. Never sent again. */
  | { result: "outcome_unknown"; reason: string }
  /** Nothing to do: the message is not waiting (already handed over, refused, cancelled …). */
  | { result: "not_sendable"; status: string; providerMessageId: string | null }
  /** The gate's last check held or refused it; the message says why. */
  | { result: "gated"; decision: Exclude<GateDecision, { verdict: "send" }> }
);

/** Without a Retry-After header, come back after this long. */
const DEFAULT_RETRY_AFTER_MS = 5_000;

export function statusWebhookUrl(appUrl: string, messageId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/webhooks/telnyx?message=${encodeURIComponent(messageId)}`;
}

export async function transmitMessage(ctx: AppContext, messageId: string, options: TransmitOptions): Promise<TransmitOutcome> {
  return transmitMessages(ctx, [messageId], options)[0]!;
}

type Outbound = Message & { shop: Shop };
interface Pending {
  message: Outbound;
  settle: ReturnType<typeof settleLater<Outcome>>;
}

/** A wave's last check is made this long before its first slot, so its requests leave on time. */
const CLAIM_AHEAD_MS = 40;
/** Waves of several shops due within this long of each other are checked in one transaction. */
const CLAIM_GATHER_MS = 15;

/**
 * Transmits many messages at once: one read, one slot booking per shop, the gate's last check
 * per wave of texts whose slots have come (a few statements each), and then every request on
 * its own, so a slow one holds none of the others back. One outcome per id, in order; a
 * rejection is the job's to retry (RetryJobAfter, a connection error) or fail (PermanentJobError).
 */
export function transmitMessages(ctx: AppContext, messageIds: string[], options: TransmitOptions): Promise<TransmitOutcome>[] {
  const settles = messageIds.map(() => settleLater<Outcome>());
  const shopIds = new Map<string, string>();
  void (async () => {
    const rows = await rowsWithIds(ctx.db, "Message", messageIds);
    const shops = new Map((await rowsWithIds(ctx.db, "Shop", [...new Set(rows.map((m) => m.shopId))])).map((shop) => [shop.id, shop]));
    const found = rows.map((message) => ({ ...message, shop: shops.get(message.shopId)! }));
    const byId = new Map(found.map((message) => [message.id, message]));
    for (const message of found) shopIds.set(message.id, message.shopId);
    const byShop = new Map<string, Pending[]>();
    messageIds.forEach((id, i) => {
      const message = byId.get(id);
      const settle = settles[i]!;
      // Erased with its shopper (customers/redact) since it was queued: nothing to send.
      if (!message?.contactId) return settle.resolve({ result: "not_sendable", status: "erased", providerMessageId: null, optedOutByCarrier: false });
      if (message.direction !== "outbound") return settle.reject(new PermanentJobError(`Message ${id} is not outbound`));
      if (!WAITING_TO_SEND.includes(message.status as MessageStatus)) return settle.resolve(standing(message));
      byShop.set(message.shopId, [...(byShop.get(message.shopId) ?? []), { message, settle }]);
    });
    const realNow = options.realNow ?? (() => new Date());
    const send: SendContext = { options, realNow, ...writers(ctx, options) };
    await Promise.all([...byShop.values()].map((pending) => transmitForShop(ctx, pending, send)));
  })().catch((error) => {
    // Settling twice is a no-op: only the texts still waiting get the error.
    for (const settle of settles) settle.reject(error);
  });
  return settles.map((settle, i) => settle.promise.then((outcome) => ({ ...outcome, shopId: shopIds.get(messageIds[i]!) ?? null })));
}

interface SendContext {
  options: TransmitOptions;
  realNow: () => Date;
  accept: RecordAcceptance;
  /** The last check of a wave; the waves of several shops that come together share one transaction. */
  claim: (request: ClaimRequest) => Promise<Map<string, SendClaim>>;
  /** When a request booked for a slot may start (createSenderPacer). */
  pace: (buckets: SendBucket[], slotMs: number, nowMs: number) => number;
}

async function transmitForShop(ctx: AppContext, pending: Pending[], send: SendContext) {
  const { options, realNow } = send;
  const { shop } = pending[0]!.message;
  const from = shop.sendingNumber;
  if (!from || !shop.telnyxApiKeyEncrypted) {
    const error = { code: "not_configured", detail: "The shop has no Telnyx API key or sending number" };
    const ids = pending.map((p) => p.message.id);
    await moveMessagesWithIds(ctx.db, ids, { from: WAITING_TO_SEND, to: "failed", data: failure(error), at: ctx.clock.now() });
    for (const { settle } of pending) settle.resolve({ result: "failed", errorCode: error.code, errorDetail: error.detail, optedOutByCarrier: false });
    return;
  }
  const client = telnyxClientForShop(shop, options);
  const sleep = options.sleep ?? sleepFor;

  // The client is made from the shop's key, so it always has one.
  const buckets = sendBucketsFor(shop, { telnyxApiKey: client.apiKey! });
  // Slots are booked before the last check: a text that finds none stays waiting, untouched.
  const { slots, retryAfterMs, intervalMs } = await reserveSendSlots(ctx, {
    buckets,
    count: pending.length,
    maxWaitMs: options.maxSlotWaitMs,
    realNow,
  });
  // The texts that found no slot come back one slot apart, behind those already waiting for
  // this number: a backlog on a slow number comes due at its pace, not all at once every few
  // seconds (which would keep the worker busy re-queueing it while other shops' jobs wait).
  const unslotted = pending.slice(slots.length);
  const backlog = { key: numberBucketKey(from), count: unslotted.length, retryAfterMs: retryAfterMs ?? 1_000, intervalMs, realNow };
  const linedUp = unslotted.length === 0 ? Promise.resolve() : lineUpBacklog(ctx, backlog).then(
    (firstMs) => unslotted.forEach(({ settle }, k) => settle.reject(new RetryJobAfter(firstMs + Math.ceil(k * intervalMs), `Sending number ${from} has no free slot for now`))),
    (error: unknown) => unslotted.forEach(({ settle }) => settle.reject(error)),
  );
  const requests: Promise<void>[] = [linedUp];
  for (let next = 0; next < slots.length; ) {
    const untilWave = slots[next]!.getTime() - CLAIM_AHEAD_MS - realNow().getTime();
    if (untilWave > 0) await sleep(untilWave);
    const horizon = realNow().getTime() + CLAIM_AHEAD_MS;
    let end = next + 1;
    while (end < slots.length && slots[end]!.getTime() <= horizon) end++;
    const wave = pending.slice(next, end).map((entry, k) => ({ ...entry, slot: slots[next + k]! }));
    next = end;
    let claims: Map<string, SendClaim>;
    try {
      // Whatever changed since the texts were queued (a STOP, another text against the cap) is decided now.
      claims = await send.claim({ shopId: shop.id, fromNumber: from, messages: wave.map(({ message }) => ({ id: message.id, contactId: message.contactId! })) });
    } catch (error) {
      for (const { settle } of wave) settle.reject(error);
      continue;
    }
    for (const { message, settle, slot } of wave) {
      const claim = claims.get(message.id) ?? { claimed: false, status: "missing" };
      if (!claim.claimed) {
        // Held or refused by the gate, or another attempt claimed it, or a STOP cancelled it.
        const decision = claim.decision;
        settle.resolve(
          decision && decision.verdict !== "send"
            ? { result: "gated", decision, optedOutByCarrier: false }
            : { result: "not_sendable", status: claim.status, providerMessageId: null, optedOutByCarrier: false },
        );
        continue;
      }
      const nowMs = realNow().getTime();
      const wait = send.pace(buckets, slot.getTime(), nowMs) - nowMs;
      const request = (wait > 0 ? sleep(wait) : Promise.resolve()).then(() => requestSend(ctx, client, message, from, send));
      requests.push(request.then(settle.resolve, settle.reject));
    }
  }
  await Promise.all(requests);
}

async function requestSend(ctx: AppContext, client: Telnyx, message: Outbound, from: string, send: SendContext): Promise<Outcome> {
  const { options, realNow, accept } = send;
  const { shop } = message;
  const mediaUrls = JSON.parse(message.mediaUrls) as string[];
  let data;
  try {
    ({ data } = await client.messages.send({
      from,
      to: message.toNumber,
      text: message.body,
      ...(shop.telnyxMessagingProfileId ? { messaging_profile_id: shop.telnyxMessagingProfileId } : {}),
      ...(mediaUrls.length > 0 ? { media_urls: mediaUrls, type: "MMS" as const } : {}),
      webhook_url: statusWebhookUrl(options.appUrl, message.id),
      // Status webhooks go to webhook_url only, never also to the profile's URL.
      use_profile_webhooks: false,
    }));
  } catch (error) {
    return settleSendError(ctx, message.id, from, error, realNow);
  }

  if (!data?.id) return unknownOutcome(ctx, message.id, "Telnyx answered 200 without a message id");
  const segments = data.parts ?? message.segments;
  const ownPrice = mediaUrls.length > 0 ? Number(shop.costPerMms) : estimateCost(segments, shop.costPerSegment.toString());
  const cost = data.cost?.amount != null ? String(data.cost.amount) : String(ownPrice);
  const encoding = data.encoding ?? message.encoding;
  await accept({ id: message.id, providerMessageId: data.id, segments, encoding, cost });
  return { result: "accepted", providerMessageId: data.id, segments, encoding, cost, optedOutByCarrier: false };
}

type RecordAcceptance = (acceptance: Acceptance) => Promise<void>;
interface Acceptance {
  id: string;
  providerMessageId: string;
  segments: number;
  encoding: string;
  cost: string;
}

// The last checks and Telnyx's answers of every batch in flight are written a few
// milliseconds' worth at a time: a worker runs several claims' batches at once.
const writers = onePer((ctx: AppContext, options: TransmitOptions) => ({
  claim: claimWriter(ctx, options),
  accept: acceptanceWriter(ctx),
  pace: createSenderPacer(),
}));

function claimWriter(ctx: AppContext, options: TransmitOptions): SendContext["claim"] {
  return coalesce(
    async (requests: ClaimRequest[]) => {
      const claims = await claimForSending(ctx, requests, options.secrets);
      // Two attempts at one message (a job run twice at once) may meet in one last check: the
      // message is claimed once, so only the first of them may send it.
      const handedOut = new Set<string>();
      return requests.map(({ messages }) =>
        new Map(
          messages.map(({ id }): [string, SendClaim] => {
            const claim = claims.get(id) ?? { claimed: false, status: "missing" };
            if (!claim.claimed) return [id, claim];
            if (handedOut.has(id)) return [id, { claimed: false, status: "sending" }];
            handedOut.add(id);
            return [id, claim];
          }),
        ),
      );
    },
    { windowMs: CLAIM_GATHER_MS },
  );
}

// Telnyx's answers to many concurrent requests are written 25 milliseconds' worth at a time,
// in one statement. Status stays "sending" until message.sent; a status webhook that already
// arrived (by the webhook_url hint) may have moved it on, so only the provider's facts are written.
function acceptanceWriter(ctx: AppContext): RecordAcceptance {
  return coalesce(
    async (accepted: Acceptance[]) => {
      const { sql, join } = sqlBuildersOf(ctx.db);
      const rows = accepted.map((a) => sql`(${a.id}, ${a.providerMessageId}, ${String(a.segments)}, ${a.encoding}, ${a.cost})`);
      await ctx.db.$executeRaw(sql`
        WITH "facts"("id", "providerMessageId", "segments", "encoding", "cost") AS (VALUES ${join(rows)})
        UPDATE "Message" SET "providerMessageId" = "facts"."providerMessageId",
                             "segments" = CAST("facts"."segments" AS INTEGER),
                             "encoding" = "facts"."encoding",
                             "cost" = CAST("facts"."cost" AS DECIMAL(65, 30)),
                             "updatedAt" = ${ctx.clock.now()}
        FROM "facts"
        WHERE "Message"."id" = "facts"."id"`);
      return accepted.map(() => undefined);
    },
    { windowMs: 25 },
  );
}

/** The outcome for a message found not queued. */
function standing(message: { status: string; providerMessageId: string | null }): Outcome {
  if (message.status === "sending" && !message.providerMessageId) {
    return {
      result: "outcome_unknown",
      reason: "An earlier attempt claimed this message and its outcome is unknown; it is never sent twice",
      optedOutByCarrier: false,
    };
  }
  return { result: "not_sendable", status: message.status, providerMessageId: message.providerMessageId, optedOutByCarrier: false };
}

async function settleSendError(ctx: AppContext, messageId: string, from: string, error: unknown, realNow: () => Date): Promise<Outcome> {
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const entry = firstTelnyxError(error);
    const described = `Telnyx answered ${status}${entry?.code ? ` (${entry.code} ${entry.title ?? ""})` : ""}`.trim();
    if (status === 429 || entry?.code === TELNYX_ERROR.queueFull) {
      await requeue(ctx, messageId, entry?.code ?? "429", described);
      // Only this number waits: the shop's other numbers and other shops keep their slots.
      const waitMs = retryAfterMs(error.headers, realNow) ?? DEFAULT_RETRY_AFTER_MS;
      await pauseSender(ctx, { key: numberBucketKey(from), forMs: waitMs, realNow });
      throw new RetryJobAfter(waitMs, described);
    }
    // A gateway timeout means a proxy stopped waiting for Telnyx, which may have taken the message.
    if (status === 504) return unknownOutcome(ctx, messageId, described);
    if (status >= 500) {
      await requeue(ctx, messageId, entry?.code ?? String(status), described);
      // Whether the job retries is the queue's call (attempts left), not this error's to say.
      throw new Error(described, { cause: error });
    }
    const refusal = {
      code: entry?.code ?? `http_${status}`,
      detail: [entry?.title, entry?.detail].filter(Boolean).join(": ") || error.message,
    };
    return refused(ctx, messageId, refusal, isBlockedByStop(entry, status));
  }
  if (neverReachedTelnyx(error)) {
    await requeue(ctx, messageId, null, `Could not connect to Telnyx: ${(error as Error).message}`);
    throw error;
  }
  // A timeout or a connection lost mid-request: Telnyx may have accepted the message.
  return unknownOutcome(ctx, messageId, error instanceof Error ? error.message : String(error));
}

// Only a request that provably never reached Telnyx goes back to waiting.
async function requeue(ctx: AppContext, id: string, errorCode: string | null, errorDetail: string) {
  await moveMessage(ctx.db, id, "queued", { errorCode, errorDetail }, ["sending"]);
}

const failure = (error: { code: string; detail: string }) => ({ errorCode: error.code, errorDetail: error.detail });

async function refused(ctx: AppContext, id: string, error: { code: string; detail: string }, optedOutByCarrier: boolean): Promise<Outcome> {
  await moveMessage(ctx.db, id, "failed", failure(error), ["sending"]);
  return { result: "failed", errorCode: error.code, errorDetail: error.detail, optedOutByCarrier };
}

// The row stays "sending": only a receipt, or the expiry a day later, settles it.
async function unknownOutcome(ctx: AppContext, id: string, reason: string): Promise<Outcome> {
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
