// "Record once": every verified delivery becomes one WebhookEvent row keyed by the source's
// own id; a repeat of the same id is recognised by the unique constraint and acted on no more.
import { randomUUID } from "node:crypto";
import { inTransaction, type AppContext } from "~/context.server";

export interface WebhookDelivery {
  source: "shopify" | "telnyx";
  externalId: string;
  topic: string;
  shopDomain?: string;
  payload: string;
}

// A shop's id never changes, so it is cached to keep the hot path at one query.
const shopIds = new Map<string, string>();

async function shopIdFor({ db }: AppContext, domain: string | undefined) {
  if (!domain) return null;
  const cached = shopIds.get(domain);
  if (cached) return cached;
  const shop = await db.shop.findUnique({ where: { domain }, select: { id: true } });
  if (shop) shopIds.set(domain, shop.id);
  return shop?.id ?? null;
}

export function forgetShopId(domain: string) {
  shopIds.delete(domain);
}

/**
 * Records the delivery and does its immediate work in one transaction, so a delivery is never
 * recorded without its effect nor acted on twice. ON CONFLICT DO NOTHING rather than a caught
 * unique violation: a repeat simply inserts nothing (PostgreSQL waits for a racing insert to
 * commit first), and a unique violation inside the work stays an error instead of passing
 * for a duplicate.
 */
export async function recordOnceAnd(
  ctx: AppContext,
  delivery: WebhookDelivery,
  work: (txCtx: AppContext) => Promise<void>,
): Promise<{ firstDelivery: boolean }> {
  const shopId = await shopIdFor(ctx, delivery.shopDomain);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (txCtx) => {
    const inserted = await txCtx.db.$executeRaw`
      INSERT INTO "WebhookEvent" ("id", "createdAt", "updatedAt", "shopId", "source", "externalId",
                                  "topic", "shopDomain", "payload", "receivedAt")
      VALUES (${randomUUID()}, ${now}, ${now}, ${shopId}, ${delivery.source}, ${delivery.externalId},
              ${delivery.topic}, ${delivery.shopDomain ?? null}, ${delivery.payload}, ${now})
      ON CONFLICT ("source", "externalId") DO NOTHING`;
    if (inserted === 0) return { firstDelivery: false };
    await work(txCtx);
    return { firstDelivery: true };
  });
}
