// orders/create and orders/paid: the order is stored once, stops its checkout's recovery flow
// in the same transaction, and is attributed to the flow when a recovery text plausibly
// brought the shopper back (the rule is the shop's and is stored with the order).
import type { Checkout, Order } from "../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import { findOrCreateContact } from "~/conversations/contacts.server";
import { CART_RECOVERY_FLOW } from "~/flows/cart-recovery/recovery-step.server";
import { stopRecovery } from "~/flows/cart-recovery/schedule.server";
import { stopWelcome } from "~/flows/welcome/welcome-schedule.server";
import { cartRecoverySettingsOf, type CartRecoverySettings } from "~/flows/cart-recovery/settings";
import { cancelPendingTexts } from "~/messaging/outbound.server";
import { noteOrder } from "~/marketing/contact-activity.server";
import { parseOrderPayload, type OrderFacts } from "./order-payload";

export type OrderIngestion =
  | { outcome: "stored"; orderId: string; attribution: Attribution | null }
  | { outcome: "updated"; orderId: string }
  | { outcome: "ignored"; reason: string };

export interface Attribution {
  messageId: string;
  rule: "clicked" | "texted";
}

const DAY_MS = 24 * 3_600_000;

export async function ingestOrder(txCtx: AppContext, input: { shopDomain: string; payload: string }): Promise<OrderIngestion> {
  const parsed = parseOrderPayload(input.payload);
  if (!parsed.ok) return { outcome: "ignored", reason: parsed.reason };
  const facts = parsed.order;
  const { db } = txCtx;
  const shop = await db.shop.findUnique({ where: { domain: input.shopDomain } });
  if (!shop || shop.uninstalledAt) return { outcome: "ignored", reason: `no installed shop ${input.shopDomain}` };

  const existing = await db.order.findUnique({ where: { shopId_shopifyOrderId: { shopId: shop.id, shopifyOrderId: facts.shopifyOrderId } } });
  if (existing) {
    // orders/paid after orders/create: the same order, its money already counted once.
    await db.order.update({ where: { id: existing.id }, data: { financialStatus: facts.financialStatus, fulfillmentStatus: facts.fulfillmentStatus } });
    return { outcome: "updated", orderId: existing.id };
  }
  const codes = await issuedCodes(txCtx, shop.id, facts.discountCodes);
  const contactId = facts.phone ? (await findOrCreateContact(txCtx, shop.id, facts.phone)).id : await contactTextedCode(txCtx, codes);
  const order = await db.order.create({ data: orderColumns(shop.id, contactId, facts) });
  // Stored with the order, once: a redelivery finds the order above and adds no lines.
  if (facts.lines.length > 0) await db.orderLine.createMany({ data: facts.lines.map((line) => ({ shopId: shop.id, orderId: order.id, ...line })) });
  if (contactId) await noteOrder(txCtx, contactId, facts);
  // A welcome offer is for someone who has not bought yet.
  if (contactId) await stopWelcome(txCtx, contactId, "ordered");
  if (codes.length > 0) await db.discountCode.updateMany({ where: { id: { in: codes.map((d) => d.id) } }, data: { usedByOrderId: order.id } });
  const checkout = await checkoutOf(txCtx, shop.id, facts.checkoutToken, codes);
  if (!checkout) return { outcome: "stored", orderId: order.id, attribution: null };

  await stopRecovery(txCtx, checkout, "ordered");
  await cancelPendingTexts(txCtx, { checkoutId: checkout.id }, "ordered");
  const attribution = await attribute(txCtx, checkout, order, cartRecoverySettingsOf(shop.settings).attribution);
  await db.checkout.update({
    where: { id: checkout.id },
    data: { completedAt: checkout.completedAt ?? facts.placedAt, ...(attribution && { recoveredOrderId: order.id }) },
  });
  if (attribution) {
    await db.order.update({
      where: { id: order.id },
      data: { attributedMessageId: attribution.messageId, attributionRule: attribution.rule, recoveredAt: attributionTime(txCtx, order) },
    });
  }
  return { outcome: "stored", orderId: order.id, attribution };
}

function orderColumns(shopId: string, contactId: string | null, facts: OrderFacts) {
  return {
    shopId,
    contactId,
    shopifyOrderId: facts.shopifyOrderId,
    name: facts.name,
    checkoutToken: facts.checkoutToken,
    phone: facts.phone,
    totalPrice: facts.totalPrice,
    currency: facts.currency,
    financialStatus: facts.financialStatus,
    fulfillmentStatus: facts.fulfillmentStatus,
    discountCodes: JSON.stringify(facts.discountCodes),
    placedAt: facts.placedAt,
  };
}

// Codes this app issued, used by this order (Shopify compares codes without case).
async function issuedCodes({ db }: AppContext, shopId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db.discountCode.findMany({ where: { shopId, code: { in: codes.map((code) => code.toUpperCase()) } } });
}

/**
 * An order without a phone is the shopper's whose own code it used: a campaign code is issued
 * to one recipient, so their order counts for their arm however they checked out.
 */
async function contactTextedCode({ db }: AppContext, codes: { messageId: string | null }[]) {
  const messageId = codes.find((code) => code.messageId)?.messageId;
  if (!messageId) return null;
  return (await db.message.findUnique({ where: { id: messageId }, select: { contactId: true } }))?.contactId ?? null;
}

async function checkoutOf({ db }: AppContext, shopId: string, token: string | null, codes: { checkoutId: string | null }[]) {
  if (token) {
    const checkout = await db.checkout.findUnique({ where: { shopId_token: { shopId, token } } });
    if (checkout) return checkout;
  }
  const checkoutId = codes.find((code) => code.checkoutId)?.checkoutId;
  return checkoutId ? db.checkout.findUnique({ where: { id: checkoutId } }) : null;
}

/** An order arriving late is judged at the time it was placed, never later than now. */
function attributionTime(ctx: AppContext, order: Order) {
  const now = ctx.clock.now();
  return order.placedAt < now ? order.placedAt : now;
}

// Recovered when the shopper clicked a recovery link within the click window before ordering,
// or was texted by the flow within the text window; the click is the stronger evidence.
async function attribute(ctx: AppContext, checkout: Checkout, order: Order, rule: CartRecoverySettings["attribution"]): Promise<Attribution | null> {
  const at = attributionTime(ctx, order);
  const clicked = await ctx.db.link.findFirst({
    where: { checkoutId: checkout.id, messageId: { not: null }, lastClickedAt: { gte: new Date(at.getTime() - rule.clickWindowDays * DAY_MS), lte: at } },
    orderBy: { lastClickedAt: "desc" },
  });
  if (clicked?.messageId) return { messageId: clicked.messageId, rule: "clicked" };
  const texted = await ctx.db.message.findFirst({
    where: {
      checkoutId: checkout.id,
      flow: CART_RECOVERY_FLOW,
      direction: "outbound",
      // Handed to Telnyx and not failed; its delivery receipt may still be on the way.
      status: { in: ["sending", "sent", "delivered"] },
      sendAttemptedAt: { gte: new Date(at.getTime() - rule.textWindowHours * 3_600_000), lte: at },
    },
    orderBy: { sendAttemptedAt: "desc" },
  });
  return texted ? { messageId: texted.id, rule: "texted" } : null;
}
