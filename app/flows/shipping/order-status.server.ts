// STATUS: the latest order placed from the shopper's phone and where its parcel is. Only ever
// about the phone that asks, so it reveals nothing to someone who merely knows an order number.
// The same words describe an order a shopper names by number once it is known to be theirs.
import type { AppContext } from "~/context.server";
import { webUrl } from "~/web-url";
import type { Contact, Shipment, Shop } from "../../../prisma/generated/sqlite/index.js";
import { isEndedFulfillment } from "./fulfillment-payloads";

export const UNKNOWN_ORDER_REPLY =
  "We couldn't find an order for this number. Reply with your order number (like #1001) and we'll look it up for you.";

/** Where a parcel is, as a stored Shipment or an Admin API fulfillment tells it. */
export type Parcel = Pick<Shipment, "shipmentStatus" | "trackingCompany" | "trackingUrl" | "deliveredAt">;

export async function describeLatestOrder(ctx: AppContext, shop: Shop, contact: Contact): Promise<{ found: boolean; reply: string }> {
  const [order, shipment] = await Promise.all([
    ctx.db.order.findFirst({
      where: { shopId: shop.id, OR: [{ phone: contact.phone }, { contactId: contact.id }] },
      orderBy: { placedAt: "desc" },
    }),
    // A fulfillment can arrive before its order: its shipment knows the phone too.
    ctx.db.shipment.findFirst({ where: { shopId: shop.id, phone: contact.phone }, orderBy: { createdAt: "desc" } }),
  ]);
  const newerShipment = shipment && (!order || (shipment.shopifyOrderId !== order.shopifyOrderId && shipment.createdAt > order.placedAt));
  if (newerShipment) return { found: true, reply: describeShipments(shipment.orderName ?? "", [shipment], shop.ianaTimezone) };
  if (!order) return { found: false, reply: UNKNOWN_ORDER_REPLY };
  return { found: true, reply: await describeStoredOrder(ctx, shop, order) };
}

export async function describeStoredOrder(ctx: AppContext, shop: Shop, order: { name: string; shopifyOrderId: string }) {
  const shipments = await ctx.db.shipment.findMany({ where: { shopId: shop.id, shopifyOrderId: order.shopifyOrderId }, orderBy: { updatedAt: "desc" } });
  return describeShipments(order.name, shipments, shop.ianaTimezone);
}

/** The order's story from its shipments, newest first; a cancelled fulfillment tells nothing. */
export function describeShipments(orderName: string, shipments: Shipment[], timeZone: string) {
  return describeOrder(orderName, shipments.find((s) => !isEndedFulfillment(s.status)), timeZone);
}

/** "Your order #1043 has shipped with UPS. Track it here: …"; without a parcel, not shipped yet. */
export function describeOrder(orderName: string, parcel: Parcel | undefined, timeZone: string) {
  return `Your order ${orderName} ${journeyOf(parcel, timeZone)}`.replace(/ {2,}/g, " ");
}

function journeyOf(parcel: Parcel | undefined, timeZone: string): string {
  if (!parcel) return "is being prepared and hasn't shipped yet. We'll text you the tracking link when it does.";
  const trackingUrl = webUrl(parcel.trackingUrl);
  const track = trackingUrl ? ` Track it here: ${trackingUrl}` : "";
  const carrier = parcel.trackingCompany ? ` with ${parcel.trackingCompany}` : "";
  switch (parcel.shipmentStatus) {
    case "delivered":
      return `was delivered${parcel.deliveredAt ? ` on ${dayOf(parcel.deliveredAt, timeZone)}` : ""}.${track}`;
    case "out_for_delivery":
      return `is out for delivery today.${track}`;
    case "attempted_delivery":
      return `had a delivery attempt${carrier}.${track}`;
    default:
      return `has shipped${carrier}.${track}`;
  }
}

const dayOf = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(at);
