// welcome-step: one step of a new subscriber's welcome series (app/flows/welcome).
import { z } from "zod";
import { WELCOME_STEP_JOB } from "~/flows/welcome/welcome-schedule.server";
import { runWelcomeStep } from "~/flows/welcome/welcome-steps.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { defineJob } from "./registry.server";

const Payload = z.object({ consentEventId: z.string(), step: z.union([z.literal(1), z.literal(2)]) });

export function welcomeStepJob(deps: MessagingDeps) {
  return defineJob({
    kind: WELCOME_STEP_JOB,
    parsePayload: (raw) => Payload.parse(raw),
    run: (ctx, payload) => runWelcomeStep(ctx, payload, deps),
  });
}
