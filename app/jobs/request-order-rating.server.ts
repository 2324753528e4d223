// request-order-rating: the 1–5 rating request some days after an order's delivery.
import { z } from "zod";
import { requestOrderRating } from "~/flows/shipping/order-rating.server";
import { ORDER_RATING_JOB } from "~/flows/shipping/shipping-texts.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ shipmentId: z.string() });

export function requestOrderRatingJob(deps: MessagingDeps) {
  return defineJob({
    kind: ORDER_RATING_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => requestOrderRating(ctx, payload, deps),
  });
}
