// One campaign as its admin page shows it: the API's view of it (what was composed, the estimate
// frozen at launch, the report per arm) with its segment's name, the shop's zone and currency,
// and whether Cancel still has anything to stop.
import type { AppContext } from "~/context.server";
import { WAITING_TO_SEND } from "~/messaging/message-lifecycle.server";
import { campaignView } from "./campaigns.server";

/** The page's campaign; null for another shop's or no campaign. */
export async function campaignPage(ctx: AppContext, shopId: string, campaignId: string) {
  const view = await campaignView(ctx, shopId, campaignId);
  if (!view) return null;
  const [shop, segment, waiting] = await Promise.all([
    ctx.db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true, currency: true } }),
    view.segmentId ? ctx.db.segment.findFirst({ where: { id: view.segmentId, shopId }, select: { name: true } }) : null,
    // "sent" means every text was handed on; some may still wait for quiet hours or a cap.
    view.status === "sent" ? ctx.db.message.count({ where: { campaignId, direction: "outbound", status: { in: [...WAITING_TO_SEND] } } }) : 0,
  ]);
  return {
    ...view,
    segment: segment?.name ?? null,
    timeZone: shop.ianaTimezone,
    currency: shop.currency,
    cancellable: ["draft", "scheduled", "sending"].includes(view.status) || waiting > 0,
  };
}

export type CampaignPage = NonNullable<Awaited<ReturnType<typeof campaignPage>>>;
