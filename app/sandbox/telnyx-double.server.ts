import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
  messageFinalizedEvent,
  messageReceivedEvent,
  messageSentEvent,
  outboundMessagePayload,
  telnyxErrors,
  type DeliveryStatus,
  type OutboundMessageState,
  type TelnyxApiError,
} from "./telnyx-payloads.server";
import { checkSendRequest, isE164 } from "./telnyx-send-request.server";
import { createTelnyxWebhookSigner, postJson } from "./telnyx-webhook-sender.server";

/**
 * A local stand-in for the Telnyx Messaging API (DESIGN §5): the real `telnyx` SDK talks to it
 * over HTTP (`new Telnyx({ apiKey, baseURL: double.apiBaseUrl })`). It records what was sent,
 * answers like Telnyx (OpenAPI `SendMessage`, `messaging_Errors`), posts signed delivery
 * webhooks back, lets a person reply as a shopper, and can be told to fail.
 *
 * Clock: `now` (the sandbox's virtual clock) stamps records and payloads AND, by default, the
 * `telnyx-timestamp` header, so an app that checks staleness against the same clock agrees.
 * The SDK's own `webhooks.unwrap` checks staleness against the real `Date.now()`; if the virtual
 * clock runs more than 5 minutes away from real time, pass `signatureClock: () => new Date()`.
 */

export type TelnyxFault =
  | { kind: "server_error" }
  | { kind: "rate_limited"; retryAfterSeconds?: number }
  | { kind: "queue_full"; retryAfterSeconds?: number }
  | { kind: "hang" };

export type DeliveryOutcome =
  | { status: "delivered" }
  | { status: "delivery_failed" | "sending_failed"; errors?: TelnyxApiError[] }
  /** No webhooks at all, as when a receipt is lost. */
  | { status: "silent" };

export interface TelnyxDoubleMessage {
  id: string;
  from: string | null;
  to: string;
  text: string;
  at: Date;
  parts: number;
  encoding: "GSM-7" | "UCS-2";
  type: "SMS" | "MMS";
  media: string[];
  webhookUrl: string | null;
  messagingProfileId: string;
  status: DeliveryStatus;
  errors: TelnyxApiError[];
}

export interface TelnyxDoubleOptions {
  host?: string;
  port?: number;
  /** Bearer keys the double accepts. Default: [DEFAULT_TELNYX_DOUBLE_API_KEY]. */
  apiKeys?: string[];
  now?: () => Date;
  /** Clock for `telnyx-timestamp` only; defaults to `now` (see the module comment). */
  signatureClock?: () => Date;
  /** Where `message.received` goes, e.g. http://127.0.0.1:3000/webhooks/telnyx. */
  appWebhookUrl?: string;
  /** Status webhooks for messages sent without `webhook_url` (the messaging profile's URL). */
  profileWebhookUrl?: string;
  /** When given, a `from` outside this list is refused like an unassigned number (403). */
  ownedNumbers?: string[];
  messagingProfileId?: string;
  /** Post message.sent / message.finalized after each accepted send. Default true. */
  deliveryWebhooks?: boolean;
  deliveryOutcome?: (message: TelnyxDoubleMessage) => DeliveryOutcome | Promise<DeliveryOutcome>;
  /** Real milliseconds before each status webhook. Default 0. */
  deliveryDelayMs?: number;
  webhookTimeoutMs?: number;
  /** Reuse a signing key (PKCS#8 PEM) so the app's configured public key survives restarts. */
  privateKeyPem?: string;
  /** Source of randomness for `failFractionOfSends`. */
  random?: () => number;
}

export interface MessageFilter {
  to?: string;
  from?: string;
  text?: string | RegExp;
  since?: Date;
}

export interface WebhookDelivery {
  eventType: string;
  eventId: string;
  messageId: string;
  url: string;
  at: Date;
  status: number | null;
  error: string | null;
}

export interface InboundRecord {
  eventId: string;
  messageId: string;
  from: string;
  to: string;
  text: string;
  at: Date;
  status: number;
}

export const DEFAULT_TELNYX_DOUBLE_API_KEY = "KEY_TEXTBACK_SANDBOX";

export async function startTelnyxDouble(options: TelnyxDoubleOptions = {}) {
  const now = options.now ?? (() => new Date());
  const signatureClock = options.signatureClock ?? now;
  const random = options.random ?? Math.random;
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_TELNYX_DOUBLE_API_KEY]);
  const organizationId = randomUUID();
  const defaultProfileId = options.messagingProfileId ?? randomUUID();
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 5_000;
  const deliveryDelayMs = options.deliveryDelayMs ?? 0;
  const signer = createTelnyxWebhookSigner(options.privateKeyPem);

  let deliveryWebhooks = options.deliveryWebhooks ?? true;
  let deliveryOutcome = options.deliveryOutcome;
  let queuedFaults: TelnyxFault[] = [];
  let fractionFault: { fraction: number; fault: TelnyxFault } | null = null;
  const sent = new Map<string, OutboundMessageState>();
  const deliveries: WebhookDelivery[] = [];
  const inbound: InboundRecord[] = [];
  const sendAttempts: { at: Date; status: number; fault: TelnyxFault["kind"] | null }[] = [];
  const pending = new Set<Promise<void>>();
  const hanging = new Set<ServerResponse>();
  const shutdown = new AbortController();

  const view = (m: OutboundMessageState): TelnyxDoubleMessage => ({
    id: m.id, from: m.from, to: m.to, text: m.text, at: m.receivedAt, parts: m.parts,
    encoding: m.encoding, type: m.type, media: [...m.mediaUrls], webhookUrl: m.webhookUrl,
    messagingProfileId: m.messagingProfileId, status: m.status, errors: [...m.errors],
  });

  function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  function authorized(req: IncomingMessage): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    return match !== null && apiKeys.has(match[1].trim());
  }

  function takeFault(): TelnyxFault | null {
    const queued = queuedFaults.shift();
    if (queued) return queued;
    return fractionFault && random() < fractionFault.fraction ? fractionFault.fault : null;
  }

  function answerWithFault(res: ServerResponse, fault: TelnyxFault) {
    const at = now();
    if (fault.kind === "hang") {
      sendAttempts.push({ at, status: 0, fault: fault.kind });
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    const status = fault.kind === "server_error" ? 500 : 429;
    sendAttempts.push({ at, status, fault: fault.kind });
    if (fault.kind === "server_error") return reply(res, 500, { errors: [telnyxErrors.unexpected()] });
    const error = fault.kind === "queue_full" ? telnyxErrors.queueFull() : telnyxErrors.tooManyRequests();
    reply(res, 429, { errors: [error] }, { "retry-after": String(fault.retryAfterSeconds ?? 1) });
  }

  function track(work: () => Promise<void>) {
    const run = work().catch((error: unknown) => {
      if (!shutdown.signal.aborted) console.warn("Telnyx double: webhook delivery failed", error);
    });
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  /** Posts one event to the primary URL, then the failover URL if the primary did not take it. */
  async function deliverEvent(
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
        record.status = await postJson(url, rawBody, signer.headersFor(rawBody, signatureClock()), webhookTimeoutMs);
        if (record.status >= 200 && record.status < 300) return;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
    }
  }

  function scheduleStatusWebhooks(message: OutboundMessageState, useProfileWebhooks: boolean) {
    const primary = message.webhookUrl ?? (useProfileWebhooks ? options.profileWebhookUrl ?? null : null);
    const urls = [primary, message.webhookFailoverUrl].filter((url): url is string => Boolean(url));
    if (urls.length === 0) return;
    track(async () => {
      const signal = shutdown.signal;
      await sleep(deliveryDelayMs, undefined, { signal });
      const outcome = (await deliveryOutcome?.(view(message))) ?? { status: "delivered" };
      if (outcome.status === "silent") return;
      if (outcome.status !== "sending_failed") {
        message.status = "sent";
        message.sentAt = now();
        await deliverEvent("message.sent", message, urls, (id, at, to) => messageSentEvent(message, id, at, to));
        await sleep(deliveryDelayMs, undefined, { signal });
      }
      message.status = outcome.status;
      message.completedAt = now();
      message.errors = outcome.status === "delivered" ? [] : outcome.errors ?? [telnyxErrors.destinationUnreachable()];
      await deliverEvent("message.finalized", message, urls, (id, at, to) => messageFinalizedEvent(message, id, at, to));
    });
  }

  async function handleSend(req: IncomingMessage, res: ServerResponse, rawBody: string) {
    const fault = takeFault();
    if (fault) return answerWithFault(res, fault);
    const refuse = (status: number, errors: TelnyxApiError[]) => {
      sendAttempts.push({ at: now(), status, fault: null });
      reply(res, status, { errors });
    };
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return refuse(400, [telnyxErrors.badRequest("The request body is not valid JSON.")]);
    }
    const check = checkSendRequest(body);
    if (!check.ok) return refuse(check.status, check.errors);
    const request = check.request;
    if (options.ownedNumbers && request.from && !options.ownedNumbers.includes(request.from)) {
      return refuse(403, [telnyxErrors.fromNotOwned(request.from)]);
    }
    const message: OutboundMessageState = {
      ...request,
      id: randomUUID(),
      organizationId,
      messagingProfileId: request.messagingProfileId ?? defaultProfileId,
      receivedAt: now(),
      sentAt: null,
      completedAt: null,
      status: "queued",
      errors: [],
    };
    sent.set(message.id, message);
    sendAttempts.push({ at: message.receivedAt, status: 200, fault: null });
    reply(res, 200, { data: outboundMessagePayload(message) });
    if (deliveryWebhooks) scheduleStatusWebhooks(message, request.useProfileWebhooks);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? "/", "http://telnyx-double").pathname;
    if (!authorized(req)) return reply(res, 401, { errors: [telnyxErrors.authenticationFailed()] });
    if (req.method === "POST" && path === "/v2/messages") {
      return handleSend(req, res, Buffer.concat(chunks).toString("utf8"));
    }
    const retrieve = /^\/v2\/messages\/([^/]+)$/.exec(path);
    const found = retrieve && req.method === "GET" ? sent.get(decodeURIComponent(retrieve[1])) : undefined;
    if (found) return reply(res, 200, { data: outboundMessagePayload(found) });
    reply(res, 404, { errors: [telnyxErrors.notFound()] });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("Telnyx double: request failed", error);
      if (!res.headersSent) reply(res, 500, { errors: [telnyxErrors.unexpected()] });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address}:${port}`;

  return {
    url,
    port,
    /** What to pass as the SDK's `baseURL`: it appends paths like `/messages` to it. */
    apiBaseUrl: `${url}/v2`,
    apiKeys: [...apiKeys],
    publicKeyBase64: signer.publicKeyBase64,
    privateKeyPem: signer.privateKeyPem,
    messages(filter: MessageFilter = {}): TelnyxDoubleMessage[] {
      return [...sent.values()].map(view).filter((m) =>
        (filter.to === undefined || m.to === filter.to) &&
        (filter.from === undefined || m.from === filter.from) &&
        (filter.since === undefined || m.at >= filter.since) &&
        (filter.text === undefined ||
          (typeof filter.text === "string" ? m.text.includes(filter.text) : filter.text.test(m.text))));
    },
    webhookDeliveries: (): WebhookDelivery[] => deliveries.map((d) => ({ ...d })),
    inbound: (): InboundRecord[] => inbound.map((i) => ({ ...i })),
    sendAttempts: () => sendAttempts.map((a) => ({ ...a })),

    /** Signs a shopper's reply as `message.received` and posts it to `appWebhookUrl`; returns the app's HTTP status. */
    async sendInbound(input: { from: string; to: string; text: string; media?: (string | { url: string; contentType?: string })[] }): Promise<number> {
      if (!options.appWebhookUrl) throw new Error("Telnyx double: set `appWebhookUrl` to send inbound messages");
      if (!isE164(input.from) || !isE164(input.to)) throw new Error(`Telnyx double: inbound from/to must be E.164, got ${input.from} → ${input.to}`);
      const message = {
        id: randomUUID(), organizationId, messagingProfileId: defaultProfileId,
        from: input.from, to: input.to, text: input.text, receivedAt: now(), webhookUrl: options.appWebhookUrl,
        media: (input.media ?? []).map((m) => (typeof m === "string" ? { url: m, contentType: null } : { url: m.url, contentType: m.contentType ?? null })),
      };
      const eventId = randomUUID();
      const rawBody = JSON.stringify(messageReceivedEvent(message, eventId));
      const headers = signer.headersFor(rawBody, signatureClock());
      const status = await postJson(options.appWebhookUrl, rawBody, headers, webhookTimeoutMs).catch((error: unknown) => {
        throw new Error(`Telnyx double: could not deliver message.received to ${options.appWebhookUrl}`, { cause: error });
      });
      inbound.push({ eventId, messageId: message.id, from: input.from, to: input.to, text: input.text, at: message.receivedAt, status });
      return status;
    },

    /** The next `count` sends answer with `fault` (after authentication, before validation). */
    failNextSends(count: number, fault: TelnyxFault) {
      queuedFaults.push(...Array.from({ length: count }, () => fault));
    },
    /** Each send fails with probability `fraction` until cleared. */
    failFractionOfSends(fraction: number, fault: TelnyxFault) {
      fractionFault = { fraction, fault };
    },
    clearFaults() {
      queuedFaults = [];
      fractionFault = null;
    },
    setDeliveryWebhooks(enabled: boolean) {
      deliveryWebhooks = enabled;
    },
    setDeliveryOutcome(hook: TelnyxDoubleOptions["deliveryOutcome"]) {
      deliveryOutcome = hook;
    },
    /** Resolves once every scheduled status webhook has been posted (or has failed). */
    async whenIdle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    reset() {
      sent.clear();
      deliveries.length = 0;
      inbound.length = 0;
      sendAttempts.length = 0;
      queuedFaults = [];
      fractionFault = null;
    },
    async close() {
      shutdown.abort();
      for (const res of hanging) res.destroy();
      await Promise.all([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TelnyxDouble = Awaited<ReturnType<typeof startTelnyxDouble>>;
