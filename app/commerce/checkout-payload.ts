// The parts of a checkouts/create|update body the app keeps, in the shape Shopify sends them.
import { z } from "zod";
import { parseShopifyJson, toE164 } from "./shopify-payloads";
import { webUrl } from "~/web-url";

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.string().nullish();
const money = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined || v === "" ? 0 : Number(v)));

const Address = z
  .object({ first_name: text, phone: text, country_code: text, province_code: text, zip: text, city: text })
  .passthrough()
  .nullish();

const LineItem = z
  .object({
    title: text,
    presentment_title: text,
    variant_title: text,
    presentment_variant_title: text,
    quantity: z.number().nullish(),
    variant_id: id.nullish(),
    product_id: id.nullish(),
    price: text,
    image_url: text,
  })
  .passthrough();

const CheckoutBody = z.object({
  token: z.string().min(1),
  cart_token: text,
  email: text,
  phone: text,
  sms_marketing_phone: text,
  buyer_accepts_sms_marketing: z.boolean().nullish(),
  abandoned_checkout_url: text,
  completed_at: text,
  updated_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a time"),
  currency: text,
  presentment_currency: text,
  total_price: money,
  line_items: z.array(LineItem).nullish(),
  shipping_address: Address,
  billing_address: Address,
  customer: z.object({ id: id.nullish(), first_name: text, phone: text }).passthrough().nullish(),
});
type CheckoutBody = z.infer<typeof CheckoutBody>;

export interface CartLine {
  title: string;
  variant: string | null;
  quantity: number;
  /** Shopify's product id, for the image the Admin API has (absent in lines stored before it was kept). */
  productId?: string | null;
  /** The line's image when the payload carries one. */
  imageUrl?: string | null;
}

export interface CheckoutFacts {
  token: string;
  cartToken: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  shopifyCustomerId: string | null;
  abandonedCheckoutUrl: string | null;
  lineItems: CartLine[];
  totalPrice: number;
  currency: string;
  /** Stored as Shopify names it; the sender gate reads the recipient's time zone from it. */
  shippingAddress: { country_code: string | null; province_code: string | null; zip: string | null; city: string | null } | null;
  buyerAcceptsSmsMarketing: boolean;
  completedAt: Date | null;
  shopifyUpdatedAt: Date;
}

export type CheckoutParse = { ok: true; checkout: CheckoutFacts } | { ok: false; reason: string };

export function parseCheckoutPayload(raw: string): CheckoutParse {
  let json: unknown;
  try {
    json = parseShopifyJson(raw);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  const parsed = CheckoutBody.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
    return { ok: false, reason: `not a checkout (${fields.join(", ")})` };
  }
  return { ok: true, checkout: checkoutFacts(parsed.data) };
}

function checkoutFacts(body: CheckoutBody): CheckoutFacts {
  const shipping = body.shipping_address;
  return {
    token: body.token,
    cartToken: body.cart_token ?? null,
    email: body.email ?? null,
    phone: checkoutPhone(body),
    firstName: body.customer?.first_name || shipping?.first_name || body.billing_address?.first_name || null,
    shopifyCustomerId: body.customer?.id ?? null,
    abandonedCheckoutUrl: webUrl(body.abandoned_checkout_url),
    lineItems: (body.line_items ?? []).map((item) => ({
      title: item.presentment_title || item.title || "your item",
      variant: item.presentment_variant_title || item.variant_title || null,
      quantity: item.quantity ?? 1,
      productId: item.product_id ?? null,
      imageUrl: webUrl(item.image_url),
    })),
    totalPrice: body.total_price,
    currency: body.presentment_currency || body.currency || "USD",
    shippingAddress: shipping
      ? { country_code: shipping.country_code ?? null, province_code: shipping.province_code ?? null, zip: shipping.zip ?? null, city: shipping.city ?? null }
      : null,
    buyerAcceptsSmsMarketing: body.buyer_accepts_sms_marketing === true,
    completedAt: body.completed_at ? new Date(body.completed_at) : null,
    shopifyUpdatedAt: new Date(body.updated_at),
  };
}

// The number the shopper gave for texts, else the checkout's, else the shipping address's.
function checkoutPhone(body: CheckoutBody): string | null {
  const country = body.shipping_address?.country_code ?? body.billing_address?.country_code;
  for (const candidate of [body.sms_marketing_phone, body.phone, body.shipping_address?.phone]) {
    const phone = toE164(candidate, country);
    if (phone) return phone;
  }
  return null;
}
