// send-shipping-update: one shipping milestone's text (queued once per fulfillment and milestone).
import { z } from "zod";
import { SHIPPING_UPDATE_JOB } from "~/flows/shipping/fulfillment-updates.server";
import { SHIPPING_MILESTONES } from "~/flows/shipping/shipping-settings";
import { sendShippingUpdate } from "~/flows/shipping/shipping-texts.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ shipmentId: z.string(), milestone: z.enum(SHIPPING_MILESTONES) });

export function sendShippingUpdateJob(deps: MessagingDeps) {
  return defineJob({
    kind: SHIPPING_UPDATE_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => sendShippingUpdate(ctx, payload, deps),
  });
}
