// The welcome series' timer. Each step is one job (welcome-step), keyed by the consent event that
// started the series: the ledger queues step 1 in the transaction that records a new marketing
// opt-in, step 1 queues step 2, and an order, an opt-out or a person taking the thread stops the
// enrollment and cancels the queued step in the transaction that records the cause.
import type { AppContext } from "~/context.server";
import { cancelJobs, JOB_PRIORITY, type EnqueueJobInput } from "~/jobs/queue.server";
import { runningEnrollments, stopEnrollments, type EnrollmentStopReason } from "../enrollments.server";

export const WELCOME_STEP_JOB = "welcome-step";
export const WELCOME_FLOW = "welcome";

// The opt-in's own confirmation ("You're subscribed…", "Reply Y…" answered) must reach the shopper
// before the question; step 1 waits a minute, and then for that confirmation to have left.
export const CONFIRMATION_LEAD_MS = 60_000;

// New marketing opt-ins the shopper made themselves. An import (api, csv_import) starts the series
// only when its input says so; a sync, an admin or a START after STOP never does.
const STARTING_SOURCES: ReadonlySet<string> = new Set(["keyword", "checkout", "signup_form"]);

/** Whether a grant that turns marketing on starts the welcome series: the caller's say, else by source. */
export function startsWelcome(source: string, said: boolean | undefined): boolean {
  return said ?? STARTING_SOURCES.has(source);
}

export interface WelcomeStepPayload {
  consentEventId: string;
  step: 1 | 2;
}

const keyPrefix = (consentEventId: string) => `${WELCOME_STEP_JOB}:${consentEventId}:`;

export function welcomeStepJob(shopId: string, payload: WelcomeStepPayload, runAt: Date): EnqueueJobInput {
  return {
    kind: WELCOME_STEP_JOB,
    payload,
    runAt,
    shopId,
    priority: JOB_PRIORITY.marketing,
    dedupeKey: `${keyPrefix(payload.consentEventId)}${payload.step}`,
    keepKeyForDays: 60,
  };
}

/** The contact's running welcome series stop, and their queued steps are cancelled. */
export async function stopWelcome(ctx: AppContext, contactId: string, reason: EnrollmentStopReason) {
  const running = await runningEnrollments(ctx, contactId, [WELCOME_FLOW]);
  if (running.length === 0) return;
  await stopEnrollments(ctx, { contactId, flows: [WELCOME_FLOW] }, reason);
  await cancelJobs(
    ctx,
    { shopId: running[0]!.shopId, kinds: [WELCOME_STEP_JOB], dedupeKeyPrefix: running.map((e) => keyPrefix(e.triggerKey)) },
    `welcome stopped: ${reason}`,
  );
}
