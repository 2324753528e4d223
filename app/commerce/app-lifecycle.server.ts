import type { AppContext } from "~/context.server";
import { forgetShopId } from "./webhook-deliveries.server";

// app/uninstalled: the shop's sessions are void the moment Shopify says so.
// Runs inside the delivery's transaction.
export async function markShopUninstalled({ db, clock }: AppContext, shopDomain: string) {
  await db.session.deleteMany({ where: { shop: shopDomain } });
  await db.shop.updateMany({ where: { domain: shopDomain }, data: { uninstalledAt: clock.now() } });
  forgetShopId(shopDomain);
}

// app/scopes_update: keep stored sessions in step with the scopes the merchant granted.
export async function updateGrantedScopes({ db }: AppContext, shopDomain: string, scopes: string[]) {
  await db.session.updateMany({ where: { shop: shopDomain }, data: { scope: scopes.join(",") } });
}
