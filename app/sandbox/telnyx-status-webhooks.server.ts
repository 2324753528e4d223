import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { telnyxErrors, type TelnyxApiError } from "./telnyx-errors.server";
import {
  describeMessage,
  messageFinalizedEvent,
  messageSentEvent,
  type OutboundMessageState,
  type TelnyxDoubleMessage,
} from "./telnyx-payloads.server";
import { deliverWithRetries, type TelnyxWebhookSigner } from "./telnyx-webhook-sender.server";
import type { Logger } from "../logger.server";

/**
 * After the double accepts a message, Telnyx's delivery receipts: `message.sent`, then
 * `message.finalized`, signed, to the message's `webhook_url` (else the profile's URL), falling
 * back to `webhook_failover_url` when the primary does not answer 2xx.
 */

export type DeliveryOutcome =
  | ({ status: "delivered" } & FinalReceipt)
  /** Default errors: the published failure fragment (message-finalized-failed.errors-fragment.json). */
  | ({ status: "delivery_failed" | "sending_failed"; errors?: TelnyxApiError[] } & FinalReceipt)
  /** No webhooks at all, as when a receipt is lost. */
  | { status: "silent" };

/**
 * `lost`: Telnyx records the final status (GET /v2/messages/{id} answers it) but its
 * message.finalized never reaches the app, as when the app is down when Telnyx posts it.
 */
type FinalReceipt = { finalReceipt?: "posted" | "lost" };

export type DeliveryOutcomeHook = (message: TelnyxDoubleMessage) => DeliveryOutcome | Promise<DeliveryOutcome>;

export interface WebhookDelivery {
  eventType: string;
  eventId: string;
  messageId: string;
  url: string;
  at: Date;
  /** The app's HTTP status, or null when it could not be reached (see `error`). */
  status: number | null;
  error: string | null;
}

export interface StatusWebhookOptions {
  now: () => Date;
  signatureClock: () => Date;
  signer: TelnyxWebhookSigner;
  profileWebhookUrl?: string;
  outcome?: DeliveryOutcomeHook;
  /** Real milliseconds before each webhook. */
  delayMs: number;
  timeoutMs: number;
  log: Logger;
}

export function createStatusWebhooks(options: StatusWebhookOptions) {
  const { now, signer } = options;
  let outcomeHook = options.outcome;
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<void>>();
  const shutdown = new AbortController();

  /** Posts one event to each URL in turn (each tried as Telnyx tries it) until one answers 2xx; every attempt carries the same event id. */
  async function deliver(
    eventType: string,
    message: OutboundMessageState,
    urls: string[],
    build: (eventId: string, occurredAt: Date, deliveredTo: string) => object,
  ) {
    const eventId = randomUUID();
    const occurredAt = now();
    for (const url of urls) {
      const rawBody = JSON.stringify(build(eventId, occurredAt, url));
      const record: WebhookDelivery = { eventType, eventId, messageId: message.id, url, at: occurredAt, status: null, error: null };
      deliveries.push(record);
      try {
        record.status = await deliverWithRetries(url, rawBody, () => signer.headersFor(rawBody, options.signatureClock()), options.timeoutMs);
        if (record.status >= 200 && record.status < 300) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
    }
  }

  async function run(message: OutboundMessageState, urls: string[]) {
    const signal = shutdown.signal;
    await sleep(options.delayMs, undefined, { signal });
    const outcome = (await outcomeHook?.(describeMessage(message))) ?? { status: "delivered" };
    if (outcome.status === "silent") return;
    if (outcome.status !== "sending_failed") {
      message.status = "sent";
      message.sentAt = now();
      await deliver("message.sent", message, urls, (id, at, to) => messageSentEvent(message, id, at, to));
      await sleep(options.delayMs, undefined, { signal });
    }
    message.status = outcome.status;
    message.completedAt = now();
    message.errors = outcome.status === "delivered" ? [] : outcome.errors ?? [telnyxErrors.destinationUnreachable()];
    if (outcome.finalReceipt === "lost") return;
    await deliver("message.finalized", message, urls, (id, at, to) => messageFinalizedEvent(message, id, at, to));
  }

  return {
    schedule(message: OutboundMessageState, useProfileWebhooks: boolean) {
      const primary = message.webhookUrl ?? (useProfileWebhooks ? options.profileWebhookUrl ?? null : null);
      const urls = [primary, message.webhookFailoverUrl].filter((url): url is string => Boolean(url));
      if (urls.length === 0) return;
      const work = run(message, urls).catch((error: unknown) => {
        if (!shutdown.signal.aborted) options.log.warn({ telnyxMessageId: message.id, err: error }, "status webhooks failed");
      });
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    setOutcome(hook: DeliveryOutcomeHook | undefined) {
      outcomeHook = hook;
    },
    deliveries: (): WebhookDelivery[] => deliveries.map((d) => ({ ...d })),
    clear() {
      deliveries.length = 0;
    },
    /** Resolves once every scheduled webhook has been posted (or has failed). */
    async whenIdle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    /** Cancels waiting deliveries; one already posting finishes (bounded by `timeoutMs`). */
    async close() {
      shutdown.abort();
      await Promise.all([...pending]);
    },
  };
}
