// The picture a welcome offer or a win-back text carries when the merchant attaches one: the
// product the shopper last bought, else the shop's best seller. requestText sends it as MMS
// where the number takes MMS (messaging/mms.ts).
import type { Shop } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { bestSellerProductId, productDetails } from "~/commerce/products.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";

export async function flowImage(ctx: AppContext, deps: MessagingDeps, shop: Shop, contactId: string | null): Promise<string[] | undefined> {
  const lastBought = contactId
    ? await ctx.db.orderLine.findFirst({ where: { shopId: shop.id, order: { contactId } }, orderBy: { order: { placedAt: "desc" } }, select: { productId: true } })
    : null;
  const admin = deps.shopifyAdmin && (() => deps.shopifyAdmin!(shop.domain));
  for (const productId of [lastBought?.productId, await bestSellerProductId(ctx, shop.id)]) {
    const imageUrl = productId && (await productDetails(ctx, admin, shop.id, productId))?.imageUrl;
    if (imageUrl) return [imageUrl];
  }
  return undefined;
}
