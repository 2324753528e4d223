// The recovery flow's timer. Each step is one job, due at its time; the job that runs a step
// schedules the next. A checkout update replaces the pending job (restarting the timer), and an
// order or an opt-out cancels it in the transaction that records the cause.
import type { Checkout, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { cancelJobs, enqueueJob, JOB_PRIORITY } from "~/jobs/queue.server";
import { cartRecoverySettingsOf } from "./settings";

export const CART_RECOVERY_STEP_JOB = "cart-recovery-step";

export interface RecoveryStepPayload {
  checkoutId: string;
  /** The checkout version (Shopify's updated_at, ms) the step was planned for. */
  version: number;
  /** Index into the flow's steps. */
  step: number;
}

const jobKeyPrefix = (checkoutId: string) => `${CART_RECOVERY_STEP_JOB}:${checkoutId}:`;

// Naming the kind lets the (shopId, kind, status) index narrow the search to the shop's queued
// recovery steps; without it SQLite read every queued job of every shop on each checkout update.
const pendingSteps = (shopId: string, checkoutId: string) => ({
  shopId,
  kinds: [CART_RECOVERY_STEP_JOB],
  dedupeKeyPrefix: jobKeyPrefix(checkoutId),
});

export async function scheduleRecoveryStep(ctx: AppContext, shopId: string, payload: RecoveryStepPayload, runAt: Date) {
  return enqueueJob(ctx, {
    kind: CART_RECOVERY_STEP_JOB,
    payload,
    runAt,
    shopId,
    priority: JOB_PRIORITY.marketing,
    dedupeKey: `${jobKeyPrefix(payload.checkoutId)}${payload.version}:${payload.step}`,
    // Shopify re-delivers checkout updates for days; a step of one version is scheduled once.
    keepKeyForDays: 30,
  });
}

/**
 * A checkout changed: the shopper is still at it, so the abandonment clock starts again from
 * now, resuming at the first step not yet sent (a step is never sent twice for one checkout).
 */
export async function restartRecoveryTimer(ctx: AppContext, shop: Shop, checkout: Checkout) {
  await cancelJobs(ctx, pendingSteps(shop.id, checkout.id), "checkout updated");
  const settings = cartRecoverySettingsOf(shop.settings);
  if (!checkout.phone || checkout.recoveryStep >= settings.steps.length) return;
  const runAt = new Date(ctx.clock.now().getTime() + settings.abandonAfterMinutes * 60_000);
  await scheduleRecoveryStep(ctx, shop.id, { checkoutId: checkout.id, version: checkout.shopifyUpdatedAt.getTime(), step: checkout.recoveryStep }, runAt);
  await ctx.db.checkout.update({ where: { id: checkout.id }, data: { recoveryStatus: "scheduled", recoveryStopReason: null } });
}

export type RecoveryStopReason =
  | "completed"
  | "ordered"
  | "opted_out"
  | "no_consent"
  | "no_phone"
  | "superseded"
  | "with_person"
  | "flow_off"
  | "finished";

export async function stopRecovery(ctx: AppContext, checkout: Pick<Checkout, "id" | "shopId">, reason: RecoveryStopReason) {
  await cancelJobs(ctx, pendingSteps(checkout.shopId, checkout.id), `recovery stopped: ${reason}`);
  await ctx.db.checkout.update({
    where: { id: checkout.id },
    data: { recoveryStatus: reason === "finished" ? "finished" : "stopped", recoveryStopReason: reason },
  });
}

/** Every recovery flow still running for a contact's checkouts stops (a STOP, a redaction). */
export async function stopRecoveryForContact(ctx: AppContext, contactId: string, reason: RecoveryStopReason) {
  const running = await ctx.db.checkout.findMany({
    where: { contactId, recoveryStatus: { in: ["scheduled", "texting"] } },
    select: { id: true, shopId: true },
  });
  for (const checkout of running) await stopRecovery(ctx, checkout, reason);
}
