// Every request gets an id: the caller's X-Request-Id when it is a plain token (a load
// balancer's), else a new one. It goes back on the response and into each line logged about the
// request, so an operator can match a merchant's report to the app's lines.
import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { logger, type Logger } from "./logger.server";
import { maskPhoneNumbers } from "./phone-masking";

const PLAIN_ID = /^[\w.:-]{1,100}$/;

export function requestIdFrom(header: string | undefined): string {
  // A phone number is no id, and would be logged unmasked in every line.
  return header && PLAIN_ID.test(header) && maskPhoneNumbers(header) === header ? header : randomUUID();
}

export const assignRequestId: RequestHandler = (req, res, next) => {
  const id = requestIdFrom(req.get("x-request-id"));
  // Remix builds its Request from these headers: pages log their errors with the same id.
  req.headers["x-request-id"] = id;
  res.setHeader("X-Request-Id", id);
  res.locals.requestId = id;
  next();
};

/** The request's logger, made when a line is written: most requests write none. */
export function requestLogger(res: Response, component: string): Logger {
  return logger.child({ component, requestId: res.locals.requestId as string });
}

/** What a webhook's headers and body say about it, for a line that reports its failure. */
export function webhookLogFields(path: string, headers: Record<string, string>, rawBody: string) {
  if (path !== "/webhooks/telnyx") {
    return { shop: headers["x-shopify-shop-domain"], topic: headers["x-shopify-topic"], webhookId: headers["x-shopify-webhook-id"] };
  }
  try {
    const event = JSON.parse(rawBody) as { data?: { id?: unknown; payload?: { id?: unknown } } };
    const id = (value: unknown) => (typeof value === "string" ? value : undefined);
    return { webhookId: id(event.data?.id), telnyxMessageId: id(event.data?.payload?.id) };
  } catch {
    return {};
  }
}
