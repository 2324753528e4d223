// Webhook bodies are small (Shopify's largest order payloads are tens of KB); a body over 1 MB
// is refused before it is read, so a flood of large bodies cannot exhaust memory.
import type { NextFunction, Request, Response } from "express";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export function limitWebhookBodies(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "POST" || !req.path.startsWith("/webhooks/")) return next();
  const declared = req.headers["content-length"];
  const length = Number(declared);
  const refusal =
    declared === undefined
      ? { status: 411, reason: "A webhook needs a Content-Length" }
      : !Number.isSafeInteger(length) || length < 0
        ? { status: 400, reason: "Invalid Content-Length" }
        : length > MAX_WEBHOOK_BODY_BYTES
          ? { status: 413, reason: "The body is larger than 1 MB" }
          : null;
  if (!refusal) return next();
  // The unread body is not drained: the connection closes instead.
  res.set("Connection", "close").status(refusal.status).type("text/plain").send(refusal.reason);
}
