// The recovery flow's timer. Each step is one job, due at its time; the job that runs a step
// schedules the next. A checkout update replaces the pending job (restarting the timer), and an
// order or an opt-out cancels it in the transaction that records the cause.
import type { Checkout, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { cancelJobs, enqueueJob, enqueueJobs, JOB_PRIORITY } from "~/jobs/queue.server";
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

const recoveryStepJob = (shopId: string, payload: RecoveryStepPayload, runAt: Date) => ({
  kind: CART_RECOVERY_STEP_JOB,
  payload,
  runAt,
  shopId,
  priority: JOB_PRIORITY.marketing,
  dedupeKey: `${jobKeyPrefix(payload.checkoutId)}${payload.version}:${payload.step}`,
  // Shopify re-delivers checkout updates for days; a step of one version is scheduled once.
  keepKeyForDays: 30,
});

export async function scheduleRecoveryStep(ctx: AppContext, shopId: string, payload: RecoveryStepPayload, runAt: Date) {
  return enqueueJob(ctx, recoveryStepJob(shopId, payload, runAt));
}

type ChangedFacts = Pick<Checkout, "phone" | "recoveryStep" | "completedAt">;

const hasStepLeft = (shop: Shop, checkout: ChangedFacts) =>
  Boolean(checkout.phone) && checkout.recoveryStep < cartRecoverySettingsOf(shop.settings).steps.length;

/**
 * Where the flow stands once Shopify changed a checkout, to store with the change: a completed
 * checkout's flow stops; an open one with a phone and a step left is scheduled (its step is
 * queued by rescheduleRecoveries); otherwise it stays as it was (null).
 */
export function recoveryAfterChange(shop: Shop, checkout: ChangedFacts): Pick<Checkout, "recoveryStatus" | "recoveryStopReason"> | null {
  if (checkout.completedAt) return { recoveryStatus: "stopped", recoveryStopReason: "completed" };
  return hasStepLeft(shop, checkout) ? { recoveryStatus: "scheduled", recoveryStopReason: null } : null;
}

/** A checkout as Shopify last described it, and whether it was stored before this change. */
export interface ChangedCheckout {
  checkout: Pick<Checkout, "id" | "shopifyUpdatedAt"> & ChangedFacts;
  isNew: boolean;
}

/**
 * Checkouts of one shop changed, and were stored with recoveryAfterChange. A completed one's
 * pending step is cancelled. For the others the shopper is still at it, so the abandonment clock
 * starts again from now, resuming at the first step not yet sent (a step is never sent twice
 * for one checkout). A few statements for all of them.
 */
export async function rescheduleRecoveries(ctx: AppContext, shop: Shop, changed: ChangedCheckout[]) {
  const completed = changed.filter((c) => c.checkout.completedAt);
  const open = changed.filter((c) => !c.checkout.completedAt);
  // A checkout stored just now has no steps queued yet.
  const storedBefore = (list: ChangedCheckout[]) => list.filter((c) => !c.isNew).map((c) => c.checkout.id);
  await cancelPendingSteps(ctx, shop.id, storedBefore(open), "checkout updated");
  await cancelPendingSteps(ctx, shop.id, storedBefore(completed), "recovery stopped: completed");

  const runAt = new Date(ctx.clock.now().getTime() + cartRecoverySettingsOf(shop.settings).abandonAfterMinutes * 60_000);
  const due = open.map((c) => c.checkout).filter((c) => hasStepLeft(shop, c));
  await enqueueJobs(
    ctx,
    due.map((c) => recoveryStepJob(shop.id, { checkoutId: c.id, version: c.shopifyUpdatedAt.getTime(), step: c.recoveryStep }, runAt)),
  );
}

function cancelPendingSteps(ctx: AppContext, shopId: string, checkoutIds: string[], reason: string) {
  if (checkoutIds.length === 0) return Promise.resolve(0);
  return cancelJobs(ctx, { shopId, kinds: [CART_RECOVERY_STEP_JOB], dedupeKeyPrefix: checkoutIds.map(jobKeyPrefix) }, reason);
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
