// What a recovery text says about the cart: the first product, and how many more.
import type { CartLine } from "~/commerce/checkout-payload";
import { renderTemplate } from "../templates";
import { offerWording } from "../flow-offer";

export function cartSummary(lines: readonly CartLine[]): string {
  const [first, ...rest] = lines;
  if (!first) return "your cart";
  const name = first.variant && !/default/i.test(first.variant) ? `${first.title} (${first.variant})` : first.title;
  return rest.length === 0 ? name : `${name} and ${rest.length} more`;
}

export interface RecoveryTextInput {
  template: string;
  firstName: string | null;
  lines: readonly CartLine[];
  link: string;
  shop: string;
  discount: { code: string; percentage: number } | null;
}

export function renderRecoveryText(input: RecoveryTextInput): string {
  return renderTemplate(input.template, {
    first_name: input.firstName ?? "there",
    product: cartSummary(input.lines),
    link: input.link,
    shop: input.shop,
    discount: offerWording(input.discount),
  });
}

/** Where a recovery link lands: the checkout, with the step's code applied through /discount/. */
export function recoveryTarget(checkoutUrl: string, discountCode: string | null): string {
  if (!discountCode) return checkoutUrl;
  const url = new URL(checkoutUrl);
  return `${url.origin}/discount/${encodeURIComponent(discountCode)}?redirect=${encodeURIComponent(url.pathname + url.search)}`;
}
