// What every shipping text needs about a shipment: its shop, its order, and the shopper it may
// be sent to.
import type { AppContext } from "~/context.server";
import type { Contact } from "../../../prisma/generated/sqlite/index.js";

export function loadShipmentForTexts(ctx: AppContext, shipmentId: string) {
  return ctx.db.shipment.findUnique({ where: { id: shipmentId }, include: { shop: true, order: true } });
}
export type ShipmentForTexts = NonNullable<Awaited<ReturnType<typeof loadShipmentForTexts>>>;

/** The order's shopper, when they agreed to order texts and have not opted out; else null. */
export async function textableContact(ctx: AppContext, shipment: ShipmentForTexts): Promise<Contact | null> {
  const phone = shipment.order?.phone;
  if (!phone) return null;
  const contact = await ctx.db.contact.findUnique({ where: { shopId_phone: { shopId: shipment.shopId, phone } } });
  if (!contact || contact.optedOutAt) return null;
  return contact.transactionalConsent || contact.marketingConsent ? contact : null;
}

export function shipmentTemplateValues(shipment: ShipmentForTexts, contact: Contact) {
  return {
    first_name: contact.firstName ?? undefined,
    order_name: shipment.order?.name,
    carrier: shipment.trackingCompany ?? "the carrier",
    tracking_number: shipment.trackingNumber ?? undefined,
    tracking_url: shipment.trackingUrl ?? undefined,
    shop_name: shipment.shop.brandName ?? shipment.shop.name,
  };
}
