// What an operator's Prometheus scrapes from each process: counters the process moves as work
// passes through it, and the queue's depth read from the database at scrape time (so every
// process reports the same queue, whichever ran the jobs).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { AppContext } from "./context.server";
import { readQueueDepth } from "./jobs/job-console.server";

const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "textback_" });
const registers = [registry];

export const webhooksReceived = new Counter({
  name: "textback_webhooks_received_total",
  help: "Webhook deliveries answered, by source (shopify, telnyx), topic and answer status",
  labelNames: ["source", "topic", "status"] as const,
  registers,
});

export const webhookAnswerSeconds = new Histogram({
  name: "textback_webhook_answer_seconds",
  help: "Time from a webhook's body read to its answer",
  labelNames: ["source"] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

export const jobsFinished = new Counter({
  name: "textback_jobs_finished_total",
  help: "Job runs settled by this process, by kind and outcome (succeeded, retrying, failed, lost)",
  labelNames: ["kind", "outcome"] as const,
  registers,
});

export const jobRunSeconds = new Histogram({
  name: "textback_job_run_seconds",
  help: "A job's run time in this process, from claim to settlement",
  labelNames: ["kind"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  registers,
});

export const textsMoved = new Counter({
  name: "textback_texts_total",
  help: "Outbound texts entering a status (queued, held, refused, sending, sent, delivered, failed, cancelled), by the gate's reason",
  labelNames: ["status", "reason"] as const,
  registers,
});

export const telnyxRequestSeconds = new Histogram({
  name: "textback_telnyx_request_seconds",
  help: "Telnyx API requests, by endpoint and answer status",
  labelNames: ["endpoint", "status"] as const,
  buckets: [0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 15],
  registers,
});

export const telnyxRequestErrors = new Counter({
  name: "textback_telnyx_request_errors_total",
  help: "Telnyx API requests that got no answer (refused, reset, timed out) or a 4xx/5xx answer",
  labelNames: ["endpoint", "error"] as const,
  registers,
});

const jobsInQueue = new Gauge({
  name: "textback_jobs",
  help: "Jobs in the queue by kind and state: due (queued, due now), scheduled (queued, later), running, failed",
  labelNames: ["kind", "state"] as const,
  registers,
});

const oldestDueJobSeconds = new Gauge({
  name: "textback_jobs_oldest_due_seconds",
  help: "How long the oldest due job has waited past its due time (0 when none is waiting)",
  registers,
});

/** The label Telnyx's paths get: ids replaced, so a label does not name every message. */
export function telnyxRouteLabel(method: string, url: string): string {
  const path = new URL(url).pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}|\/\+?\d{6,}|\/[0-9A-Za-z_-]{20,}/g, "/:id");
  return `${method.toUpperCase()} ${path}`;
}

/** The gate's reason code in a text's stored holdReason, "" when it has none. */
export function reasonCode(holdReason: string | null | undefined): string {
  if (!holdReason) return "";
  try {
    const code: unknown = JSON.parse(holdReason).code;
    return typeof code === "string" ? code : "";
  } catch {
    return "";
  }
}

async function readQueue(ctx: AppContext) {
  const [{ depth, oldestDue }, failed] = await Promise.all([
    readQueueDepth(ctx),
    ctx.db.job.groupBy({ by: ["kind"], where: { status: "failed" }, _count: { _all: true } }),
  ]);
  jobsInQueue.reset();
  for (const { kind, dueNow, later, running } of depth) {
    jobsInQueue.set({ kind, state: "due" }, dueNow);
    jobsInQueue.set({ kind, state: "scheduled" }, later);
    jobsInQueue.set({ kind, state: "running" }, running);
  }
  for (const { kind, _count } of failed) jobsInQueue.set({ kind, state: "failed" }, _count._all);
  oldestDueJobSeconds.set(oldestDue ? oldestDue.lateMs / 1000 : 0);
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Without a token only this machine may read them: a request relayed by a proxy on the same
// machine carries X-Forwarded-For and is refused like any other remote one.
function mayRead(request: IncomingMessage, token: string | undefined): boolean {
  if (token) return sameSecret(request.headers.authorization ?? "", `Bearer ${token}`);
  const remote = request.socket.remoteAddress ?? "";
  const loopback = remote === "::1" || remote.startsWith("127.") || remote.startsWith("::ffff:127.");
  return loopback && !request.headers["x-forwarded-for"] && !request.headers.forwarded;
}

/** GET /metrics, for Express (the web process) and node:http (a worker process) alike. */
export function metricsHandler(ctx: AppContext, { token }: { token?: string }) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (!mayRead(request, token)) {
      response.writeHead(403, { "Content-Type": "text/plain" }).end("Metrics are served to localhost, or with METRICS_TOKEN as a bearer token");
      return;
    }
    try {
      await readQueue(ctx);
      const body = await registry.metrics();
      response.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(body);
    } catch {
      response.writeHead(503, { "Content-Type": "text/plain" }).end("Metrics could not be read: the database did not answer");
    }
  };
}
