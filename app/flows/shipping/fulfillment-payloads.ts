// The fulfillment webhooks' bodies (fulfillments/create, fulfillments/update,
// fulfillment_events/create), read from the raw text so Shopify's 64-bit ids keep every digit,
// and what each says about the parcel's journey.
import { z } from "zod";
import { parseShopifyJson, toE164 } from "~/commerce/shopify-payloads";
import { webUrl } from "~/web-url";
import type { ShippingMilestone } from "./shipping-settings";

const ShopifyId = z.union([z.string().regex(/^\d+$/), z.number().int().positive().safe()]).transform(String);

export const FulfillmentPayload = z.object({
  id: ShopifyId,
  order_id: ShopifyId,
  status: z.string(),
  name: z.string().nullish(),
  created_at: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_url: z.unknown().transform(webUrl),
  shipment_status: z.string().nullish(),
  destination: z
    .object({ phone: z.string().nullish(), first_name: z.string().nullish(), country_code: z.string().nullish() })
    .nullish(),
});
export type FulfillmentPayload = z.infer<typeof FulfillmentPayload>;

export const FulfillmentEventPayload = z.object({
  id: ShopifyId,
  fulfillment_id: ShopifyId,
  order_id: ShopifyId,
  status: z.string(),
  happened_at: z.string().nullish(),
});
export type FulfillmentEventPayload = z.infer<typeof FulfillmentEventPayload>;

export type Parsed<T> = { success: true; data: T } | { success: false; reason: string };

export function parseShopifyBody<S extends z.ZodTypeAny>(raw: string, schema: S, what: string): Parsed<z.output<S>> {
  let body: unknown;
  try {
    body = parseShopifyJson(raw);
  } catch {
    return { success: false, reason: "the body is not JSON" };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { success: true, data: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "body"))];
  return { success: false, reason: `not a ${what} body (${fields.join(", ")})` };
}

/** Shopify's carrier states, in the order a parcel goes through them. */
const JOURNEY: Record<string, ShippingMilestone> = {
  in_transit: "shipped",
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  delivered: "delivered",
};
const ENDED = new Set(["cancelled", "error", "failure"]);

/** What a fulfillment says has happened, if it is something a shopper is told about. */
export function milestoneOfFulfillment(f: FulfillmentPayload): ShippingMilestone | null {
  if (ENDED.has(f.status)) return null;
  const fromCarrier = f.shipment_status ? JOURNEY[f.shipment_status] : undefined;
  if (fromCarrier) return fromCarrier;
  // Shipped: fulfilled, or handed to a carrier with a tracking number.
  return f.status === "success" || f.tracking_number || f.tracking_url ? "shipped" : null;
}

export function milestoneOfEvent(e: FulfillmentEventPayload): ShippingMilestone | null {
  return JOURNEY[e.status] ?? null;
}

export function isEndedFulfillment(status: string) {
  return ENDED.has(status);
}

/** "#1001.2" (the order's second fulfillment) → "#1001". */
export function orderNameOf(fulfillmentName: string | null | undefined): string | null {
  return fulfillmentName ? fulfillmentName.replace(/\.\d+$/, "") : null;
}

/** E.164 for a destination phone, read in the destination's country. */
export function destinationPhone(destination: FulfillmentPayload["destination"]): string | null {
  return toE164(destination?.phone, destination?.country_code);
}
