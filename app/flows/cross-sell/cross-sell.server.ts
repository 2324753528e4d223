// The cross-sell itself, run by its job when due: checked again (flow on, consent, no person on
// the thread, a well-supported pair), the shopper enrolled (a held-out one is recorded and sent
// nothing), then one marketing text naming the product, with a tracked link, the optional code
// and the product's image.
import { inTransaction, type AppContext } from "~/context.server";
import { issueFlowDiscount } from "~/commerce/discounts.server";
import { productDetails } from "~/commerce/products.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { recoveryTarget } from "../cart-recovery/recovery-text";
import { enroll, finishEnrollment, RUNNING } from "../enrollments.server";
import { createTrackedLink, shortLinkUrl } from "../links.server";
import { loadShipmentForTexts } from "../shipping/shipment-context.server";
import { renderTemplate } from "../templates";
import { offerWording } from "../flow-offer";
import { suggestedProduct } from "./co-occurrence.server";
import { CROSS_SELL_FLOW, crossSellSettingsOf, dueAt, isGoodRating, scheduleCrossSell, waitsForRating, type CrossSellPayload } from "./cross-sell-trigger.server";

export async function runCrossSell(ctx: AppContext, payload: CrossSellPayload, deps: MessagingDeps) {
  const shipment = await loadShipmentForTexts(ctx, payload.shipmentId);
  const order = shipment?.order;
  if (!shipment || !order?.contactId || shipment.shop.uninstalledAt) return;
  const { shop } = shipment;
  const settings = crossSellSettingsOf(shop);
  if (!settings.enabled) return;
  if (waitsForRating(shop) && !(payload.rating !== undefined && isGoodRating(payload.rating))) return;
  // A rating answered before the delay is over: the cross-sell waits for its time.
  const due = dueAt(ctx, shop, shipment.deliveredAt);
  if (ctx.clock.now() < due) {
    await scheduleCrossSell(ctx, shipment, due, { rating: payload.rating });
    return;
  }

  const contact = await ctx.db.contact.findUnique({ where: { id: order.contactId } });
  if (!contact || contact.optedOutAt || !contact.marketingConsent || (await withPerson(ctx, contact.id))) return;
  const lines = await ctx.db.orderLine.findMany({ where: { orderId: order.id }, orderBy: { title: "asc" } });
  const product = await suggestedProduct(ctx, { shopId: shop.id, contactId: contact.id, purchased: lines.map((l) => l.productId), minOrders: settings.minPairOrders });
  if (!product) return;

  const { enrollment } = await enroll(ctx, {
    shopId: shop.id,
    contactId: contact.id,
    flow: CROSS_SELL_FLOW,
    triggerKey: `order:${order.shopifyOrderId}`,
    holdoutPercent: settings.holdoutPercent,
    productId: product.id,
  });
  // Held out, or texted by an earlier run; a run that failed after enrolling resumes here.
  if (enrollment.status !== RUNNING) return;
  const admin = deps.shopifyAdmin && (() => deps.shopifyAdmin!(shop.domain));
  const details = await productDetails(ctx, admin, shop.id, product.id);
  const discount =
    settings.offer.percent > 0 && admin
      ? await issueFlowDiscount(ctx, admin, { shopId: shop.id, flowEnrollmentId: enrollment.id, title: "Textback cross-sell", percentage: settings.offer.percent, validHours: settings.offer.validDays * 24, secret: deps.encryptionKey })
      : null;

  await inTransaction(ctx, async (tx) => {
    // Finishing it is the once: a second run that gets here finds it finished and texts nothing.
    if ((await finishEnrollment(tx, enrollment.id)).count === 0) return;
    const target = recoveryTarget(details?.url ?? `https://${shop.domain}/`, discount?.code ?? null);
    const link = await createTrackedLink(tx, { shopId: shop.id, target });
    const body = renderTemplate(settings.template, {
      first_name: contact.firstName ?? "Hi",
      shop: shop.brandName ?? shop.name,
      purchased: lines[0]?.title ?? "order",
      product: details?.title ?? product.title,
      link: shortLinkUrl(deps.appUrl, link.code),
      discount: offerWording(discount),
    });
    const mediaUrls = settings.attachImage && details?.imageUrl ? [details.imageUrl] : undefined;
    const message = await requestText(
      tx,
      { shopId: shop.id, to: contact.phone, body, purpose: "marketing", flow: CROSS_SELL_FLOW, flowStep: 1, firstInFlow: true, mediaUrls },
      deps.secrets,
    );
    await tx.db.link.update({ where: { id: link.id }, data: { messageId: message.id } });
    if (discount) await tx.db.discountCode.update({ where: { id: discount.id }, data: { messageId: message.id } });
  });
}

// A person who took the thread and has not closed it decides what the shopper hears next.
async function withPerson(ctx: AppContext, contactId: string) {
  const taken = await ctx.db.conversation.findFirst({ where: { contactId, takenOverAt: { not: null }, state: { not: "closed" } }, select: { id: true } });
  return Boolean(taken);
}
