// How many texts per second Telnyx lets a shop send: per number, by the number's type, and per
// Telnyx account. The defaults and bounds are Telnyx's published limits
// (developers.telnyx.com/docs/messaging/messages/rate-limiting); the merchant may set their own
// within the bounds, kept in the shop's settings JSON as
// {"sending": {"<number type>": rate, "account": rate}}, only where they differ from the default,
// so a change of number type brings that type's default (or the rate set for it before).
// Plain data and checks: the settings page shows the defaults, the server enforces the bounds.
import { z } from "zod";

export const NUMBER_TYPES = ["long_code", "toll_free", "short_code"] as const;
export type SendingNumberType = (typeof NUMBER_TYPES)[number];

export interface RateRange {
  perSecond: number;
  min: number;
  max: number;
}

export const NUMBER_RATES: Record<SendingNumberType, RateRange> = {
  // A US long code's throughput is set by its 10DLC campaign: 1/s is safe for any campaign, and
  // AT&T's best class (4,500 a minute) is 75/s. 0.1/s is Telnyx's default for long codes abroad.
  long_code: { perSecond: 1, min: 0.1, max: 75 },
  // Telnyx's default per toll-free number; Telnyx raises it on request, never past a short code.
  toll_free: { perSecond: 20, min: 0.1, max: 1_000 },
  // Telnyx allows a short code up to 1,000/s; what the carriers provisioned is often less.
  short_code: { perSecond: 100, min: 1, max: 1_000 },
};

// Telnyx's default SMS limit per account. Telnyx raises it on request and publishes no ceiling;
// 10,000/s is ten short codes at full speed.
export const ACCOUNT_RATE: RateRange = { perSecond: 50, min: 1, max: 10_000 };

export const NUMBER_TYPE_LABELS: Record<SendingNumberType, string> = {
  long_code: "Long code",
  toll_free: "Toll-free",
  short_code: "Short code",
};

export interface SendingLimits {
  numberType: SendingNumberType;
  numberPerSecond: number;
  accountPerSecond: number;
}

/** An unknown stored type counts as a long code, the slowest. */
export function numberTypeOf(value: string): SendingNumberType {
  return (NUMBER_TYPES as readonly string[]).includes(value) ? (value as SendingNumberType) : "long_code";
}

const within = (range: RateRange, value: unknown): value is number =>
  typeof value === "number" && value >= range.min && value <= range.max;

function storedRates(settingsJson: string): Record<string, unknown> {
  try {
    const sending = (JSON.parse(settingsJson) as { sending?: unknown }).sending;
    return typeof sending === "object" && sending !== null ? (sending as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The shop's limits; a stored rate outside Telnyx's bounds is ignored for the default. */
export function sendingLimitsOf(shop: { sendingNumberType: string; settings: string }): SendingLimits {
  const numberType = numberTypeOf(shop.sendingNumberType);
  const stored = storedRates(shop.settings);
  const numberRange = NUMBER_RATES[numberType];
  return {
    numberType,
    numberPerSecond: within(numberRange, stored[numberType]) ? stored[numberType] : numberRange.perSecond,
    accountPerSecond: within(ACCOUNT_RATE, stored.account) ? stored.account : ACCOUNT_RATE.perSecond,
  };
}

const rate = (what: string) =>
  z.coerce.number({ invalid_type_error: `Enter ${what} as a number of texts per second` }).refine(Number.isFinite, `Enter ${what} as a number of texts per second`);

const outOfRange = (range: RateRange, what: string) =>
  `${what} may send ${range.min.toLocaleString("en-US")} to ${range.max.toLocaleString("en-US")} texts per second on Telnyx`;

export const SendingLimitsInput = z
  .object({
    sendingNumberType: z.enum(NUMBER_TYPES, { errorMap: () => ({ message: "Choose long code, toll-free or short code" }) }),
    numberPerSecond: rate("the number's rate"),
    accountPerSecond: rate("the account's rate"),
  })
  .superRefine((input, issues) => {
    const numberRange = NUMBER_RATES[input.sendingNumberType];
    if (!within(numberRange, input.numberPerSecond)) {
      const message = outOfRange(numberRange, `A ${NUMBER_TYPE_LABELS[input.sendingNumberType].toLowerCase()} number`);
      issues.addIssue({ code: z.ZodIssueCode.custom, path: ["numberPerSecond"], message });
    }
    if (!within(ACCOUNT_RATE, input.accountPerSecond)) {
      issues.addIssue({ code: z.ZodIssueCode.custom, path: ["accountPerSecond"], message: outOfRange(ACCOUNT_RATE, "A Telnyx account") });
    }
  })
  .transform(
    (input): SendingLimits => ({
      numberType: input.sendingNumberType,
      numberPerSecond: input.numberPerSecond,
      accountPerSecond: input.accountPerSecond,
    }),
  );

/** The settings JSON with these limits; rates equal to Telnyx's default are not stored. */
export function withSendingLimits(settingsJson: string, limits: SendingLimits): string {
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(settingsJson) as Record<string, unknown>;
  } catch {
    // A broken settings value is replaced by a clean one.
  }
  const sending: Record<string, unknown> = { ...storedRates(settingsJson) };
  const keep = (name: string, value: number, range: RateRange) => {
    if (value === range.perSecond) delete sending[name];
    else sending[name] = value;
  };
  keep(limits.numberType, limits.numberPerSecond, NUMBER_RATES[limits.numberType]);
  keep("account", limits.accountPerSecond, ACCOUNT_RATE);
  return JSON.stringify({ ...settings, sending });
}
