import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { telnyxErrors, type TelnyxApiError } from "./telnyx-errors.server";
import { createFaultPlan, faultAnswer, type TelnyxFault } from "./telnyx-faults.server";
import {
  describeMessage,
  messageReceivedEvent,
  outboundMessagePayload,
  profileNumberPayload,
  type OutboundMessageState,
  type TelnyxDoubleMessage,
} from "./telnyx-payloads.server";
import { checkSendRequest, isE164 } from "./telnyx-send-request.server";
import { createStatusWebhooks, type DeliveryOutcomeHook } from "./telnyx-status-webhooks.server";
import { createTelnyxWebhookSigner, deliverWithRetries } from "./telnyx-webhook-sender.server";
import { logger, type Logger } from "../logger.server";

export type { TelnyxFault } from "./telnyx-faults.server";
export type { TelnyxDoubleMessage } from "./telnyx-payloads.server";
export type { DeliveryOutcome, WebhookDelivery } from "./telnyx-status-webhooks.server";

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

export interface TelnyxDoubleOptions {
  host?: string;
  port?: number;
  /** Bearer keys the double accepts. Default: [DEFAULT_TELNYX_DOUBLE_API_KEY]. */
  apiKeys?: string[];
  now?: () => Date;
  /** Clock for `telnyx-timestamp` only; defaults to `now` (see the module comment). */
  signatureClock?: () => Date;
  /**
   * The messaging profile's webhook URL, e.g. http://127.0.0.1:3000/webhooks/telnyx: where
   * `message.received` goes, and status webhooks of messages sent without `webhook_url`.
   */
  appWebhookUrl?: string;
  /** Status webhooks for messages sent without `webhook_url`, when not `appWebhookUrl`. */
  profileWebhookUrl?: string;
  /** When given, a `from` outside this list is refused like an unassigned number (403). */
  ownedNumbers?: string[];
  messagingProfileId?: string;
  /** Post message.sent / message.finalized after each accepted send. Default true. */
  deliveryWebhooks?: boolean;
  deliveryOutcome?: DeliveryOutcomeHook;
  /** Real milliseconds before each status webhook. Default 0. */
  deliveryDelayMs?: number;
  /**
   * Real milliseconds each POST /v2/messages takes to answer (recorded on arrival, answered
   * after), like a real API round trip. Default 0.
   */
  responseDelayMs?: number;
  webhookTimeoutMs?: number;
  /** Reuse a signing key (PKCS#8 PEM) so the app's configured public key survives restarts. */
  privateKeyPem?: string;
  /** Source of randomness for `failFractionOfSends`. */
  random?: () => number;
  /** Where the double reports its own failures; the process's logger by default. */
  log?: Logger;
}

export interface MessageFilter {
  to?: string;
  from?: string;
  text?: string | RegExp;
  since?: Date;
}

export interface InboundInput {
  from: string;
  to: string;
  text: string;
  /** Media URLs, or `{ url, contentType }` to set the payload's `content_type`. */
  media?: (string | { url: string; contentType?: string })[];
}

export interface SendAttempt {
  at: Date;
  /** The recipient asked for, when the request named one. */
  to: string | null;
  status: number;
  fault: TelnyxFault["kind"] | null;
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
  // Telnyx stamps every text it receives, and no two share a millisecond: a virtual clock that
  // stands still must not make a JOIN and the STOP after it simultaneous.
  let lastReceivedMs = 0;
  const receivedNow = () => new Date((lastReceivedMs = Math.max(now().getTime(), lastReceivedMs + 1)));
  const signatureClock = options.signatureClock ?? now;
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_TELNYX_DOUBLE_API_KEY]);
  const organizationId = randomUUID();
  const defaultProfileId = options.messagingProfileId ?? randomUUID();
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 5_000;
  const signer = createTelnyxWebhookSigner(options.privateKeyPem);
  const faults = createFaultPlan(options.random ?? Math.random);
  const log = (options.log ?? logger).child({ component: "telnyx-double" });
  const statusWebhooks = createStatusWebhooks({
    log,
    now,
    signatureClock,
    signer,
    profileWebhookUrl: options.profileWebhookUrl ?? options.appWebhookUrl,
    outcome: options.deliveryOutcome,
    delayMs: options.deliveryDelayMs ?? 0,
    timeoutMs: webhookTimeoutMs,
  });

  let deliveryWebhooks = options.deliveryWebhooks ?? true;
  const sent = new Map<string, OutboundMessageState>();
  const inbound: InboundRecord[] = [];
  const sendAttempts: SendAttempt[] = [];
  const hanging = new Set<ServerResponse>();
  const responseDelayMs = options.responseDelayMs ?? 0;
  const delayedAnswers = new Set<NodeJS.Timeout>();

  function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  /** Answers a send after `responseDelayMs`, then runs `after` (what Telnyx does once it has answered). */
  function answerSend(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, after?: () => void) {
    const answer = () => {
      reply(res, status, body, headers);
      after?.();
    };
    if (responseDelayMs <= 0) return answer();
    const timer = setTimeout(() => {
      delayedAnswers.delete(timer);
      answer();
    }, responseDelayMs);
    delayedAnswers.add(timer);
  }

  function authorized(req: IncomingMessage): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    return match !== null && apiKeys.has(match[1].trim());
  }

  function answerWithFault(res: ServerResponse, fault: TelnyxFault, to: string | null) {
    const answer = faultAnswer(fault);
    sendAttempts.push({ at: now(), to, status: answer?.status ?? 0, fault: fault.kind });
    if (answer) return answerSend(res, answer.status, answer.body, answer.headers);
    hanging.add(res);
    res.on("close", () => hanging.delete(res));
  }

  function handleSend(res: ServerResponse, rawBody: string) {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    const to = typeof (body as { to?: unknown } | undefined)?.to === "string" ? (body as { to: string }).to : null;
    const fault = faults.take();
    if (fault) return answerWithFault(res, fault, to);
    const refuse = (status: number, errors: TelnyxApiError[]) => {
      sendAttempts.push({ at: now(), to, status, fault: null });
      answerSend(res, status, { errors });
    };
    if (body === undefined) return refuse(400, [telnyxErrors.badRequest("The request body is not valid JSON.")]);
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
    sendAttempts.push({ at: message.receivedAt, to, status: 200, fault: null });
    answerSend(res, 200, { data: outboundMessagePayload(message) }, {}, () => {
      if (deliveryWebhooks) statusWebhooks.schedule(message, request.useProfileWebhooks);
    });
  }

  // GET /messaging_profiles/{id}/phone_numbers: the numbers the double owns, on its one profile.
  function listProfileNumbers(res: ServerResponse, profileId: string) {
    if (profileId !== defaultProfileId) return reply(res, 404, { errors: [telnyxErrors.notFound()] });
    const numbers = (options.ownedNumbers ?? []).map((phone, index) => profileNumberPayload(phone, defaultProfileId, index));
    reply(res, 200, { data: numbers, meta: { page_number: 1, page_size: 250, total_pages: 1, total_results: numbers.length } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? "/", "http://telnyx-double").pathname;
    if (!authorized(req)) return reply(res, 401, { errors: [telnyxErrors.authenticationFailed()] });
    if (req.method === "POST" && path === "/v2/messages") return handleSend(res, Buffer.concat(chunks).toString("utf8"));
    const profileNumbers = /^\/v2\/messaging_profiles\/([^/]+)\/phone_numbers$/.exec(path);
    if (profileNumbers && req.method === "GET") return listProfileNumbers(res, decodeURIComponent(profileNumbers[1]));
    const retrieve = /^\/v2\/messages\/([^/]+)$/.exec(path);
    const found = retrieve && req.method === "GET" ? sent.get(decodeURIComponent(retrieve[1])) : undefined;
    if (found) return reply(res, 200, { data: outboundMessagePayload(found) });
    reply(res, 404, { errors: [telnyxErrors.notFound()] });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, "request failed");
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
    /** The SDK's `baseURL`: it appends `/messages` etc. to it, so it must end in `/v2`. */
    apiBaseUrl: `${url}/v2`,
    apiKeys: [...apiKeys],
    publicKeyBase64: signer.publicKeyBase64,
    privateKeyPem: signer.privateKeyPem,

    messages(filter: MessageFilter = {}): TelnyxDoubleMessage[] {
      // Filtered before they are copied: the benches poll this while tens of thousands arrive.
      const wanted = [...sent.values()].filter((m) =>
        (filter.to === undefined || m.to === filter.to) &&
        (filter.from === undefined || m.from === filter.from) &&
        (filter.since === undefined || m.receivedAt >= filter.since) &&
        (filter.text === undefined ||
          (typeof filter.text === "string" ? m.text.includes(filter.text) : filter.text.test(m.text))));
      return wanted.map(describeMessage);
    },
    webhookDeliveries: statusWebhooks.deliveries,
    inbound: (): InboundRecord[] => inbound.map((i) => ({ ...i })),
    /** Every POST /v2/messages that passed authentication, in order, with the status it got (0 = hung). */
    sendAttempts: (): SendAttempt[] => sendAttempts.map((a) => ({ ...a })),

    /** Signs a shopper's text as `message.received`, posts it to `appWebhookUrl`, returns the app's HTTP status. */
    /** The app's answer, and the event's id (the app records the delivery under it). */
    async sendInbound(input: InboundInput): Promise<{ status: number; eventId: string }> {
      const target = options.appWebhookUrl;
      if (!target) throw new Error("Telnyx double: set `appWebhookUrl` to send inbound messages");
      if (!isE164(input.from) || !isE164(input.to)) {
        throw new Error(`Telnyx double: inbound from/to must be E.164, got ${input.from} → ${input.to}`);
      }
      const message = {
        id: randomUUID(),
        organizationId,
        messagingProfileId: defaultProfileId,
        from: input.from,
        to: input.to,
        text: input.text,
        media: (input.media ?? []).map((m) =>
          typeof m === "string" ? { url: m, contentType: null } : { url: m.url, contentType: m.contentType ?? null }),
        receivedAt: receivedNow(),
        webhookUrl: target,
      };
      const eventId = randomUUID();
      const rawBody = JSON.stringify(messageReceivedEvent(message, eventId));
      const status = await deliverWithRetries(target, rawBody, () => signer.headersFor(rawBody, signatureClock()), webhookTimeoutMs)
        .catch((error: unknown) => {
          throw new Error(`Telnyx double: could not deliver message.received to ${target}`, { cause: error });
        });
      inbound.push({ eventId, messageId: message.id, from: input.from, to: input.to, text: input.text, at: message.receivedAt, status });
      return { status, eventId };
    },

    /** The next `count` sends answer with `fault` (after authentication, before validation). */
    failNextSends: faults.failNext,
    /** Each send fails with probability `fraction` until `clearFaults()`. */
    failFractionOfSends: faults.failFraction,
    clearFaults: faults.clear,
    setDeliveryWebhooks(enabled: boolean) {
      deliveryWebhooks = enabled;
    },
    setDeliveryOutcome: statusWebhooks.setOutcome,
    /** Resolves once every scheduled status webhook has been posted (or has failed). */
    whenIdle: statusWebhooks.whenIdle,
    reset() {
      sent.clear();
      inbound.length = 0;
      sendAttempts.length = 0;
      statusWebhooks.clear();
      faults.clear();
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const timer of delayedAnswers) clearTimeout(timer);
      await statusWebhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TelnyxDouble = Awaited<ReturnType<typeof startTelnyxDouble>>;
