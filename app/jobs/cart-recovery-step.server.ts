// cart-recovery-step: one step of a checkout's recovery flow (app/flows/cart-recovery).
import { z } from "zod";
import { runRecoveryStep } from "~/flows/cart-recovery/recovery-step.server";
import { CART_RECOVERY_STEP_JOB } from "~/flows/cart-recovery/schedule.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ checkoutId: z.string(), version: z.number().int(), step: z.number().int().min(0) });

export function cartRecoveryStepJob(deps: MessagingDeps) {
  return defineJob({
    kind: CART_RECOVERY_STEP_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => runRecoveryStep(ctx, payload, deps),
  });
}
