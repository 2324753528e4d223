// The merchant's compliance settings: the sending window, marketing frequency caps, the HELP
// answer and the consent disclosure shown at checkout. The window may be narrower than the
// federal 08:00–21:00, never wider; a change to the words shown at checkout (the merchant's own,
// or the caps the default states) gets a new version number, which the checkout block reports
// with the words it showed.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { versioningDisclosure } from "./disclosure-version.server";
import { measureText } from "~/messaging/segments";
import { MAX_SEGMENTS } from "~/messaging/text-purpose";

export const LEGAL_EARLIEST_HOUR = 8;
export const LEGAL_LATEST_HOUR = 21;

const hourOfDay = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

const wholeNumber = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `Enter ${label} as a whole number`)
    .transform(Number);

const optionalText = z
  .string()
  .trim()
  .transform((text) => text || null);

const mentionsStop = (text: string | null) => text === null || /\bSTOP\b/i.test(text);
const fitsInTexts = (text: string | null) => text === null || measureText(text).segments <= MAX_SEGMENTS;

const FIELDS = {
  quietHoursStart: wholeNumber("an hour").pipe(
    z.number().min(LEGAL_EARLIEST_HOUR, `Texts can't go out before ${hourOfDay(LEGAL_EARLIEST_HOUR)}: that's the legal limit`),
  ),
  quietHoursEnd: wholeNumber("an hour").pipe(
    z.number().max(LEGAL_LATEST_HOUR, `Texts must stop by ${hourOfDay(LEGAL_LATEST_HOUR)}: that's the legal limit`),
  ),
  marketingCapPerDay: wholeNumber("a number").pipe(z.number().min(1, "Allow at least 1 text a day")),
  marketingCapPerWeek: wholeNumber("a number").pipe(z.number().min(1, "Allow at least 1 text a week")),
  helpText: optionalText
    .refine(mentionsStop, "Say how to opt out, for example “Reply STOP to opt out”")
    .refine(fitsInTexts, `Keep it within ${MAX_SEGMENTS} text segments`),
  consentDisclosure: optionalText.refine(mentionsStop, "Say how to opt out, for example “Reply STOP to opt out”"),
};
export type ComplianceSettings = { [K in keyof typeof FIELDS]: z.output<(typeof FIELDS)[K]> };
type FieldName = keyof ComplianceSettings;

// Checked whenever both fields of a pair are valid on their own, so every error shows at once.
function pairErrors(values: Partial<ComplianceSettings>): [FieldName, string][] {
  const errors: [FieldName, string][] = [];
  const { quietHoursStart: start, quietHoursEnd: end, marketingCapPerDay: perDay, marketingCapPerWeek: perWeek } = values;
  if (start !== undefined && end !== undefined && end <= start) errors.push(["quietHoursEnd", "Choose an end hour after the start hour"]);
  if (perDay !== undefined && perWeek !== undefined && perWeek < perDay) {
    errors.push(["marketingCapPerWeek", "The weekly limit can't be lower than the daily limit"]);
  }
  return errors;
}

/** The form's fields, each with its first error, or the settings to save. */
export function parseComplianceSettings(form: Record<string, unknown>):
  | { ok: true; settings: ComplianceSettings }
  | { ok: false; fieldErrors: Partial<Record<FieldName, string>> } {
  const values: Record<string, unknown> = {};
  const fieldErrors: Partial<Record<FieldName, string>> = {};
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const parsed = FIELDS[name].safeParse(typeof form[name] === "string" ? form[name] : "");
    if (parsed.success) values[name] = parsed.data;
    else fieldErrors[name] = parsed.error.issues[0].message;
  }
  for (const [name, message] of pairErrors(values as Partial<ComplianceSettings>)) fieldErrors[name] ??= message;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, settings: values as ComplianceSettings };
}

/** Saves the settings; the disclosure's version goes up only when the words shown at checkout change. */
export function saveComplianceSettings(ctx: AppContext, shopId: string, settings: ComplianceSettings) {
  return versioningDisclosure(ctx, shopId, () => ctx.db.shop.update({ where: { id: shopId }, data: settings }));
}
