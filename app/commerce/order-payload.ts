// The parts of an orders/create|paid body the app keeps, in the shape Shopify sends them.
import { z } from "zod";
import { parseShopifyJson, toE164 } from "./shopify-payloads";

const text = z.string().nullish();
const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a time");

const OrderBody = z.object({
  id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).transform(String),
  name: z.string(),
  checkout_token: text,
  phone: text,
  email: text,
  total_price: z.union([z.string(), z.number()]).transform(Number).refine(Number.isFinite, "not an amount"),
  currency: z.string(),
  presentment_currency: text,
  financial_status: text,
  fulfillment_status: text,
  discount_codes: z.array(z.object({ code: z.string() }).passthrough()).nullish(),
  created_at: time,
  processed_at: time.nullish(),
  customer: z.object({ phone: text, first_name: text }).passthrough().nullish(),
  shipping_address: z.object({ phone: text, country_code: text }).passthrough().nullish(),
  billing_address: z.object({ phone: text, country_code: text }).passthrough().nullish(),
  line_items: z
    .array(z.object({ product_id: z.union([z.string(), z.number()]).nullish(), title: text }).passthrough())
    .nullish(),
});

export interface OrderFacts {
  shopifyOrderId: string;
  name: string;
  checkoutToken: string | null;
  phone: string | null;
  totalPrice: number;
  currency: string;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  discountCodes: string[];
  placedAt: Date;
  /** The products bought, once each (a custom line without a product is left out). */
  lines: OrderLineFacts[];
}

export interface OrderLineFacts {
  productId: string;
  title: string;
}

export type OrderParse = { ok: true; order: OrderFacts } | { ok: false; reason: string };

export function parseOrderPayload(raw: string): OrderParse {
  let json: unknown;
  try {
    json = parseShopifyJson(raw);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const parsed = OrderBody.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
    return { ok: false, reason: `not an order (${fields.join(", ")})` };
  }
  const body = parsed.data;
  const country = body.shipping_address?.country_code ?? body.billing_address?.country_code;
  const phone = [body.phone, body.customer?.phone, body.shipping_address?.phone, body.billing_address?.phone]
    .map((candidate) => toE164(candidate, country))
    .find(Boolean);
  return {
    ok: true,
    order: {
      shopifyOrderId: body.id,
      name: body.name,
      checkoutToken: body.checkout_token ?? null,
      phone: phone ?? null,
      totalPrice: body.total_price,
      currency: body.currency,
      financialStatus: body.financial_status ?? null,
      fulfillmentStatus: body.fulfillment_status ?? null,
      discountCodes: (body.discount_codes ?? []).map((d) => d.code),
      placedAt: new Date(body.processed_at ?? body.created_at),
      lines: productLines(body.line_items ?? []),
    },
  };
}

// Two lines of one product (two sizes) are one product bought in that order.
function productLines(items: { product_id?: string | number | null; title?: string | null }[]): OrderLineFacts[] {
  const byProduct = new Map<string, OrderLineFacts>();
  for (const item of items) {
    if (item.product_id === null || item.product_id === undefined || item.product_id === "") continue;
    const productId = String(item.product_id);
    if (!byProduct.has(productId)) byProduct.set(productId, { productId, title: item.title || "a product" });
  }
  return [...byProduct.values()];
}
