// What every admin route does first: authenticate the request with Shopify and find the shop
// and the staff member behind it.
import { authenticate } from "./shopify.server";
import { appContext } from "./services.server";
import { installedShop, ShopNotInstalledError } from "./commerce/shops.server";

export async function requireAdmin(request: Request) {
  const { session, sessionToken } = await authenticate.admin(request);
  try {
    const shop = await installedShop(appContext, session.shop);
    const staffUserId = String(sessionToken?.sub ?? session.onlineAccessInfo?.associated_user.id ?? "staff");
    return { shop, staffUserId };
  } catch (error) {
    if (error instanceof ShopNotInstalledError) throw new Response("Shop not installed", { status: 404 });
    throw error;
  }
}
