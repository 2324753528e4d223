// "Record once": every verified delivery becomes one WebhookEvent row keyed by the source's
// own id; a repeat of the same id is recognised by the unique constraint and acted on no more.
import type { AppContext } from "~/context.server";

export interface WebhookDelivery {
  source: "shopify" | "telnyx";
  externalId: string;
  topic: string;
  shopDomain?: string;
  payload: string;
}

const UNIQUE_VIOLATION = "P2002";

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;
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

export async function recordWebhookDelivery(
  ctx: AppContext,
  delivery: WebhookDelivery,
): Promise<{ firstDelivery: boolean; eventId?: string }> {
  try {
    const event = await ctx.db.webhookEvent.create({
      data: {
        ...delivery,
        shopId: await shopIdFor(ctx, delivery.shopDomain),
        receivedAt: ctx.clock.now(),
      },
      select: { id: true },
    });
    return { firstDelivery: true, eventId: event.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { firstDelivery: false };
    throw error;
  }
}
