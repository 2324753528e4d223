// The body Shopify sends with customers/redact and customers/data_request. Ids are read as
// strings: they are 64-bit, and JSON.parse rounds those past 2^53.
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";

const ShopifyId = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

const CustomerPrivacyRequest = z.object({
  customer: z.object({ id: ShopifyId, email: z.string().nullish(), phone: z.string().nullish() }),
  orders_to_redact: z.array(ShopifyId).nullish(),
  orders_requested: z.array(ShopifyId).nullish(),
  data_request: z.object({ id: ShopifyId }).nullish(),
});

export interface CustomerPrivacyRequest {
  customerId: string;
  email: string | null;
  /** E.164 when the phone can be read as one (US/Canada assumed without a country code). */
  phone: string | null;
  orderIds: string[];
  dataRequestId: string | null;
}

export function parseCustomerPrivacyRequest(raw: string): { request: CustomerPrivacyRequest } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(raw.replace(/("id"\s*:\s*|[[,]\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
  } catch {
    return { error: "the body is not JSON" };
  }
  const parsed = CustomerPrivacyRequest.safeParse(body);
  if (!parsed.success) return { error: `not a customer privacy request (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")})` };
  const { customer, orders_to_redact, orders_requested, data_request } = parsed.data;
  return {
    request: {
      customerId: customer.id,
      email: emailAddress(customer.email),
      phone: asE164(customer.phone),
      orderIds: orders_to_redact ?? orders_requested ?? [],
      dataRequestId: data_request?.id ?? null,
    },
  };
}

// Redaction matches on the number as written, valid or not: a shopper's data is erased even
// when their number fails validation.
function asE164(phone: string | null | undefined): string | null {
  if (!phone?.trim()) return null;
  return parsePhoneNumberFromString(phone.trim(), "US")?.number ?? null;
}

// Erasure finds the customer's records by their email, so only a real address is kept: a stray
// "a" would match, and erase, nearly everything.
function emailAddress(value: string | null | undefined): string | null {
  const email = value?.trim().toLowerCase() ?? "";
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email) ? email : null;
}
