// When a cross-sell is due: delayDays after the order's delivery. With the shipping rating flow
// on, a good delivery is one the shopper rated 4 or 5, so the delivery alone schedules nothing
// and a rating of 4–5 does (a poor one goes to a person instead of a sales pitch).
import type { Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { enqueueJob, JOB_PRIORITY } from "~/jobs/queue.server";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { SHIPPING_SETTINGS_KEY, ShippingSettings } from "../shipping/shipping-settings";
import { CROSS_SELL_SETTINGS_KEY, CrossSellSettings } from "./cross-sell-settings";

export const CROSS_SELL_JOB = "send-cross-sell";
export const CROSS_SELL_FLOW = "cross_sell";
const DAY_MS = 24 * 3_600_000;

export interface CrossSellPayload {
  shipmentId: string;
  /** The shopper's 1–5 rating of the order, when one started it. */
  rating?: number;
}

export function crossSellSettingsOf(shop: { settings: string }) {
  return readSettingsSection(shop, CROSS_SELL_SETTINGS_KEY, CrossSellSettings);
}

/** The rating flow is on: a cross-sell waits for a 4–5 rating. */
export function waitsForRating(shop: { settings: string }) {
  const shipping = readSettingsSection(shop, SHIPPING_SETTINGS_KEY, ShippingSettings);
  return shipping.enabled && shipping.rating.enabled;
}

export function isGoodRating(rating: number) {
  return rating >= 4;
}

/** A shipment reached "delivered": the cross-sell is planned unless it waits for a rating. */
export async function crossSellAfterDelivery(ctx: AppContext, shop: Shop, shipmentId: string) {
  if (!crossSellSettingsOf(shop).enabled || waitsForRating(shop)) return;
  const shipment = await ctx.db.shipment.findUnique({ where: { id: shipmentId } });
  if (shipment) await scheduleCrossSell(ctx, shipment, dueAt(ctx, shop, shipment.deliveredAt), {});
}

/** The job a 4–5 rating of a delivered order starts (it waits for its time itself); undefined for any other. */
export function crossSellAfterRating(shop: { settings: string }, shipmentId: string, rating: number) {
  if (!isGoodRating(rating) || !crossSellSettingsOf(shop).enabled) return undefined;
  return { job: CROSS_SELL_JOB, payload: { shipmentId, rating } satisfies CrossSellPayload };
}

/** When the cross-sell for a delivery is due. */
export function dueAt(ctx: AppContext, shop: { settings: string }, deliveredAt: Date | null) {
  return new Date((deliveredAt ?? ctx.clock.now()).getTime() + crossSellSettingsOf(shop).delayDays * DAY_MS);
}

/** One cross-sell job per order, however many parcels or ratings it had. */
export function scheduleCrossSell(ctx: AppContext, shipment: { id: string; shopId: string; shopifyOrderId: string }, runAt: Date, extra: Pick<CrossSellPayload, "rating">) {
  return enqueueJob(ctx, {
    kind: CROSS_SELL_JOB,
    payload: { shipmentId: shipment.id, ...extra } satisfies CrossSellPayload,
    runAt,
    shopId: shipment.shopId,
    priority: JOB_PRIORITY.marketing,
    dedupeKey: `${CROSS_SELL_JOB}:${shipment.shopId}:${shipment.shopifyOrderId}`,
    keepKeyForDays: 365,
  });
}
