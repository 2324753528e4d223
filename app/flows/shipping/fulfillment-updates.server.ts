// A fulfillment webhook, in the delivery's transaction: the shipment is stored with what the
// fulfillment says (phone and order name too, since orders/create may not have arrived; the
// Order row is orders/create's alone), and each milestone it reaches queues one shipping text. The job's dedupe key is the "once": however
// often the carrier scans or Shopify repeats itself, a fulfillment texts each milestone once.
import { randomUUID } from "node:crypto";
import type { Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { crossSellAfterDelivery } from "~/flows/cross-sell/cross-sell-trigger.server";
import { cancelJobs, enqueueJob } from "~/jobs/queue.server";
import { MAX_AGE_MS } from "~/messaging/text-purpose";
import {
  destinationPhone,
  FulfillmentEventPayload,
  FulfillmentPayload,
  isEndedFulfillment,
  milestoneOfEvent,
  milestoneOfFulfillment,
  orderNameOf,
  parseShopifyBody,
} from "./fulfillment-payloads";
import type { ShippingMilestone } from "./shipping-settings";

export const SHIPPING_UPDATE_JOB = "send-shipping-update";

export type FulfillmentTopic = "fulfillments/create" | "fulfillments/update" | "fulfillment_events/create";

export type FulfillmentOutcome =
  | { outcome: "recorded"; shipmentId: string; milestone: ShippingMilestone | null }
  | { outcome: "ignored"; reason: string };

export async function recordFulfillmentWebhook(
  ctx: AppContext,
  input: { shopDomain: string; topic: FulfillmentTopic; payload: string },
): Promise<FulfillmentOutcome> {
  const shop = await ctx.db.shop.findUnique({ where: { domain: input.shopDomain } });
  if (!shop) return { outcome: "ignored", reason: `no shop ${input.shopDomain}` };
  if (input.topic === "fulfillment_events/create") {
    const event = parseShopifyBody(input.payload, FulfillmentEventPayload, input.topic);
    if (!event.success) return { outcome: "ignored", reason: event.reason };
    return recordEvent(ctx, shop, event.data);
  }
  const fulfillment = parseShopifyBody(input.payload, FulfillmentPayload, input.topic);
  if (!fulfillment.success) return { outcome: "ignored", reason: fulfillment.reason };
  return recordFulfillment(ctx, shop, fulfillment.data);
}

/** The ingestion of one fulfillment topic (see app/commerce/webhook-topics.server.ts). */
export function fulfillmentIngestion(topic: FulfillmentTopic) {
  return (ctx: AppContext, input: { shopDomain: string; payload: string }) => recordFulfillmentWebhook(ctx, { ...input, topic });
}

async function recordFulfillment(ctx: AppContext, shop: Shop, f: FulfillmentPayload): Promise<FulfillmentOutcome> {
  const order = await storedOrder(ctx, shop.id, f.order_id);
  const milestone = milestoneOfFulfillment(f);
  const phone = destinationPhone(f.destination) ?? order?.phone;
  const orderName = orderNameOf(f.name) ?? order?.name;
  const tracking = {
    status: f.status,
    ...(phone && { phone }),
    ...(orderName && { orderName }),
    ...(f.tracking_company && { trackingCompany: f.tracking_company }),
    ...(f.tracking_number && { trackingNumber: f.tracking_number }),
    ...(f.tracking_url && { trackingUrl: f.tracking_url }),
  };
  const shipment = await upsertShipment(ctx, shop.id, f.id, { shopifyOrderId: f.order_id, orderId: order?.id, ...tracking });
  await advanceJourney(ctx, shipment, f.shipment_status ?? null, null);
  if (isEndedFulfillment(f.status)) {
    await cancelJobs(ctx, { shopId: shop.id, dedupeKeyPrefix: `${SHIPPING_UPDATE_JOB}:${shipment.id}:` }, `fulfillment ${f.status}`);
    return { outcome: "recorded", shipmentId: shipment.id, milestone: null };
  }
  if (milestone) await queueShippingUpdate(ctx, shop.id, shipment.id, milestone);
  if (milestone === "delivered") await crossSellAfterDelivery(ctx, shop, shipment.id);
  return { outcome: "recorded", shipmentId: shipment.id, milestone };
}

async function recordEvent(ctx: AppContext, shop: Shop, e: FulfillmentEventPayload): Promise<FulfillmentOutcome> {
  const shopId = shop.id;
  const order = await storedOrder(ctx, shopId, e.order_id);
  // An event can overtake its fulfillment's webhook: the shipment starts from what the event knows.
  const shipment = await upsertShipment(ctx, shopId, e.fulfillment_id, { shopifyOrderId: e.order_id, orderId: order?.id });
  const happenedAt = e.happened_at && !Number.isNaN(Date.parse(e.happened_at)) ? new Date(e.happened_at) : null;
  await advanceJourney(ctx, shipment, e.status, happenedAt);
  const milestone = milestoneOfEvent(e);
  // A scan reported a day late is history, not news.
  const stale = happenedAt && ctx.clock.now().getTime() - happenedAt.getTime() > MAX_AGE_MS.transactional;
  if (milestone && !stale && !isEndedFulfillment(shipment.status)) await queueShippingUpdate(ctx, shopId, shipment.id, milestone);
  if (milestone === "delivered" && !isEndedFulfillment(shipment.status)) await crossSellAfterDelivery(ctx, shop, shipment.id);
  return { outcome: "recorded", shipmentId: shipment.id, milestone };
}

// Inserted with ON CONFLICT DO NOTHING rather than Prisma's upsert (a read, then a write): two
// deliveries about one fulfillment at once must not meet in a unique violation, which on
// PostgreSQL aborts the delivery's transaction.
async function upsertShipment(
  ctx: AppContext,
  shopId: string,
  shopifyFulfillmentId: string,
  data: {
    shopifyOrderId: string;
    orderId?: string;
    status?: string;
    phone?: string;
    orderName?: string;
    trackingCompany?: string;
    trackingNumber?: string;
    trackingUrl?: string;
  },
) {
  const now = ctx.clock.now();
  await ctx.db.$executeRaw`
    INSERT INTO "Shipment" ("id", "createdAt", "updatedAt", "shopId", "shopifyFulfillmentId", "shopifyOrderId", "status", "notifiedStatuses")
    VALUES (${randomUUID()}, ${now}, ${now}, ${shopId}, ${shopifyFulfillmentId}, ${data.shopifyOrderId}, ${data.status ?? "open"}, '[]')
    ON CONFLICT ("shopId", "shopifyFulfillmentId") DO NOTHING`;
  // The update waits for the row's lock (PostgreSQL), so concurrent deliveries apply in turn.
  return ctx.db.shipment.update({ where: { shopId_shopifyFulfillmentId: { shopId, shopifyFulfillmentId } }, data: { ...data, updatedAt: now } });
}

/** The order when orders/create has stored it; shipments are tied to it by Shopify's order id. */
export function storedOrder(ctx: AppContext, shopId: string, shopifyOrderId: string) {
  return ctx.db.order.findUnique({ where: { shopId_shopifyOrderId: { shopId, shopifyOrderId } } });
}

const DELIVERED = "delivered";

// The carrier's latest word, except that nothing late-arriving undoes "delivered".
async function advanceJourney(ctx: AppContext, shipment: { id: string; shipmentStatus: string | null; deliveredAt: Date | null }, status: string | null, at: Date | null) {
  if (!status || shipment.shipmentStatus === DELIVERED) return;
  const deliveredAt = status === DELIVERED ? (at ?? ctx.clock.now()) : shipment.deliveredAt;
  await ctx.db.shipment.update({ where: { id: shipment.id }, data: { shipmentStatus: status, deliveredAt } });
}

function queueShippingUpdate(ctx: AppContext, shopId: string, shipmentId: string, milestone: ShippingMilestone) {
  return enqueueJob(ctx, {
    kind: SHIPPING_UPDATE_JOB,
    payload: { shipmentId, milestone },
    shopId,
    dedupeKey: `${SHIPPING_UPDATE_JOB}:${shipmentId}:${milestone}`,
    // Carriers re-send old tracking events for weeks; a milestone is texted once.
    keepKeyForDays: 90,
  });
}
