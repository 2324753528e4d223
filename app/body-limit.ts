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
  res.status(refusal.status).type("text/plain").send(refusal.reason);
  // Read and dropped, never kept: closing the connection on a body still arriving reset it
  // before the sender could read the refusal. One that goes on past the cap is cut off.
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DROPPED_BYTES) req.destroy();
  });
  req.resume();
}

const MAX_DROPPED_BYTES = 16 * MAX_WEBHOOK_BODY_BYTES;
