// A campaign's discount: one Shopify discount and a unique single-use code per treated recipient
// (the holdout gets none), made by the campaign-codes job that launch queues. The discount is
// created with the first code, the others are added to it 250 at a time with
// discountRedeemCodeBulkAdd, and each code is written on its recipient and as a DiscountCode
// (so an order that uses it is known) only once Shopify has it. A recipient's text waits for
// its code (campaign-sending.server.ts claims only recipients with one); when every code is
// made, a send job goes out for those already due. A retried job carries on where it stopped:
// the discount's id is kept on the campaign, and a code Shopify already has counts as made.
import type { AppContext } from "~/context.server";
import { inTransaction } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import { addRedeemCodes, campaignDiscountCode, createCampaignDiscount, MAX_CODES_PER_BULK_ADD } from "~/commerce/discounts.server";
import { enqueueJobs, JOB_PRIORITY } from "~/jobs/queue.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { HOLDOUT_ARM, NOT_YET_QUEUED } from "./campaign-arms";
import { ORDER_WINDOW_DAYS } from "./campaign-report-definitions";
import { CAMPAIGN_SEND_JOB } from "./campaign-sending.server";

export const CAMPAIGN_CODES_JOB = "campaign-codes";
const DAY_MS = 86_400_000;

export function enqueueCampaignCodes(ctx: AppContext, campaign: { id: string; shopId: string }) {
  return enqueueJobs(ctx, [
    // Ahead of the campaign's own sends: its texts wait for their codes.
    { kind: CAMPAIGN_CODES_JOB, payload: { campaignId: campaign.id }, shopId: campaign.shopId, priority: JOB_PRIORITY.transactional, dedupeKey: `${CAMPAIGN_CODES_JOB}:${campaign.id}` },
  ]);
}

interface CodeFor {
  contactId: string;
  code: string;
}

export async function issueCampaignCodes(ctx: AppContext, campaignId: string, deps: MessagingDeps) {
  const campaign = await ctx.db.campaign.findUnique({ where: { id: campaignId }, include: { shop: true } });
  if (!campaign || campaign.discountPercent === null || campaign.status === "cancelled") return;
  if (!deps.shopifyAdmin) throw new Error("No Shopify Admin client is configured to create discount codes");
  const admin = await deps.shopifyAdmin(campaign.shop.domain);
  const issue = { shopId: campaign.shopId, campaignId, percentage: campaign.discountPercent, endsAt: await codesEndAt(ctx, campaignId) };
  let discountId = campaign.discountShopifyId;
  for (;;) {
    const waiting = await ctx.db.campaignRecipient.findMany({
      where: { campaignId, status: { in: NOT_YET_QUEUED }, arm: { not: HOLDOUT_ARM }, discountCode: null },
      orderBy: { contactId: "asc" },
      take: MAX_CODES_PER_BULK_ADD,
      select: { contactId: true },
    });
    if (waiting.length === 0) break;
    const codes = waiting.map(({ contactId }) => ({ contactId, code: campaignDiscountCode(deps.encryptionKey, campaignId, contactId) }));
    let rest = codes;
    if (!discountId) {
      const first = codes[0]!;
      discountId = await createCampaignDiscount(admin, { title: `Textback campaign: ${campaign.name}`, code: first.code, percentage: issue.percentage, startsAt: ctx.clock.now(), endsAt: issue.endsAt });
      await ctx.db.campaign.update({ where: { id: campaignId }, data: { discountShopifyId: discountId } });
      await recordCodes(ctx, { ...issue, discountId }, [first], []);
      rest = codes.slice(1);
    }
    if (rest.length === 0) continue;
    const outcome = await addRedeemCodes(admin, discountId, rest.map((c) => c.code));
    const added = new Set(outcome.added);
    await recordCodes(ctx, { ...issue, discountId }, rest.filter((c) => added.has(c.code)), rest.filter((c) => !added.has(c.code)));
  }
  await enqueueJobs(ctx, [
    { kind: CAMPAIGN_SEND_JOB, payload: { campaignId }, shopId: campaign.shopId, priority: JOB_PRIORITY.marketing, dedupeKey: `${CAMPAIGN_SEND_JOB}:${campaignId}:codes-made` },
  ]);
}

/** Codes are good until the campaign's report stops counting its orders. */
async function codesEndAt(ctx: AppContext, campaignId: string) {
  const { _max } = await ctx.db.campaignRecipient.aggregate({ where: { campaignId }, _max: { sendAt: true } });
  return new Date((_max.sendAt ?? ctx.clock.now()).getTime() + ORDER_WINDOW_DAYS * DAY_MS);
}

interface Issue {
  shopId: string;
  campaignId: string;
  discountId: string;
  percentage: number;
  endsAt: Date;
}

/** What Shopify now has, on the recipients and as DiscountCodes; a code it refused skips its recipient. */
function recordCodes(ctx: AppContext, issue: Issue, added: CodeFor[], refused: CodeFor[]) {
  return inTransaction(ctx, async ({ db }) => {
    if (added.length > 0) {
      await db.discountCode.createMany({
        data: added.map(({ code }) => ({ shopId: issue.shopId, code, percentage: issue.percentage, endsAt: issue.endsAt, shopifyId: issue.discountId })),
      });
      const { sql, join } = sqlBuildersOf(db);
      await db.$executeRaw(sql`
        WITH "codes"("contactId", "code") AS (VALUES ${join(added.map(({ contactId, code }) => sql`(${contactId}, ${code})`))})
        UPDATE "CampaignRecipient" SET "discountCode" = "codes"."code"
        FROM "codes"
        WHERE "CampaignRecipient"."campaignId" = ${issue.campaignId} AND "CampaignRecipient"."contactId" = "codes"."contactId"`);
    }
    if (refused.length > 0) {
      await db.campaignRecipient.updateMany({
        where: { campaignId: issue.campaignId, contactId: { in: refused.map((r) => r.contactId) }, status: { in: NOT_YET_QUEUED } },
        data: { status: "skipped", skipReason: "discount_code_refused" },
      });
    }
  });
}
