// The Campaigns page's list: a shop's campaigns, newest first, each with its segment, how many
// it was sent to and how many texts have left. Three statements whatever the number of rows.
import type { AppContext } from "~/context.server";
import { SENT_STATUSES } from "~/analytics/dashboard.server";
import { HOLDOUT_ARM } from "./campaign-arms";
import type { CampaignEstimate } from "./campaign-estimate";

export const CAMPAIGNS_LISTED = 100;

export interface CampaignRow {
  id: string;
  name: string;
  status: string;
  segment: string | null;
  /** Frozen at launch: the audience less the holdout. Before launch, the draft's estimate. */
  recipients: number;
  estimated: boolean;
  sent: number;
  launchedAt: string | null;
}

export async function listCampaigns({ db }: AppContext, shopId: string): Promise<CampaignRow[]> {
  // Served by Campaign's [shopId, createdAt] index.
  const campaigns = await db.campaign.findMany({
    where: { shopId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CAMPAIGNS_LISTED,
    select: { id: true, name: true, status: true, segmentId: true, estimate: true, launchedAt: true },
  });
  const ids = campaigns.map((c) => c.id);
  const segmentIds = [...new Set(campaigns.flatMap((c) => (c.segmentId ? [c.segmentId] : [])))];
  const [segments, recipients, sent] = await Promise.all([
    db.segment.findMany({ where: { shopId, id: { in: segmentIds } }, select: { id: true, name: true } }),
    db.campaignRecipient.groupBy({ by: ["campaignId"], where: { campaignId: { in: ids }, arm: { not: HOLDOUT_ARM } }, _count: { _all: true } }),
    db.message.groupBy({ by: ["campaignId"], where: { shopId, campaignId: { in: ids }, direction: "outbound", status: { in: SENT_STATUSES } }, _count: { _all: true } }),
  ]);
  const segmentName = new Map(segments.map((s) => [s.id, s.name]));
  const recipientCount = new Map(recipients.map((r) => [r.campaignId, r._count._all]));
  const sentCount = new Map(sent.map((s) => [s.campaignId, s._count._all]));
  return campaigns.map((campaign) => {
    const estimate = campaign.estimate ? (JSON.parse(campaign.estimate) as CampaignEstimate) : null;
    const launched = campaign.launchedAt !== null;
    return {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      segment: campaign.segmentId ? (segmentName.get(campaign.segmentId) ?? null) : null,
      recipients: launched ? (recipientCount.get(campaign.id) ?? 0) : (estimate?.recipients ?? 0),
      estimated: !launched,
      sent: sentCount.get(campaign.id) ?? 0,
      launchedAt: campaign.launchedAt?.toISOString() ?? null,
    };
  });
}
