// What every shipping text needs about a shipment: its shop, its order (when orders/create has
// stored it), and the shopper it may be sent to.
import type { AppContext } from "~/context.server";
import { webUrl } from "~/web-url";
import type { Contact } from "../../../prisma/generated/sqlite/index.js";
import { storedOrder } from "./fulfillment-updates.server";

export async function loadShipmentForTexts(ctx: AppContext, shipmentId: string) {
  const shipment = await ctx.db.shipment.findUnique({ where: { id: shipmentId }, include: { shop: true } });
  if (!shipment) return null;
  const order = await storedOrder(ctx, shipment.shopId, shipment.shopifyOrderId);
  return { ...shipment, order, phone: shipment.phone ?? order?.phone ?? null, orderName: shipment.orderName ?? order?.name ?? null };
}
export type ShipmentForTexts = NonNullable<Awaited<ReturnType<typeof loadShipmentForTexts>>>;

/** The order's shopper, when they agreed to order texts and have not opted out; else null. */
export async function textableContact(ctx: AppContext, shipment: ShipmentForTexts): Promise<Contact | null> {
  if (!shipment.phone) return null;
  const contact = await ctx.db.contact.findUnique({ where: { shopId_phone: { shopId: shipment.shopId, phone: shipment.phone } } });
  if (!contact || contact.optedOutAt) return null;
  return contact.transactionalConsent || contact.marketingConsent ? contact : null;
}

export function shipmentTemplateValues(shipment: ShipmentForTexts, contact: Contact) {
  return {
    first_name: contact.firstName ?? undefined,
    order_name: shipment.orderName ?? undefined,
    carrier: shipment.trackingCompany ?? "the carrier",
    tracking_number: shipment.trackingNumber ?? undefined,
    tracking_url: webUrl(shipment.trackingUrl) ?? undefined,
    shop_name: shipment.shop.brandName ?? shipment.shop.name,
  };
}
