// Which numbers get a text's image as MMS: US and Canadian ones. Elsewhere the same text goes as
// SMS without it (MMS between countries is patchy and priced apart), which the campaign estimate
// prices the same way.
import { parsePhoneNumberFromString } from "libphonenumber-js";

const MMS_COUNTRIES = new Set(["US", "CA"]);

export function receivesMms(phone: string): boolean {
  const country = parsePhoneNumberFromString(phone)?.country;
  return country !== undefined && MMS_COUNTRIES.has(country);
}

let mmsPrefixes: readonly string[] | undefined;

/**
 * "+1" and an area code, for every area code whose numbers receivesMms takes: what counting in
 * SQL needs, since +1 is also the Caribbean's, Puerto Rico's and Guam's code. Worked out on first
 * use (800 parses), not at every process start.
 */
export function mmsNumberPrefixes(): readonly string[] {
  return (mmsPrefixes ??= Array.from({ length: 800 }, (_, i) => `+1${200 + i}`).filter((prefix) => receivesMms(`${prefix}2345678`)));
}

/** The images a text to this number carries: all of them by MMS, or none by SMS. */
export function mediaFor(phone: string, mediaUrls: readonly string[] | undefined): string[] {
  return mediaUrls && mediaUrls.length > 0 && receivesMms(phone) ? [...mediaUrls] : [];
}

/**
 * What one text costs, as a preview shows it: by segments as SMS, and when it carries an image,
 * the one MMS price that US and Canadian numbers get instead (null without an image).
 */
export function textPrices(input: { segments: number; costPerSegment: number; costPerMms: number; withImage: boolean }): { sms: number; mms: number | null } {
  return { sms: input.segments * input.costPerSegment, mms: input.withImage ? input.costPerMms : null };
}
