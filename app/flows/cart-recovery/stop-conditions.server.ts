// Why a recovery flow must not send its next text, checked again just before each step.
import type { Checkout, Shop } from "../../../prisma/generated/sqlite/index.js";
import type { AppContext } from "~/context.server";
import type { RecoveryStopReason } from "./schedule.server";
import type { CartRecoverySettings } from "./settings";

export async function recoveryStopReason(
  ctx: AppContext,
  { shop, checkout, settings }: { shop: Shop; checkout: Checkout; settings: CartRecoverySettings },
): Promise<RecoveryStopReason | null> {
  const { db } = ctx;
  if (!settings.enabled || shop.uninstalledAt) return "flow_off";
  if (checkout.completedAt) return "completed";
  if (!checkout.phone || !checkout.contactId) return "no_phone";
  if (await orderPlacedFor(ctx, checkout)) return "ordered";
  const contact = await db.contact.findUnique({ where: { id: checkout.contactId } });
  if (!contact || contact.optedOutAt) return "opted_out";
  if (!contact.marketingConsent) return "no_consent";
  const newer = await db.checkout.findFirst({
    where: { shopId: shop.id, phone: checkout.phone, id: { not: checkout.id }, shopifyUpdatedAt: { gt: checkout.shopifyUpdatedAt } },
    select: { id: true },
  });
  if (newer) return "superseded";
  const withPerson = await db.conversation.findFirst({
    where: { contactId: contact.id, takenOverAt: { not: null }, state: { not: "closed" } },
    select: { id: true },
  });
  return withPerson ? "with_person" : null;
}

// An order from this checkout, or one that used a code this flow issued for it.
async function orderPlacedFor({ db }: AppContext, checkout: Checkout) {
  const byToken = await db.order.findFirst({ where: { shopId: checkout.shopId, checkoutToken: checkout.token }, select: { id: true } });
  if (byToken) return true;
  const usedCode = await db.discountCode.findFirst({ where: { checkoutId: checkout.id, usedByOrderId: { not: null } }, select: { id: true } });
  return Boolean(usedCode);
}
