// One step of the cart recovery flow, run by its job at its time: check the stop conditions
// again, apply the carrier rule, text the step (with its discount and tracked link), and plan
// the next step.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Checkout, Shop } from "../../../prisma/generated/sqlite/index.js";
import { inTransaction, type AppContext } from "~/context.server";
import { issueRecoveryDiscount } from "~/commerce/discounts.server";
import type { CartLine } from "~/commerce/checkout-payload";
import { productDetails } from "~/commerce/products.server";
import { requestText } from "~/messaging/outbound.server";
import type { MessagingDeps } from "~/messaging/messaging-deps";
import { createTrackedLink, shortLinkUrl } from "../links.server";
import { recoveryTarget, renderRecoveryText } from "./recovery-text";
import { scheduleRecoveryStep, stopRecovery, type RecoveryStepPayload } from "./schedule.server";
import { cartRecoverySettingsOf, type CartRecoverySettings } from "./settings";
import { recoveryStopReason } from "./stop-conditions.server";
import { noteAbandonedCheckout } from "~/marketing/contact-activity.server";

export const CART_RECOVERY_FLOW = "cart_recovery";
const HOUR_MS = 3_600_000;

export async function runRecoveryStep(ctx: AppContext, payload: RecoveryStepPayload, deps: MessagingDeps) {
  const found = await ctx.db.checkout.findUnique({ where: { id: payload.checkoutId }, include: { shop: true } });
  // A newer version of the checkout planned its own step; this one is void.
  if (!found || found.shopifyUpdatedAt.getTime() !== payload.version || found.recoveryStep > payload.step) return;
  const { shop, ...checkout } = found;
  const settings = cartRecoverySettingsOf(shop.settings);
  const stop = await recoveryStopReason(ctx, { shop, checkout, settings });
  if (stop) return stopRecovery(ctx, checkout, stop);
  const step = settings.steps[payload.step];
  if (!step) return stopRecovery(ctx, checkout, "finished");

  // A restarted flow keeps its steps' spacing from the step it resumes at.
  const abandonedAt = checkout.recoveryStatus === "scheduled" ? new Date(ctx.clock.now().getTime() - step.delayHours * HOUR_MS) : checkout.abandonedAt!;
  const send = await mayTextStep(ctx, checkout, payload.step);
  const discount = send && step.discountPercent > 0 ? await issueStepDiscount(ctx, shop, checkout, payload.step, settings, deps) : null;
  const image = send && settings.attachImage ? await cartImage(ctx, shop, checkout, deps) : null;

  await inTransaction(ctx, async (tx) => {
    if (send) await textStep(tx, { shop, checkout, template: step.template, step: payload.step, discount, image }, deps);
    await tx.db.checkout.update({
      where: { id: checkout.id },
      data: { abandonedAt, recoveryStep: payload.step + 1, recoveryStatus: "texting" },
    });
    if (checkout.contactId) await noteAbandonedCheckout(tx, checkout.contactId, abandonedAt);
    const next = settings.steps[payload.step + 1];
    if (!next) return stopRecovery(tx, checkout, "finished");
    const runAt = new Date(abandonedAt.getTime() + next.delayHours * HOUR_MS);
    await scheduleRecoveryStep(tx, shop.id, { ...payload, step: payload.step + 1 }, runAt);
  });
}

// Carriers allow US and Canadian numbers one automated reminder per abandoned checkout; later
// offers belong to a conversation, so they go only to a shopper who answered.
async function mayTextStep(ctx: AppContext, checkout: Checkout, step: number) {
  if (step === 0 || !isUsOrCanadian(checkout.phone!)) return true;
  const first = await ctx.db.message.findFirst({
    where: { checkoutId: checkout.id, flow: CART_RECOVERY_FLOW, direction: "outbound" },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  if (!first) return false;
  const reply = await ctx.db.message.findFirst({
    where: { contactId: checkout.contactId, direction: "inbound", occurredAt: { gt: first.occurredAt } },
    select: { id: true },
  });
  return Boolean(reply);
}

function isUsOrCanadian(phone: string) {
  const country = parsePhoneNumberFromString(phone)?.country;
  return country === "US" || country === "CA";
}

function issueStepDiscount(ctx: AppContext, shop: Shop, checkout: Checkout, step: number, settings: CartRecoverySettings, deps: MessagingDeps) {
  const admin = deps.shopifyAdmin;
  if (!admin) throw new Error("No Shopify Admin client is configured to create discount codes");
  return issueRecoveryDiscount(ctx, () => admin(shop.domain), {
    shopId: shop.id,
    checkoutId: checkout.id,
    step,
    percentage: settings.steps[step].discountPercent,
    validHours: settings.discountValidHours,
    secret: deps.encryptionKey,
  });
}

// The first line's image: the payload's when Shopify sent one, else the product's in the Admin API.
async function cartImage(ctx: AppContext, shop: Shop, checkout: Checkout, deps: MessagingDeps) {
  const [first] = JSON.parse(checkout.lineItems) as CartLine[];
  if (first?.imageUrl) return first.imageUrl;
  if (!first?.productId) return null;
  const admin = deps.shopifyAdmin && (() => deps.shopifyAdmin!(shop.domain));
  return (await productDetails(ctx, admin, shop.id, first.productId))?.imageUrl ?? null;
}

interface StepText {
  shop: Shop;
  checkout: Checkout;
  template: string;
  step: number;
  discount: { id: string; code: string; percentage: number } | null;
  image: string | null;
}

async function textStep(ctx: AppContext, { shop, checkout, template, step, discount, image }: StepText, deps: MessagingDeps) {
  const target = recoveryTarget(checkout.abandonedCheckoutUrl ?? `https://${shop.domain}/cart`, discount?.code ?? null);
  const link = await createTrackedLink(ctx, { shopId: shop.id, target, checkoutId: checkout.id });
  const body = renderRecoveryText({
    template,
    firstName: checkout.firstName,
    lines: JSON.parse(checkout.lineItems) as CartLine[],
    link: shortLinkUrl(deps.appUrl, link.code),
    shop: shop.brandName ?? shop.name,
    discount,
  });
  const message = await requestText(
    ctx,
    {
      shopId: shop.id,
      to: checkout.phone!,
      body,
      purpose: "marketing",
      flow: CART_RECOVERY_FLOW,
      flowStep: step + 1,
      firstInFlow: step === 0,
      checkoutId: checkout.id,
      ...(image && { mediaUrls: [image] }),
    },
    deps.secrets,
  );
  await ctx.db.link.update({ where: { id: link.id }, data: { messageId: message.id } });
  if (discount) await ctx.db.discountCode.update({ where: { id: discount.id }, data: { messageId: message.id } });
}
