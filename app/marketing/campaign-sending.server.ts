// A campaign's due recipients, sent a batch at a time by campaign-send jobs (one per due minute).
// Each batch is claimed (pending → queued) and handed to requestTexts in one transaction, so a
// job that runs twice sends nothing twice. "Skip anyone texted marketing in the last N hours" is
// judged here, when the text is due; everything else (consent, opt-out, suppression, quiet
// hours, caps) is the sender gate's: a text it holds waits in the pipeline, one it refuses is
// recorded on the recipient with the gate's reason. A campaign with a discount sends a recipient
// only once their code exists in Shopify (campaign-codes.server.ts), and the text carries it.
import type { AppContext } from "~/context.server";
import { inTransaction } from "~/context.server";
import { sqlBuildersOf } from "~/db.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { requestTexts, type TextRequest } from "~/messaging/outbound.server";
import type { GateReason } from "~/messaging/gate-reasons";
import { recentMarketingSends } from "~/compliance/frequency-caps.server";
import { createTrackedLink, shortLinkUrl } from "~/flows/links.server";
import { enqueueJobs, JOB_PRIORITY } from "~/jobs/queue.server";
import { linksIn, personalise } from "./campaign-estimate";
import { NOT_YET_QUEUED } from "./campaign-arms";

export const CAMPAIGN_SEND_JOB = "campaign-send";
const BATCH = 250;
const HOUR_MS = 3_600_000;
const SENDING = ["scheduled", "sending"];

/** The send jobs for a campaign's due times: one per due minute, safe to ask for twice. */
export function enqueueCampaignSends(ctx: AppContext, campaign: { id: string; shopId: string }, dueTimes: Date[]) {
  return enqueueJobs(
    ctx,
    dueTimes.map((due) => ({
      kind: CAMPAIGN_SEND_JOB,
      payload: { campaignId: campaign.id },
      runAt: due,
      shopId: campaign.shopId,
      priority: JOB_PRIORITY.marketing,
      dedupeKey: `${CAMPAIGN_SEND_JOB}:${campaign.id}:${due.getTime()}`,
    })),
  );
}

/** Sends one batch of the campaign's due recipients; queues the next batch if more are due. */
export async function sendDueRecipients(ctx: AppContext, campaignId: string, deps: MessagingDeps) {
  const outcome = await inTransaction(ctx, (tx) => sendBatch(tx, campaignId, deps));
  if (outcome?.full) {
    await enqueueJobs(ctx, [{ kind: CAMPAIGN_SEND_JOB, payload: { campaignId }, shopId: outcome.shopId, priority: JOB_PRIORITY.marketing, dedupeKey: `${CAMPAIGN_SEND_JOB}:${campaignId}:next:${outcome.lastContactId}` }]);
  }
  return outcome;
}

async function sendBatch(ctx: AppContext, campaignId: string, deps: MessagingDeps) {
  const { db } = ctx;
  const now = ctx.clock.now();
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, include: { variants: true, shop: true } });
  if (!campaign || !SENDING.includes(campaign.status)) return null;
  const { sql, raw } = sqlBuildersOf(db);
  const coded = raw(campaign.discountPercent === null ? "" : `AND "discountCode" IS NOT NULL`);
  // The claim: only rows still pending move, so a second run of the job finds none of them.
  const claimed = await db.$queryRaw<{ contactId: string; arm: string; discountCode: string | null }[]>(sql`
    UPDATE "CampaignRecipient" SET "status" = 'queued'
    WHERE "campaignId" = ${campaignId} AND "contactId" IN (
      SELECT "contactId" FROM "CampaignRecipient"
      WHERE "campaignId" = ${campaignId} AND "status" = 'pending' AND "sendAt" <= ${now} ${coded}
      ORDER BY "sendAt", "contactId" LIMIT ${BATCH})
    AND "status" = 'pending'
    RETURNING "contactId", "arm", "discountCode"`);
  if (campaign.status === "scheduled" && claimed.length > 0) await db.campaign.update({ where: { id: campaignId }, data: { status: "sending" } });
  const contacts = new Map((await db.contact.findMany({ where: { id: { in: claimed.map((r) => r.contactId) } } })).map((c) => [c.id, c]));
  const recent = campaign.skipIfTextedWithinHours
    ? await recentMarketingSends(db, [...contacts.keys()], { at: now, windowMs: campaign.skipIfTextedWithinHours * HOUR_MS })
    : new Map<string, number[]>();
  // A contact erased since launch (customers/redact) is gone with its row.
  const erased = claimed.filter((r) => !contacts.has(r.contactId));
  const textedLately = claimed.filter((r) => contacts.has(r.contactId) && recent.has(r.contactId));
  const toSend = claimed.filter((r) => contacts.has(r.contactId) && !recent.has(r.contactId));
  await markSkipped(ctx, campaignId, erased.map((r) => r.contactId), "erased");
  await markSkipped(ctx, campaignId, textedLately.map((r) => r.contactId), `texted_within_${campaign.skipIfTextedWithinHours}h`);

  const brand = campaign.shop.brandName ?? campaign.shop.name;
  const bodies = new Map(campaign.variants.map((v) => [v.name, v.body]));
  const requests: TextRequest[] = [];
  const linkIds: string[][] = [];
  const mediaUrls = campaign.mediaUrl ? [campaign.mediaUrl] : undefined;
  for (const { contactId, arm, discountCode } of toSend) {
    const contact = contacts.get(contactId)!;
    const body = bodies.get(arm)!;
    const links = [];
    for (const target of linksIn(body)) links.push(await createTrackedLink(ctx, { shopId: campaign.shopId, target }));
    linkIds.push(links.map((l) => l.id));
    const text = personalise(body, { firstName: contact.firstName, brand, links: links.map((l) => shortLinkUrl(deps.appUrl, l.code)), discountCode });
    requests.push({ shopId: campaign.shopId, to: contact.phone, body: text, purpose: "marketing", campaignId, campaignArm: arm, firstInFlow: true, mediaUrls });
  }
  const messages = await requestTexts(ctx, requests, deps.secrets);
  for (const [i, message] of messages.entries()) {
    const { contactId, arm, discountCode } = toSend[i]!;
    const refusal = message.status === "refused" && message.holdReason ? (JSON.parse(message.holdReason) as GateReason).code : null;
    await db.campaignRecipient.update({
      where: { campaignId_contactId: { campaignId, contactId } },
      data: { messageId: message.id, ...(refusal && { status: "skipped", skipReason: refusal }) },
    });
    if (linkIds[i]!.length > 0) await db.link.updateMany({ where: { id: { in: linkIds[i] } }, data: { messageId: message.id, campaignId, campaignArm: arm } });
    // The text that carried a code, for the order that uses it.
    if (discountCode) await db.discountCode.update({ where: { shopId_code: { shopId: campaign.shopId, code: discountCode } }, data: { messageId: message.id } });
  }
  const remaining = await db.campaignRecipient.count({ where: { campaignId, status: { in: NOT_YET_QUEUED } } });
  if (remaining === 0) await db.campaign.updateMany({ where: { id: campaignId, status: { in: SENDING } }, data: { status: "sent" } });
  return { shopId: campaign.shopId, sent: messages.length, skipped: erased.length + textedLately.length, full: claimed.length === BATCH, lastContactId: claimed.at(-1)?.contactId };
}

function markSkipped(ctx: AppContext, campaignId: string, contactIds: string[], skipReason: string) {
  if (contactIds.length === 0) return;
  return ctx.db.campaignRecipient.updateMany({ where: { campaignId, contactId: { in: contactIds } }, data: { status: "skipped", skipReason } });
}
