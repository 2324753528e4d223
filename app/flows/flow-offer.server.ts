// What a lifecycle flow's offer text carries: a unique single-use code for the enrollment (when
// the flow offers one) and a tracked link to the store that applies it. Issued before the text's
// transaction (a call to Shopify must not hold it open); both are tied to the text once it exists.
import type { FlowEnrollment, Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { issueFlowDiscount } from "~/commerce/discounts.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { createTrackedLink, shortLinkUrl } from "./links.server";

export interface FlowOffer {
  discount: { id: string; code: string; percentage: number } | null;
  link: { id: string; url: string };
}

export async function issueFlowOffer(
  ctx: AppContext,
  deps: MessagingDeps,
  input: { shop: Shop; enrollment: Pick<FlowEnrollment, "id">; title: string; offer: { percent: number; validDays: number } },
): Promise<FlowOffer> {
  const { shop, enrollment, offer } = input;
  const discount = offer.percent > 0 ? await issueDiscount(ctx, deps, shop, enrollment.id, input.title, offer) : null;
  const target = discount ? `https://${shop.domain}/discount/${encodeURIComponent(discount.code)}` : `https://${shop.domain}/`;
  const link = await createTrackedLink(ctx, { shopId: shop.id, target });
  return { discount, link: { id: link.id, url: shortLinkUrl(deps.appUrl, link.code) } };
}

/** The offer's code and link point at the text that carried them (attribution, segments' clicks). */
export async function tieOfferToText(ctx: AppContext, offer: FlowOffer, messageId: string) {
  await ctx.db.link.update({ where: { id: offer.link.id }, data: { messageId } });
  if (offer.discount) await ctx.db.discountCode.update({ where: { id: offer.discount.id }, data: { messageId } });
}

function issueDiscount(ctx: AppContext, deps: MessagingDeps, shop: Shop, flowEnrollmentId: string, title: string, offer: { percent: number; validDays: number }) {
  const admin = deps.shopifyAdmin;
  if (!admin) throw new Error("No Shopify Admin client is configured to create discount codes");
  return issueFlowDiscount(ctx, () => admin(shop.domain), {
    shopId: shop.id,
    flowEnrollmentId,
    title,
    percentage: offer.percent,
    validHours: offer.validDays * 24,
    secret: deps.encryptionKey,
  });
}
