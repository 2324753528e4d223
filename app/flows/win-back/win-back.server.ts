// Win-back: once a day per shop, a scan finds customers with marketing consent whose last order
// was at least N days ago and who had no win-back in the last N days, and texts each one an offer
// (or holds them out). Nobody is texted while a cart recovery or a welcome series is still
// running for them: that conversation comes first, and the next day's scan finds them again.
import type { Shop } from "../../../prisma/generated/sqlite/index.js";
import { inTransaction, type AppContext } from "~/context.server";
import type { Prisma } from "~/db.server";
import { enqueueJob, JOB_PRIORITY } from "~/jobs/queue.server";
import { requestTexts } from "~/messaging/outbound.server";
import { flowImage } from "../flow-image.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { enroll, finishEnrollment, RUNNING } from "../enrollments.server";
import { issueFlowOffer, tieOfferToText, type FlowOffer } from "../flow-offer.server";
import { WELCOME_FLOW } from "../welcome/welcome-schedule.server";
import { WIN_BACK_SETTINGS_KEY, WinBackSettings } from "./win-back-settings";
import { winBackText } from "./win-back-text";

export const WIN_BACK_SCAN_JOB = "win-back-scan";
export const WIN_BACK_FLOW = "win_back";

const DAY_MS = 24 * 3_600_000;
const BATCH = 100;
// The scan's time of day (UTC). The gate holds each text for the recipient's sending hours.
const SCAN_HOUR_UTC = 15;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

function scanJob(shopId: string, runAt: Date) {
  return {
    kind: WIN_BACK_SCAN_JOB,
    payload: { shopId },
    runAt,
    shopId,
    priority: JOB_PRIORITY.marketing,
    // One scan per shop and day, however often the flow is saved or the shop seeded.
    dedupeKey: `${WIN_BACK_SCAN_JOB}:${shopId}:${utcDay(runAt)}`,
    keepKeyForDays: 2,
  };
}

/**
 * Starts the shop's daily scan, today's at once (the Flows page saving the flow, the demo shop
 * being seeded, an install), unless one is queued already; a scan finding the flow off ends the
 * chain, and the next call starts it again.
 */
export async function ensureWinBackScan(ctx: AppContext, shopId: string) {
  const pending = await ctx.db.job.findFirst({ where: { shopId, kind: WIN_BACK_SCAN_JOB, status: { in: ["queued", "running"] } } });
  return pending ?? enqueueScan(ctx, shopId, ctx.clock.now());
}

// A day's key can be held by a scan that was cancelled by hand (the System page), failed, or
// already ran; the chain then goes on under a fresh key rather than stopping for good.
async function enqueueScan(ctx: AppContext, shopId: string, runAt: Date) {
  const job = scanJob(shopId, runAt);
  const queued = await enqueueJob(ctx, job);
  if (queued.status === "queued" || queued.status === "running") return queued;
  return enqueueJob(ctx, { ...job, dedupeKey: `${job.dedupeKey}:${ctx.clock.now().getTime()}` });
}

export async function runWinBackScan(ctx: AppContext, shopId: string, deps: MessagingDeps) {
  const shop = await ctx.db.shop.findUnique({ where: { id: shopId } });
  if (!shop || shop.uninstalledAt) return;
  const settings = readSettingsSection(shop, WIN_BACK_SETTINGS_KEY, WinBackSettings);
  if (!settings.enabled) return;
  const now = ctx.clock.now();
  // Tomorrow's, from the clock and not from this scan's day: after a long pause (or a sandbox
  // clock moved by months) one scan catches up, and the next is never due at this instant.
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, SCAN_HOUR_UTC));
  await enqueueScan(ctx, shopId, tomorrow);
  const where = eligibleContacts(shop.id, settings, now);
  // Each contact taken leaves the set (its enrollment is recent now), so the next batch is new.
  for (let batch = await nextBatch(ctx, where); batch.length > 0; batch = await nextBatch(ctx, where)) {
    await textBatch(ctx, { shop, settings, contacts: batch, day: utcDay(now) }, deps);
  }
}

/** How many customers the next scan would text or hold out now: the Flows page's "eligible now". */
export async function winBackEligibleCount(ctx: AppContext, shopId: string) {
  const shop = await ctx.db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const settings = readSettingsSection(shop, WIN_BACK_SETTINGS_KEY, WinBackSettings);
  return ctx.db.contact.count({ where: eligibleContacts(shopId, settings, ctx.clock.now()) });
}

function eligibleContacts(shopId: string, settings: WinBackSettings, now: Date): Prisma.ContactWhereInput {
  const since = new Date(now.getTime() - settings.afterDays * DAY_MS);
  return {
    shopId,
    marketingConsent: true,
    optedOutAt: null,
    suppressedAt: null,
    lastOrderAt: { lte: since },
    flowEnrollments: {
      none: { OR: [{ flow: WIN_BACK_FLOW, startedAt: { gt: since } }, { flow: WELCOME_FLOW, status: RUNNING }] },
    },
    checkouts: { none: { recoveryStatus: { in: ["scheduled", "texting"] } } },
  };
}

const nextBatch = (ctx: AppContext, where: Prisma.ContactWhereInput) =>
  ctx.db.contact.findMany({ where, orderBy: { id: "asc" }, take: BATCH, select: { id: true, phone: true, firstName: true } });

interface Batch {
  shop: Shop;
  settings: WinBackSettings;
  contacts: { id: string; phone: string; firstName: string | null }[];
  day: string;
}

async function textBatch(ctx: AppContext, { shop, settings, contacts, day }: Batch, deps: MessagingDeps) {
  const texted: { contact: Batch["contacts"][number]; enrollmentId: string; offer: FlowOffer; mediaUrls?: string[] }[] = [];
  for (const contact of contacts) {
    // Keyed by the day: a retried scan finds the same enrollment and its code again.
    const { enrollment } = await enroll(ctx, { shopId: shop.id, contactId: contact.id, flow: WIN_BACK_FLOW, triggerKey: `${contact.id}:${day}`, holdoutPercent: settings.holdoutPercent });
    if (enrollment.status !== RUNNING) continue;
    const offer = await issueFlowOffer(ctx, deps, { shop, enrollment, title: "Textback win-back", offer: settings.offer });
    texted.push({ contact, enrollmentId: enrollment.id, offer, mediaUrls: settings.attachImage ? await flowImage(ctx, deps, shop, contact.id) : undefined });
  }
  const brand = shop.brandName ?? shop.name;
  await inTransaction(ctx, async (tx) => {
    const messages = await requestTexts(
      tx,
      texted.map(({ contact, offer, mediaUrls }) => ({
        shopId: shop.id,
        to: contact.phone,
        body: winBackText(settings, { firstName: contact.firstName, shop: brand, link: offer.link.url, discount: offer.discount }),
        purpose: "marketing" as const,
        flow: WIN_BACK_FLOW,
        flowStep: 1,
        firstInFlow: true,
        mediaUrls,
      })),
      deps.secrets,
    );
    for (const [i, { enrollmentId, offer }] of texted.entries()) {
      await tieOfferToText(tx, offer, messages[i]!.id);
      await finishEnrollment(tx, enrollmentId);
    }
  });
}
