// Campaigns: a draft with its estimate, launched once (the audience frozen, the send jobs
// queued), cancelled with whatever has not left. The API and the pages call these.
import type { AppContext } from "~/context.server";
import { inTransaction } from "~/context.server";
import { sqlBuildersOf, type SqlBuilders } from "~/db.server";
import { shortLinkUrl } from "~/flows/links.server";
import { cancelPendingTexts } from "~/messaging/outbound.server";
import { mmsNumberPrefixes } from "~/messaging/mms";
import { WAITING_TO_SEND } from "~/messaging/message-lifecycle.server";
import { cancelJobs } from "~/jobs/queue.server";
import { segmentSql } from "./segment-rules";
import { findSegment, textableSql } from "./segments.server";
import { parseCampaignInput, type CampaignSchedule, type CampaignTest, type Parsed } from "./campaign-input";
import { NOT_YET_QUEUED } from "./campaign-arms";
import { enqueueWinnerChoice } from "./campaign-winner.server";
import { estimateCampaign, type CampaignEstimate } from "./campaign-estimate";
import { freezeAudience } from "./campaign-audience.server";
import { CAMPAIGN_SEND_JOB, enqueueCampaignSends } from "./campaign-sending.server";
import { enqueueCampaignCodes } from "./campaign-codes.server";
import { campaignReport } from "./campaign-report.server";

// The length of a real tracked link; the code itself does not matter.
export const SAMPLE_LINK_CODE = "xxxxxxxx";

export async function createCampaign(ctx: AppContext, shopId: string, input: unknown, appUrl: string): Promise<Parsed<{ id: string }>> {
  const parsed = parseCampaignInput(input, ctx.clock.now());
  if (!parsed.ok) return parsed;
  const draft = parsed.value;
  const segment = await findSegment(ctx, shopId, draft.segmentId);
  if (!segment) return { ok: false, error: "No such segment", field: "segmentId" };
  const campaign = await ctx.db.campaign.create({
    data: {
      shopId,
      name: draft.name,
      segmentId: segment.id,
      schedule: JSON.stringify(draft.schedule),
      holdoutPercent: draft.holdoutPercent,
      skipIfTextedWithinHours: draft.skipIfTextedWithinHours,
      spreadHours: draft.spreadHours,
      mediaUrl: draft.mediaUrl,
      discountPercent: draft.discountPercent,
      testSharePercent: draft.test?.sharePercent ?? null,
      winnerAfterHours: draft.test?.winnerAfterHours ?? null,
      variants: { create: draft.variants },
    },
  });
  const estimate = await estimateFor(ctx, campaign.id, appUrl);
  await ctx.db.campaign.update({ where: { id: campaign.id }, data: { estimate: JSON.stringify(estimate) } });
  return { ok: true, value: { id: campaign.id } };
}

/** The estimate now: the segment's textable audience counted in one statement. */
async function estimateFor(ctx: AppContext, campaignId: string, appUrl: string, frozen?: { audience: number; mmsReachable: number }) {
  const campaign = await ctx.db.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { variants: { orderBy: { name: "asc" } }, shop: true } });
  const counts = frozen ?? (await countAudience(ctx, campaign.shopId, campaign.segmentId));
  return estimateCampaign({
    ...counts,
    holdoutPercent: campaign.holdoutPercent,
    variants: campaign.variants,
    mediaUrl: campaign.mediaUrl,
    brand: campaign.shop.brandName ?? campaign.shop.name,
    sampleLink: shortLinkUrl(appUrl, SAMPLE_LINK_CODE),
    costPerSegment: Number(campaign.shop.costPerSegment),
    costPerMms: Number(campaign.shop.costPerMms),
    currency: campaign.shop.currency,
  });
}

/** Who a segment would reach now: its textable contacts, and how many would get an image as MMS; none without the segment. */
export async function countAudience(ctx: AppContext, shopId: string, segmentId: string | null) {
  const segment = segmentId ? await findSegment(ctx, shopId, segmentId) : null;
  if (!segment) return { audience: 0, mmsReachable: 0 };
  const builders = sqlBuildersOf(ctx.db);
  return audienceCounts(ctx, builders.sql`
    FROM "Contact" c
    WHERE c."shopId" = ${shopId} AND ${textableSql(builders)} AND ${segmentSql(segment.rules, { shopId, now: ctx.clock.now() }, builders)}`);
}

async function frozenCounts(ctx: AppContext, campaignId: string) {
  const { sql } = sqlBuildersOf(ctx.db);
  return audienceCounts(ctx, sql`FROM "CampaignRecipient" r JOIN "Contact" c ON c."id" = r."contactId" WHERE r."campaignId" = ${campaignId}`);
}

/** The contacts `c` of a FROM … WHERE, and those of them whose numbers take MMS. */
async function audienceCounts(ctx: AppContext, contacts: ReturnType<SqlBuilders["sql"]>) {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const [row] = await ctx.db.$queryRaw<{ audience: bigint | number | null; mmsReachable: bigint | number | null }[]>(sql`
    SELECT COUNT(*) AS "audience", SUM(CASE WHEN SUBSTR(c."phone", 1, 5) IN (${join([...mmsNumberPrefixes()])}) THEN 1 ELSE 0 END) AS "mmsReachable"
    ${contacts}`);
  return { audience: Number(row?.audience ?? 0), mmsReachable: Number(row?.mmsReachable ?? 0) };
}

export type CampaignAction = { ok: true } | { ok: false; status: 404 | 409; error: string };

/**
 * Launches a draft: the audience frozen, the estimate recomputed from it, the send jobs queued,
 * in one transaction. Launching a campaign already launched changes nothing (ok: the caller
 * answers its state); a cancelled one is a conflict.
 */
export async function launchCampaign(ctx: AppContext, shopId: string, campaignId: string, appUrl: string): Promise<CampaignAction> {
  return inTransaction(ctx, async (tx) => {
    const campaign = await tx.db.campaign.findFirst({ where: { id: campaignId, shopId }, include: { variants: true, shop: true } });
    if (!campaign) return { ok: false, status: 404, error: "No such campaign" };
    const now = tx.clock.now();
    const { count } = await tx.db.campaign.updateMany({ where: { id: campaignId, status: "draft" }, data: { status: "scheduled", launchedAt: now } });
    if (count === 0) return campaign.status === "cancelled" ? { ok: false, status: 409, error: "The campaign was cancelled" } : { ok: true };
    const segment = campaign.segmentId ? await findSegment(tx, shopId, campaign.segmentId) : null;
    if (!segment) return { ok: false, status: 409, error: "The campaign's segment no longer exists" };
    const test = testOf(campaign);
    const dueTimes = await freezeAudience(tx, {
      campaignId,
      shopId,
      shopTimeZone: campaign.shop.ianaTimezone,
      rules: segment.rules,
      holdoutPercent: campaign.holdoutPercent,
      variants: campaign.variants,
      schedule: JSON.parse(campaign.schedule) as CampaignSchedule,
      spreadHours: campaign.spreadHours,
      test,
    });
    const estimate = await estimateFor(tx, campaignId, appUrl, await frozenCounts(tx, campaignId));
    await tx.db.campaign.update({ where: { id: campaignId }, data: { estimate: JSON.stringify(estimate), ...(dueTimes.length === 0 && !test && { status: "sent" }) } });
    if (campaign.discountPercent !== null && (dueTimes.length > 0 || test)) await enqueueCampaignCodes(tx, campaign);
    await enqueueCampaignSends(tx, campaign, dueTimes);
    if (test) await enqueueWinnerChoice(tx, { ...campaign, winnerAfterHours: test.winnerAfterHours }, dueTimes[0] ?? now);
    return { ok: true };
  });
}

function testOf(campaign: { testSharePercent: number | null; winnerAfterHours: number | null }): CampaignTest | null {
  return campaign.testSharePercent !== null && campaign.winnerAfterHours !== null ? { sharePercent: campaign.testSharePercent, winnerAfterHours: campaign.winnerAfterHours } : null;
}

/** Stops what has not left: recipients still pending, and their texts still waiting to send. */
export async function cancelCampaign(ctx: AppContext, shopId: string, campaignId: string): Promise<CampaignAction> {
  return inTransaction(ctx, async (tx) => {
    const campaign = await tx.db.campaign.findFirst({ where: { id: campaignId, shopId }, select: { status: true } });
    if (!campaign) return { ok: false, status: 404, error: "No such campaign" };
    if (campaign.status === "cancelled") return { ok: true };
    // "sent" means every text was handed to the pipeline; some may still wait for quiet hours or a cap.
    const waiting = campaign.status === "sent" ? await tx.db.message.count({ where: { campaignId, direction: "outbound", status: { in: [...WAITING_TO_SEND] } } }) : 1;
    if (waiting === 0) return { ok: false, status: 409, error: "Every text of this campaign has left; nothing is left to cancel" };
    const now = tx.clock.now();
    await tx.db.campaign.update({ where: { id: campaignId }, data: { status: "cancelled", cancelledAt: now } });
    await tx.db.campaignRecipient.updateMany({ where: { campaignId, status: { in: NOT_YET_QUEUED } }, data: { status: "cancelled", skipReason: "campaign_cancelled" } });
    await cancelPendingTexts(tx, { campaignId }, "campaign_cancelled");
    const { sql } = sqlBuildersOf(tx.db);
    // A recipient whose text was withdrawn before it left is cancelled too.
    await tx.db.$executeRaw(sql`
      UPDATE "CampaignRecipient" SET "status" = 'cancelled', "skipReason" = 'campaign_cancelled'
      WHERE "campaignId" = ${campaignId} AND "status" = 'queued'
        AND "messageId" IN (SELECT "id" FROM "Message" WHERE "campaignId" = ${campaignId} AND "status" = 'cancelled')`);
    await cancelJobs(tx, { shopId, kinds: [CAMPAIGN_SEND_JOB], dedupeKeyPrefix: `${CAMPAIGN_SEND_JOB}:${campaignId}:` }, "campaign cancelled", tx.db);
    return { ok: true };
  });
}

/** A campaign as the API shows it; null for another shop's or no campaign. */
export async function campaignView(ctx: AppContext, shopId: string, campaignId: string) {
  const campaign = await ctx.db.campaign.findFirst({ where: { id: campaignId, shopId }, include: { variants: { orderBy: { name: "asc" } } } });
  if (!campaign) return null;
  const report = await campaignReport(ctx, shopId, campaign.id);
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    segmentId: campaign.segmentId,
    schedule: JSON.parse(campaign.schedule) as CampaignSchedule,
    holdoutPercent: campaign.holdoutPercent,
    skipIfTextedWithinHours: campaign.skipIfTextedWithinHours,
    spreadHours: campaign.spreadHours,
    mediaUrl: campaign.mediaUrl,
    discount: campaign.discountPercent === null ? null : { percent: campaign.discountPercent },
    test: testOf(campaign),
    winner: campaign.winnerDecidedAt ? { variant: campaign.winnerVariant, chosenAt: campaign.winnerDecidedAt.toISOString() } : null,
    variants: campaign.variants.map(({ name, body, weight }) => ({ name, body, weight })),
    estimate: campaign.estimate ? (JSON.parse(campaign.estimate) as CampaignEstimate) : null,
    launchedAt: campaign.launchedAt?.toISOString() ?? null,
    cancelledAt: campaign.cancelledAt?.toISOString() ?? null,
    arms: report?.arms ?? [],
    lift: report?.lift ?? null,
    definitions: report?.definitions ?? null,
  };
}
