// send-cross-sell: a delivered order's cross-sell, when due (app/flows/cross-sell).
import { z } from "zod";
import { runCrossSell } from "~/flows/cross-sell/cross-sell.server";
import { CROSS_SELL_JOB } from "~/flows/cross-sell/cross-sell-trigger.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ shipmentId: z.string(), rating: z.number().int().min(1).max(5).optional() });

export function sendCrossSellJob(deps: MessagingDeps) {
  return defineJob({
    kind: CROSS_SELL_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => runCrossSell(ctx, payload, deps),
  });
}
