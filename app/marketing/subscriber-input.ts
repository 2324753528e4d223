// A subscriber as the API and the CSV import receive it, checked field by field. Both entry
// points share these rules, so a row refused in a CSV is refused for the same reason by the API.
import { toE164 } from "~/commerce/shopify-payloads";

export interface SubscriberConsentEvidence {
  /** When the shopper agreed, as the other system recorded it. */
  consentedAt: Date;
  /** Where they agreed: "Attentive popup", "example.com footer form". */
  source: string;
  /** The disclosure they agreed to, word for word, or the address where it is published. */
  disclosure: string;
  /** What else the other system recorded (Shopify's opt-in level, ...), kept in the ledger's evidence. */
  details?: Record<string, string | null>;
}

export interface SubscriberInput {
  phone: string;
  firstName: string | null;
  tags: string[];
  consent: SubscriberConsentEvidence;
  /** A new subscriber starts the welcome series (app/flows/welcome); an import does not unless it says so. */
  welcome?: boolean;
}

/** Why an item was refused, and which of its fields is at fault (paths as in the API's JSON). */
export interface InputRefusal {
  reason: "invalid";
  error: string;
  field: string;
}

export type CheckedSubscriber = { ok: true; subscriber: SubscriberInput } | ({ ok: false } & InputRefusal);

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
const MAX_NAME_LENGTH = 100;
const MAX_SOURCE_LENGTH = 200;
const MAX_DISCLOSURE_LENGTH = 2000;

const refuse = (field: string, error: string): CheckedSubscriber => ({ ok: false, reason: "invalid", field, error });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks one subscriber; `now` bounds consentedAt, which cannot be in the future. */
export function checkSubscriber(raw: unknown, now: Date): CheckedSubscriber {
  if (!isRecord(raw)) return refuse("", "A subscriber is an object with phone and consent");
  const phone = typeof raw.phone === "string" ? toE164(raw.phone) : null;
  if (!phone) return refuse("phone", "Not a valid phone number: use E.164 (+13125550142) or a US/Canadian number");
  let firstName: string | null = null;
  if (raw.firstName !== undefined && raw.firstName !== null) {
    if (typeof raw.firstName !== "string" || raw.firstName.trim().length > MAX_NAME_LENGTH) {
      return refuse("firstName", `firstName is text of at most ${MAX_NAME_LENGTH} characters`);
    }
    firstName = raw.firstName.trim() || null;
  }
  const tags = checkTags(raw.tags);
  if (typeof tags === "string") return refuse("tags", tags);
  const welcome = checkWelcome(raw.welcome);
  if (welcome === null) return refuse("welcome", "welcome is true or false");
  if (!isRecord(raw.consent)) return refuse("consent", "Consent evidence is required: {consentedAt, source, disclosure}");
  const consent = checkConsent(raw.consent, now);
  if ("field" in consent) return refuse(`consent.${consent.field}`, consent.error);
  return { ok: true, subscriber: { phone, firstName, tags, consent, welcome } };
}

// A JSON boolean from the API; a CSV cell says it in words.
function checkWelcome(raw: unknown): boolean | null {
  if (raw === undefined || raw === null || raw === "") return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw !== "string") return null;
  const word = raw.trim().toLowerCase();
  if (["true", "yes", "y", "1"].includes(word)) return true;
  return ["false", "no", "n", "0"].includes(word) ? false : null;
}

function checkTags(raw: unknown): string[] | string {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((tag) => typeof tag !== "string")) return "tags is a list of text tags";
  const tags = [...new Set((raw as string[]).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags`;
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (long) return `The tag "${long.slice(0, MAX_TAG_LENGTH)}…" is longer than ${MAX_TAG_LENGTH} characters`;
  return tags;
}

function checkConsent(raw: Record<string, unknown>, now: Date): SubscriberConsentEvidence | { field: string; error: string } {
  const at = typeof raw.consentedAt === "string" ? isoTime(raw.consentedAt.trim()) : null;
  if (!at) return { field: "consentedAt", error: "consentedAt is an ISO 8601 time (2025-03-14T09:30:00Z; without a zone, UTC)" };
  if (at > now) return { field: "consentedAt", error: "consentedAt is in the future" };
  const source = typeof raw.source === "string" ? raw.source.trim() : "";
  if (!source || source.length > MAX_SOURCE_LENGTH) return { field: "source", error: `source says where the shopper agreed, in at most ${MAX_SOURCE_LENGTH} characters` };
  const disclosure = typeof raw.disclosure === "string" ? raw.disclosure.trim() : "";
  if (!disclosure || disclosure.length > MAX_DISCLOSURE_LENGTH) {
    return { field: "disclosure", error: `disclosure is the text the shopper agreed to, or its address, in at most ${MAX_DISCLOSURE_LENGTH} characters` };
  }
  return { consentedAt: at, source, disclosure };
}

// A date, or a date and time with or without a zone. Exports from other apps often drop the zone
// ("2025-03-14 09:30:00"): read as UTC, never as the server's own zone.
function isoTime(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return null;
  const [, day, time, zone] = match;
  const at = new Date(time ? `${day}T${time}${zone ?? "Z"}` : `${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}
