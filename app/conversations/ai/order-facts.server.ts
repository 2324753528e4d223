// The texting shopper's latest order, as the model may quote it: only ever the order placed
// from the phone that asks (as STATUS answers), from the rows Shopify's webhooks stored.
import type { AppContext } from "~/context.server";
import { isEndedFulfillment } from "~/flows/shipping/fulfillment-payloads";
import { webUrl } from "~/web-url";
import type { Contact, Shipment, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { OrderFacts } from "./chat-prompt";

export async function latestOrderFacts(ctx: AppContext, shop: Shop, contact: Contact): Promise<OrderFacts | null> {
  const order = await ctx.db.order.findFirst({
    where: { shopId: shop.id, OR: [{ phone: contact.phone }, { contactId: contact.id }] },
    orderBy: { placedAt: "desc" },
  });
  if (order) {
    // By Shopify's order id: a shipment stored before its order has no orderId.
    const shipments = await ctx.db.shipment.findMany({ where: { shopId: shop.id, shopifyOrderId: order.shopifyOrderId }, orderBy: { updatedAt: "desc" } });
    return factsOf(order.name, order.fulfillmentStatus, shipments, shop.ianaTimezone);
  }
  // A fulfillment can arrive before its order: its shipment knows the phone and the order's name.
  const shipment = await ctx.db.shipment.findFirst({ where: { shopId: shop.id, phone: contact.phone }, orderBy: { createdAt: "desc" } });
  return shipment ? factsOf(shipment.orderName ?? "", null, [shipment], shop.ianaTimezone) : null;
}

function factsOf(orderName: string, fulfillmentStatus: string | null, shipments: Shipment[], timeZone: string): OrderFacts {
  const shipment = shipments.find((s) => !isEndedFulfillment(s.status));
  return {
    orderName,
    fulfilment: fulfilmentOf(shipment, fulfillmentStatus),
    carrier: shipment?.trackingCompany ?? null,
    trackingUrl: webUrl(shipment?.trackingUrl),
    deliveredOn: shipment?.deliveredAt ? new Intl.DateTimeFormat("en-CA", { timeZone }).format(shipment.deliveredAt) : null,
  };
}

// Worded as the shopper would be told, so a faithful answer can repeat it ("out for delivery today").
function fulfilmentOf(shipment: Shipment | undefined, fulfillmentStatus: string | null): string {
  if (!shipment) return fulfillmentStatus === "fulfilled" ? "fulfilled" : "not shipped yet";
  switch (shipment.shipmentStatus) {
    case "delivered":
      return "delivered";
    case "out_for_delivery":
      return "out for delivery today";
    case "attempted_delivery":
      return "delivery attempted";
    default:
      return "shipped";
  }
}
