// A milestone's text to the shopper whose order it is: rendered from the merchant's template
// and requested through the sender gate as a transactional text, so consent, quiet hours (a
// "delivered" at 23:00 waits for morning) and staleness are the gate's decision. The
// milestone is marked texted in the same transaction, so a job that runs twice texts once.
import { inTransaction, type AppContext } from "~/context.server";
import { enqueueJob } from "~/jobs/queue.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { renderTemplate } from "~/flows/templates";
import { readSettingsSection } from "~/settings/shop-settings.server";
import { SHIPPING_MILESTONES, SHIPPING_SETTINGS_KEY, ShippingSettings, type ShippingMilestone } from "./shipping-settings";
import { isEndedFulfillment } from "./fulfillment-payloads";
import { loadShipmentForTexts, shipmentTemplateValues, textableContact, type ShipmentForTexts } from "./shipment-context.server";

export const ORDER_RATING_JOB = "request-order-rating";
export const SHIPPING_FLOW = "shipping";

export async function sendShippingUpdate(ctx: AppContext, input: { shipmentId: string; milestone: ShippingMilestone }, deps: MessagingDeps) {
  const shipment = await loadShipmentForTexts(ctx, input.shipmentId);
  if (!shipment || isEndedFulfillment(shipment.status)) return;
  // A text about the way there is no news once the parcel has arrived.
  if (input.milestone !== "delivered" && shipment.shipmentStatus === "delivered") return;
  const settings = readSettingsSection(shipment.shop, SHIPPING_SETTINGS_KEY, ShippingSettings);
  if (!settings.enabled) return;
  if (input.milestone === "delivered") await scheduleRatingRequest(ctx, shipment, settings);
  const step = settings[input.milestone];
  const contact = await textableContact(ctx, shipment);
  if (!step.enabled || !contact) return;
  await inTransaction(ctx, async (txCtx) => {
    // Re-read inside the transaction: the row lock (PostgreSQL) orders two runs of one job.
    const current = await txCtx.db.shipment.update({ where: { id: shipment.id }, data: { updatedAt: txCtx.clock.now() } });
    const notified: string[] = JSON.parse(current.notifiedStatuses);
    if (notified.includes(input.milestone)) return;
    await requestText(
      txCtx,
      {
        shopId: shipment.shopId,
        to: contact.phone,
        body: renderTemplate(step.template, shipmentTemplateValues(shipment, contact)),
        purpose: "transactional",
        flow: SHIPPING_FLOW,
        flowStep: SHIPPING_MILESTONES.indexOf(input.milestone) + 1,
        firstInFlow: true,
      },
      deps.secrets,
    );
    await txCtx.db.shipment.update({
      where: { id: shipment.id },
      data: { notifiedStatuses: JSON.stringify([...notified, input.milestone]) },
    });
  });
}

// One rating request per order, however many parcels it came in.
function scheduleRatingRequest(ctx: AppContext, shipment: ShipmentForTexts, settings: ShippingSettings) {
  if (!settings.rating.enabled) return;
  const deliveredAt = shipment.deliveredAt ?? ctx.clock.now();
  return enqueueJob(ctx, {
    kind: ORDER_RATING_JOB,
    payload: { shipmentId: shipment.id },
    runAt: new Date(deliveredAt.getTime() + settings.rating.delayDays * 24 * 60 * 60_000),
    shopId: shipment.shopId,
    dedupeKey: `${ORDER_RATING_JOB}:${shipment.shopId}:${shipment.shopifyOrderId}`,
    // A parcel delivered months after the first must not ask again.
    keepKeyForDays: 365,
  });
}
