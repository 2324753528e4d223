import type { AppContext } from "~/context.server";

export class ShopNotInstalledError extends Error {}

// Admin requests name the shop by domain; everything else keys on its id.
export async function installedShop({ db }: AppContext, domain: string) {
  const shop = await db.shop.findUnique({ where: { domain } });
  if (!shop || shop.uninstalledAt) throw new ShopNotInstalledError(domain);
  return shop;
}
