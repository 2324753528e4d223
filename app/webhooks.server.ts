// The HTTP edge of webhooks: verify, record once, answer fast. Served by app/server.ts ahead of
// Remix (decision 014): this path runs for every delivery of a burst, and Remix's routing and
// request conversion cost more than the work itself. What a delivery means is applied by the
// ingest-webhook job (app/jobs/ingest-webhook.server.ts), so a burst queues instead of timing
// out, and neither Shopify's 5 s nor Telnyx's 2 s are spent on our work.
import { shopifyWebhooks } from "./shopify.server";
import { deliveryRecorder, env } from "./services.server";
import { SHOPIFY_TOPICS, type ShopifyTopic } from "./commerce/webhook-topics.server";
import { telnyxEndpoint } from "./messaging/telnyx-endpoint.server";
import { TelnyxPayloadError, TelnyxSignatureError, verifyTelnyxWebhook } from "./messaging/telnyx-webhooks.server";
import { intakeOptOutOf } from "./messaging/telnyx-intake.server";
import { webhookAnswerSeconds, webhooksReceived } from "./metrics.server";

export interface WebhookRequest {
  method: string;
  /** The full URL as the app is reached, e.g. http://localhost:3000/webhooks/orders/create. */
  url: string;
  headers: Record<string, string>;
  rawBody: string;
}

export interface WebhookAnswer {
  status: number;
  /** A plain-text reason for a refusal. */
  reason?: string;
}

const ok: WebhookAnswer = { status: 200 };
const refuse = (status: number, reason: string): WebhookAnswer => ({ status, reason });

let inFlight = 0;
const whenQuiet: (() => void)[] = [];

/**
 * The pace of a worker in the web process. While webhooks are being answered it waits until
 * none is (at most WORKER_YIELD_MS) and then takes a single job: on SQLite a job's transaction
 * holds the one write lock that every acknowledgement needs, and all of them share one event
 * loop, so in a burst acknowledgements come first and the queue catches up after (decision 014).
 */
export async function webhooksFirst(limit: number): Promise<number> {
  if (inFlight === 0) return limit;
  await new Promise<void>((resolve) => {
    const quiet = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      whenQuiet.splice(whenQuiet.indexOf(quiet), 1);
      resolve();
    }, WORKER_YIELD_MS);
    whenQuiet.push(quiet);
  });
  return 1;
}
const WORKER_YIELD_MS = 250;

export async function handleWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  inFlight += 1;
  const timer = webhookAnswerSeconds.startTimer();
  const labels: MetricLabels = { source: "unknown", topic: "unknown" };
  let status = 500;
  try {
    const answer = await answerWebhook(request, labels);
    status = answer.status;
    return answer;
  } finally {
    timer({ source: labels.source });
    webhooksReceived.inc({ ...labels, status });
    inFlight -= 1;
    if (inFlight === 0) for (const resolve of whenQuiet.splice(0)) resolve();
  }
}

// Known sources and topics only: a label per unknown path would let anyone grow the metrics.
interface MetricLabels {
  source: string;
  topic: string;
}

function answerWebhook(request: WebhookRequest, labels: MetricLabels): Promise<WebhookAnswer> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/webhooks\//, "");
  if (path !== "telnyx" && !isShopifyTopic(path)) return Promise.resolve(refuse(404, `No webhook is handled at ${url.pathname}`));
  Object.assign(labels, path === "telnyx" ? { source: "telnyx", topic: "unverified" } : { source: "shopify", topic: path });
  if (request.method !== "POST") return Promise.resolve(refuse(405, "Webhooks are POSTed"));
  return path === "telnyx" ? acceptTelnyxWebhook(request, url, labels) : acceptShopifyWebhook(request, path);
}

function isShopifyTopic(path: string): path is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(path);
}

const shopifyRefusals: Record<string, [number, string]> = {
  invalid_hmac: [401, "Invalid webhook signature"],
  missing_hmac: [401, "Invalid webhook signature"],
  missing_headers: [400, "Missing Shopify webhook headers"],
  missing_body: [400, "The webhook has no body"],
};

async function acceptShopifyWebhook(request: WebhookRequest, topic: ShopifyTopic): Promise<WebhookAnswer> {
  const { rawBody } = request;
  // The library reads Shopify's headers from a Fetch request, the body it is given as text.
  // Only X-Shopify-* headers are passed: it canonicalizes every header name it is given, which
  // was a tenth of the intake's CPU with all of them.
  const shopifyHeaders = Object.entries(request.headers).filter(([name]) => name.toLowerCase().startsWith("x-shopify-"));
  const rawRequest = new Request(request.url, { method: "POST", headers: shopifyHeaders });
  const check = await shopifyWebhooks.validate({ rawBody, rawRequest });
  if (!check.valid) return refuse(...(shopifyRefusals[check.reason] ?? [400, "Rejected"]));
  // The library reports topics in storage form: "orders/create" arrives as ORDERS_CREATE.
  if (check.topic !== topic.toUpperCase().replaceAll("/", "_")) return refuse(400, `Topic ${check.topic} is not handled at this address`);
  if (!isJson(rawBody)) return refuse(400, "The webhook body is not JSON");
  await deliveryRecorder.record({ source: "shopify", externalId: check.webhookId, topic, shopDomain: check.domain, payload: rawBody });
  return ok;
}

// A STOP carries its opt-out into the record's transaction (decision 013).
async function acceptTelnyxWebhook(request: WebhookRequest, url: URL, labels: MetricLabels): Promise<WebhookAnswer> {
  try {
    const event = await verifyTelnyxWebhook(request.rawBody, request.headers, telnyxEndpoint(env).publicKey);
    labels.topic = event.data.event_type;
    await deliveryRecorder.record({
      source: "telnyx",
      externalId: event.data.id,
      topic: event.data.event_type,
      payload: request.rawBody,
      messageIdHint: url.searchParams.get("message") ?? undefined,
      optOut: intakeOptOutOf(event),
    });
    return ok;
  } catch (error) {
    if (error instanceof TelnyxSignatureError) return refuse(401, `Invalid Telnyx signature: ${error.message}`);
    if (error instanceof TelnyxPayloadError) return refuse(400, error.message);
    throw error;
  }
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
