// Shopify's documented checkout and order payloads, edited as text (64-bit ids stay exact) to
// carry a test's own token, phone, consent and times.
import { randomUUID } from "node:crypto";
import { shopifyFixture } from "./shopify-webhooks";

export interface CheckoutChange {
  token?: string;
  phone: string | null;
  acceptsSms?: boolean;
  updatedAt: string;
  firstTitle?: string;
  countryCode?: string;
  completedAt?: string | null;
}

export function checkoutPayload(change: CheckoutChange) {
  const token = change.token ?? randomUUID().replaceAll("-", "");
  const body = JSON.parse(shopifyFixture("checkouts-update")) as Record<string, any>;
  body.token = token;
  body.abandoned_checkout_url = `https://checkout.local/548380009/checkouts/${token}/recover?key=k${token.slice(0, 8)}`;
  body.sms_marketing_phone = change.acceptsSms ? change.phone : null;
  body.phone = change.phone;
  body.buyer_accepts_sms_marketing = Boolean(change.acceptsSms);
  body.updated_at = change.updatedAt;
  body.completed_at = change.completedAt ?? null;
  if (change.firstTitle) body.line_items[0].title = body.line_items[0].presentment_title = change.firstTitle;
  if (change.countryCode) body.shipping_address.country_code = body.billing_address.country_code = change.countryCode;
  return { token, url: body.abandoned_checkout_url as string, body: JSON.stringify(body) };
}

export function orderPayload(order: {
  checkoutToken: string | null;
  createdAt: string;
  totalPrice: string;
  discountCodes?: string[];
  id?: string;
  phone?: string;
  products?: { id: number; title: string }[];
}) {
  const id = order.id ?? String(820982911946154508n + BigInt(Math.floor(Math.random() * 1e9)));
  const body = JSON.parse(shopifyFixture("orders-create")) as Record<string, any>;
  body.checkout_token = order.checkoutToken;
  body.created_at = body.processed_at = order.createdAt;
  body.total_price = order.totalPrice;
  body.financial_status = "paid";
  if (order.phone) body.phone = order.phone;
  if (order.products) body.line_items = order.products.map((p, i) => ({ id: i + 1, product_id: p.id, title: p.title, quantity: 1, price: order.totalPrice }));
  body.discount_codes = (order.discountCodes ?? []).map((code) => ({ code, amount: "10.00", type: "percentage" }));
  // The id is set as text so it keeps all 18 digits.
  return { id, body: JSON.stringify(body).replace(/^\{"id":\d+/, `{"id":${id}`) };
}
