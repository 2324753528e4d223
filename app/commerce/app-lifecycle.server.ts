import type { AppContext } from "~/context.server";
import { cancelJobs } from "~/jobs/queue.server";
import { moveMessages, WAITING_TO_SEND } from "~/messaging/message-lifecycle.server";

// app/uninstalled: the shop's sessions are void the moment Shopify says so, and nothing more
// is done for it: every queued job (sends, flow steps) is cancelled and every text still
// waiting is marked cancelled. The data stays until shop/redact, in case the merchant returns.
// Runs inside the delivery's transaction.
export async function markShopUninstalled(ctx: AppContext, shopDomain: string) {
  const { db, clock } = ctx;
  const now = clock.now();
  await db.session.deleteMany({ where: { shop: shopDomain } });
  await db.shop.updateMany({ where: { domain: shopDomain }, data: { uninstalledAt: now } });
  const shop = await db.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } });
  if (!shop) return;
  await cancelJobs(ctx, { shopId: shop.id }, "the app was uninstalled");
  await moveMessages(db, {
    where: { shopId: shop.id, direction: "outbound" },
    from: WAITING_TO_SEND,
    to: "cancelled",
    data: { errorDetail: "the app was uninstalled", holdUntil: null, updatedAt: now },
  });
}

// app/scopes_update: keep stored sessions in step with the scopes the merchant granted.
export async function updateGrantedScopes({ db }: AppContext, shopDomain: string, scopes: string[]) {
  await db.session.updateMany({ where: { shop: shopDomain }, data: { scope: scopes.join(",") } });
}
