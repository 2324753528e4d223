import type { AppContext } from "~/context.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ShopStatus {
  shopName: string;
  telnyxConnected: boolean;
  sendingNumber: string | null;
  contacts: number;
  webhooksLastDay: number;
  lastWebhook: { topic: string; receivedAt: string } | null;
  jobsWaiting: number;
}

// What the merchant sees first: is texting set up, and is Shopify reaching the app.
export async function loadShopStatus({ db, clock }: AppContext, shopDomain: string): Promise<ShopStatus | null> {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return null;
  const since = new Date(clock.now().getTime() - DAY_MS);
  const [contacts, webhooksLastDay, lastWebhook, jobsWaiting] = await Promise.all([
    db.contact.count({ where: { shopId: shop.id } }),
    db.webhookEvent.count({ where: { shopId: shop.id, receivedAt: { gte: since } } }),
    db.webhookEvent.findFirst({ where: { shopId: shop.id }, orderBy: { receivedAt: "desc" } }),
    db.job.count({ where: { shopId: shop.id, status: "queued" } }),
  ]);
  return {
    shopName: shop.name,
    telnyxConnected: Boolean(shop.telnyxApiKeyEncrypted && shop.sendingNumber),
    sendingNumber: shop.sendingNumber,
    contacts,
    webhooksLastDay,
    lastWebhook: lastWebhook && { topic: lastWebhook.topic, receivedAt: lastWebhook.receivedAt.toISOString() },
    jobsWaiting,
  };
}
