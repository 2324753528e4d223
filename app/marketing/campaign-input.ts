// A campaign as the merchant asks for it, checked field by field: the first problem is named
// with the field at fault ("variants[1].weight"), as the API and the pages report it. Plain
// checks with no server import: the compose form shares its names.
import { templateVariables, unknownVariables } from "~/flows/templates";

export const CAMPAIGN_VARIABLES = ["first_name", "shop", "discount_code"] as const;
/** The recipient's own code; only with a discount, and then in every variant. */
export const CODE_VARIABLE = "discount_code";
export const VARIANT_NAMES = ["A", "B", "C", "D"] as const;
export const DEFAULT_HOLDOUT_PERCENT = 10;
export const DEFAULT_SKIP_HOURS = 16;
const MAX_BODY = 1_600;

export type CampaignSchedule = { type: "now" } | { type: "at"; at: string } | { type: "local"; date: string; time: string };

export interface CampaignDraftInput {
  name: string;
  segmentId: string;
  variants: { name: string; body: string; weight: number }[];
  holdoutPercent: number;
  schedule: CampaignSchedule;
  skipIfTextedWithinHours: number | null;
  spreadHours: number;
  mediaUrl: string | null;
  /** Whole percent off with each recipient's single-use code; null for no discount. */
  discountPercent: number | null;
  /** Send the variants to a share first, and the winner to the rest after winnerAfterHours. */
  test: CampaignTest | null;
}

export interface CampaignTest {
  sharePercent: number;
  winnerAfterHours: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; field: string };
const problem = (field: string, error: string) => ({ ok: false as const, error, field });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const wholeIn = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export function parseCampaignInput(input: unknown, now: Date): Parsed<CampaignDraftInput> {
  if (!isObject(input)) return problem("name", "Send {name, segmentId, variants, holdoutPercent, schedule, skipIfTextedWithinHours}");
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > 100) return problem("name", "Give the campaign a name of up to 100 characters");
  if (typeof input.segmentId !== "string" || !input.segmentId) return problem("segmentId", "Name the segment to send to (segmentId)");
  const variants = parseVariants(input.variants);
  if (!variants.ok) return variants;
  const holdoutPercent = input.holdoutPercent ?? DEFAULT_HOLDOUT_PERCENT;
  if (!wholeIn(holdoutPercent, 0, 50)) return problem("holdoutPercent", "The holdout is a whole percent from 0 to 50");
  const schedule = parseSchedule(input.schedule, now);
  if (!schedule.ok) return schedule;
  const skip = input.skipIfTextedWithinHours === undefined ? DEFAULT_SKIP_HOURS : input.skipIfTextedWithinHours;
  if (skip !== null && !wholeIn(skip, 0, 168)) return problem("skipIfTextedWithinHours", "Skip hours are a whole number from 0 to 168, or null");
  const spreadHours = input.spreadHours ?? 0;
  if (!wholeIn(spreadHours, 0, 24)) return problem("spreadHours", "Spread the send over 0 to 24 whole hours");
  const mediaUrl = input.mediaUrl ?? null;
  if (mediaUrl !== null && !(typeof mediaUrl === "string" && /^https:\/\/\S+$/i.test(mediaUrl))) return problem("mediaUrl", "The image is an https:// address");
  const discount = parseDiscount(input.discount, variants.value);
  if (!discount.ok) return discount;
  const test = parseTest(input.test ?? null, variants.value.length);
  if (!test.ok) return test;
  return {
    ok: true,
    value: {
      name,
      segmentId: input.segmentId,
      variants: variants.value,
      holdoutPercent: holdoutPercent as number,
      schedule: schedule.value,
      skipIfTextedWithinHours: skip as number | null,
      spreadHours: spreadHours as number,
      mediaUrl: mediaUrl as string | null,
      discountPercent: discount.value,
      test: test.value,
    },
  };
}

function parseDiscount(input: unknown, variants: CampaignDraftInput["variants"]): Parsed<number | null> {
  const withCode = variants.findIndex((v) => templateVariables(v.body).includes(CODE_VARIABLE));
  if (input === undefined || input === null) {
    return withCode < 0 ? { ok: true, value: null } : problem(`variants[${withCode}].body`, `{{${CODE_VARIABLE}}} needs a discount: add discount: {percent}`);
  }
  if (!isObject(input) || !wholeIn(input.percent, 1, 100)) return problem("discount.percent", "The discount is a whole percent from 1 to 100");
  const unknown = Object.keys(input).find((key) => key !== "percent");
  if (unknown) return problem(`discount.${unknown}`, "A discount is {percent}; each code is good until the campaign's report window ends");
  const withoutCode = variants.findIndex((v) => !templateVariables(v.body).includes(CODE_VARIABLE));
  if (withoutCode >= 0) return problem(`variants[${withoutCode}].body`, `Put {{${CODE_VARIABLE}}} in the text: each recipient's own code goes there`);
  return { ok: true, value: input.percent as number };
}

function parseVariants(input: unknown): Parsed<CampaignDraftInput["variants"]> {
  if (!Array.isArray(input) || input.length < 1 || input.length > VARIANT_NAMES.length) return problem("variants", "Give 1 to 4 variants (2 or more make an experiment)");
  const variants: CampaignDraftInput["variants"] = [];
  for (const [i, variant] of input.entries()) {
    const field = `variants[${i}]`;
    if (!isObject(variant)) return problem(field, "A variant is {body, weight}");
    const body = typeof variant.body === "string" ? variant.body.trim() : "";
    if (!body || body.length > MAX_BODY) return problem(`${field}.body`, `Write the text, up to ${MAX_BODY} characters`);
    const unknown = unknownVariables(body, CAMPAIGN_VARIABLES);
    if (unknown.length > 0) return problem(`${field}.body`, `Unknown variable {{${unknown[0]}}}; use ${CAMPAIGN_VARIABLES.map((v) => `{{${v}}}`).join(" or ")}`);
    const weight = variant.weight ?? 1;
    if (!wholeIn(weight, 1, 100)) return problem(`${field}.weight`, "A weight is a whole number from 1 to 100");
    variants.push({ name: VARIANT_NAMES[i]!, body, weight: weight as number });
  }
  return { ok: true, value: variants };
}

function parseTest(input: unknown, variantCount: number): Parsed<CampaignTest | null> {
  if (input === null) return { ok: true, value: null };
  if (!isObject(input)) return problem("test", "A test is {sharePercent, winnerAfterHours}, or null to send to everyone at once");
  if (variantCount < 2) return problem("test", "A test needs at least two variants");
  if (!wholeIn(input.sharePercent, 5, 90)) return problem("test.sharePercent", "The test share is a whole percent from 5 to 90 of the treated audience");
  if (!wholeIn(input.winnerAfterHours, 1, 72)) return problem("test.winnerAfterHours", "Choose the winner after 1 to 72 whole hours");
  return { ok: true, value: { sharePercent: input.sharePercent as number, winnerAfterHours: input.winnerAfterHours as number } };
}

function parseSchedule(input: unknown, now: Date): Parsed<CampaignSchedule> {
  if (!isObject(input)) return problem("schedule", 'Say when: {type: "now"}, {type: "at", at} or {type: "local", date, time}');
  if (input.type === "now") return { ok: true, value: { type: "now" } };
  if (input.type === "at") {
    const at = typeof input.at === "string" && /T.*(Z|[+-]\d\d:?\d\d)$/.test(input.at) ? new Date(input.at) : null;
    if (!at || Number.isNaN(at.getTime())) return problem("schedule.at", "at is a date and time with its offset, e.g. 2026-12-01T15:00:00Z");
    if (at.getTime() < now.getTime() - 60_000) return problem("schedule.at", "at is in the past");
    return { ok: true, value: { type: "at", at: at.toISOString() } };
  }
  if (input.type === "local") {
    const date = typeof input.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(input.date) && !Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)) ? input.date : null;
    if (!date) return problem("schedule.date", "date is a day, YYYY-MM-DD");
    // The last zone to reach a day is 14 hours ahead of UTC's midnight on it.
    if (Date.parse(`${date}T23:59:59Z`) + 12 * 3_600_000 < now.getTime()) return problem("schedule.date", "date is in the past everywhere");
    const time = typeof input.time === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(input.time) ? input.time : null;
    if (!time) return problem("schedule.time", "time is a wall-clock time, HH:MM (24-hour)");
    return { ok: true, value: { type: "local", date, time } };
  }
  return problem("schedule.type", 'schedule.type is "now", "at" or "local"');
}
