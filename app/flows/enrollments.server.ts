// Who a lifecycle flow (welcome, cross-sell, win-back) took on, and who it held out. An enrollment
// is made once per trigger (a consent event, a delivered shipment, a lapsed customer's period);
// a held-out one is recorded and sent nothing, so the Flows page can set the flow's revenue
// against the holdout's. Its status changes here only.
import { createHash } from "node:crypto";
import type { FlowEnrollment } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";

export const LIFECYCLE_FLOWS = ["welcome", "cross_sell", "win_back"] as const;
export type LifecycleFlow = (typeof LIFECYCLE_FLOWS)[number];

export type EnrollmentStopReason = "ordered" | "opted_out" | "no_consent" | "with_person" | "flow_off" | "expired";

/** Still running: a later step may text. */
export const RUNNING = "active";

export interface EnrollmentRequest {
  shopId: string;
  contactId: string;
  flow: LifecycleFlow;
  /** What started it; a second request with the same key is the same enrollment. */
  triggerKey: string;
  /** 0–100: the share of eligible shoppers kept back. */
  holdoutPercent: number;
  productId?: string;
}

/**
 * Held out or not, from a hash of the flow, the contact and the trigger: the same answer on every
 * retry, and one contact is not always held out of every flow.
 */
export function isHeldOut(request: Pick<EnrollmentRequest, "flow" | "contactId" | "triggerKey" | "holdoutPercent">): boolean {
  if (request.holdoutPercent <= 0) return false;
  const digest = createHash("sha256").update(`${request.flow}:${request.contactId}:${request.triggerKey}`).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100 < request.holdoutPercent;
}

/**
 * The enrollment for this trigger, made now if it is new (`created`). A repeat of the trigger
 * (a redelivered webhook, a retried job) gets the first one back and must not text again.
 */
export async function enroll(ctx: AppContext, request: EnrollmentRequest): Promise<{ enrollment: FlowEnrollment; created: boolean }> {
  const { shopId, flow, triggerKey } = request;
  const existing = await ctx.db.flowEnrollment.findUnique({ where: { shopId_flow_triggerKey: { shopId, flow, triggerKey } } });
  if (existing) return { enrollment: existing, created: false };
  const heldOut = isHeldOut(request);
  const now = ctx.clock.now();
  const enrollment = await ctx.db.flowEnrollment.create({
    data: {
      shopId,
      contactId: request.contactId,
      flow,
      triggerKey,
      heldOut,
      status: heldOut ? "held_out" : RUNNING,
      startedAt: now,
      endedAt: heldOut ? now : null,
      productId: request.productId,
    },
  });
  return { enrollment, created: true };
}

/** A running enrollment moved on to its next step. */
export function advanceEnrollment(ctx: AppContext, id: string, step: number) {
  return ctx.db.flowEnrollment.updateMany({ where: { id, status: RUNNING }, data: { step } });
}

/** A running enrollment that sent its last step. */
export function finishEnrollment(ctx: AppContext, id: string) {
  return ctx.db.flowEnrollment.updateMany({ where: { id, status: RUNNING }, data: { status: "finished", endedAt: ctx.clock.now() } });
}

/** Running enrollments stop, and say why: one by id, or a contact's in some flows. */
export function stopEnrollments(ctx: AppContext, where: { id: string } | { contactId: string; flows?: readonly LifecycleFlow[] }, reason: EnrollmentStopReason) {
  const scope = "id" in where ? { id: where.id } : { contactId: where.contactId, ...(where.flows && { flow: { in: [...where.flows] } }) };
  return ctx.db.flowEnrollment.updateMany({
    where: { ...scope, status: RUNNING },
    data: { status: "stopped", stopReason: reason, endedAt: ctx.clock.now() },
  });
}

/** The contact's running enrollments in these flows. */
export function runningEnrollments(ctx: AppContext, contactId: string, flows: readonly LifecycleFlow[]) {
  return ctx.db.flowEnrollment.findMany({ where: { contactId, flow: { in: [...flows] }, status: RUNNING } });
}
