// STATUS: the latest order placed from the shopper's phone and where its parcel is. Only ever
// about the phone that asks, so it reveals nothing to someone who merely knows an order number.
import type { AppContext } from "~/context.server";
import { webUrl } from "~/web-url";
import type { Contact, Shipment, Shop } from "../../../prisma/generated/sqlite/index.js";
import { isEndedFulfillment } from "./fulfillment-payloads";

export const UNKNOWN_ORDER_REPLY =
  "We couldn't find an order for this number. Reply with your order number (like #1001) and a member of our team will look it up for you.";

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
  if (newerShipment) return { found: true, reply: describe(shipment.orderName ?? "", [shipment], shop.ianaTimezone) };
  if (!order) return { found: false, reply: UNKNOWN_ORDER_REPLY };
  const shipments = await ctx.db.shipment.findMany({ where: { shopId: shop.id, shopifyOrderId: order.shopifyOrderId }, orderBy: { updatedAt: "desc" } });
  return { found: true, reply: describe(order.name, shipments, shop.ianaTimezone) };
}

function describe(orderName: string, shipments: Shipment[], timeZone: string) {
  const shipment = shipments.find((s) => !isEndedFulfillment(s.status));
  return `Your order ${orderName} ${journeyOf(shipment, timeZone)}`.replace(/ {2,}/g, " ");
}

function journeyOf(shipment: Shipment | undefined, timeZone: string): string {
  if (!shipment) return "is being prepared and hasn't shipped yet. We'll text you the tracking link when it does.";
  const trackingUrl = webUrl(shipment.trackingUrl);
  const track = trackingUrl ? ` Track it here: ${trackingUrl}` : "";
  const carrier = shipment.trackingCompany ? ` with ${shipment.trackingCompany}` : "";
  switch (shipment.shipmentStatus) {
    case "delivered":
      return `was delivered${shipment.deliveredAt ? ` on ${dayOf(shipment.deliveredAt, timeZone)}` : ""}.${track}`;
    case "out_for_delivery":
      return `is out for delivery today.${track}`;
    case "attempted_delivery":
      return `had a delivery attempt${carrier}.${track}`;
    default:
      return `has shipped${carrier}.${track}`;
  }
}

const dayOf = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(at);
