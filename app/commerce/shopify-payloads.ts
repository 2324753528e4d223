// Reading Shopify webhook bodies: 64-bit ids kept whole, phones in E.164.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * JSON.parse with Shopify's long numeric ids (`"id": 706405506930370084`, `"customer_id": …`)
 * kept as strings, since a JS number rounds them past 2^53. Keys inside JSON strings are
 * escaped (\"id\") and never match. Throws SyntaxError like JSON.parse.
 */
export function parseShopifyJson(raw: string): unknown {
  return JSON.parse(raw.replace(/("[a-z_]*id"\s*:\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
}

/**
 * A phone as E.164, or null when it is not a valid number. Shopify stores phones in E.164;
 * anything else is read in the country of the address it came with, else as US/Canadian, the
 * markets the app texts (DESIGN §2).
 */
export function toE164(phone: string | null | undefined, country?: string | null): string | null {
  const text = phone?.trim();
  if (!text || text.length > 40) return null;
  const parsed = parsePhoneNumberFromString(text, (country?.toUpperCase() as CountryCode | undefined) ?? "US");
  return parsed?.isValid() ? parsed.number : null;
}
