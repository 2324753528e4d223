// The merchant's compliance settings: the sending window, marketing frequency caps, the HELP
// answer and the consent disclosure shown at checkout. The window may be narrower than the
// federal 08:00–21:00, never wider; a changed disclosure gets a new version number, which every
// checkout consent event records as evidence of the wording the shopper saw.
import { z } from "zod";
import type { AppContext } from "~/context.server";
import { measureText } from "~/messaging/segments";
import { MAX_SEGMENTS } from "~/messaging/text-purpose";

export const LEGAL_EARLIEST_HOUR = 8;
export const LEGAL_LATEST_HOUR = 21;

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

export const ComplianceSettingsInput = z
  .object({
    quietHoursStart: wholeNumber("an hour").pipe(
      z.number().min(LEGAL_EARLIEST_HOUR, `Texts can't go out before 0${LEGAL_EARLIEST_HOUR}:00: that's the legal limit`).max(23, "Enter an hour from 8 to 20"),
    ),
    quietHoursEnd: wholeNumber("an hour").pipe(
      z.number().max(LEGAL_LATEST_HOUR, `Texts must stop by ${LEGAL_LATEST_HOUR}:00: that's the legal limit`),
    ),
    marketingCapPerDay: wholeNumber("a number").pipe(z.number().min(1, "Allow at least 1 text a day")),
    marketingCapPerWeek: wholeNumber("a number").pipe(z.number().min(1, "Allow at least 1 text a week")),
    helpText: optionalText
      .refine(mentionsStop, "Say how to opt out, for example “Reply STOP to opt out”")
      .refine(fitsInTexts, `Keep it within ${MAX_SEGMENTS} text segments`),
    consentDisclosure: optionalText.refine(mentionsStop, "Say how to opt out, for example “Reply STOP to opt out”"),
  })
  .superRefine((settings, ctx) => {
    if (settings.quietHoursEnd <= settings.quietHoursStart) {
      ctx.addIssue({ code: "custom", path: ["quietHoursEnd"], message: "Choose an end hour after the start hour" });
    }
    if (settings.marketingCapPerWeek < settings.marketingCapPerDay) {
      ctx.addIssue({ code: "custom", path: ["marketingCapPerWeek"], message: "The weekly limit can't be lower than the daily limit" });
    }
  });
export type ComplianceSettings = z.output<typeof ComplianceSettingsInput>;

/** The form's fields, each with its first error, or the settings to save. */
export function parseComplianceSettings(form: Record<string, unknown>):
  | { ok: true; settings: ComplianceSettings }
  | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = ComplianceSettingsInput.safeParse(form);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  return { ok: false, fieldErrors };
}

/** Saves the settings; the disclosure's version goes up only when its wording changed. */
export async function saveComplianceSettings({ db }: AppContext, shopId: string, settings: ComplianceSettings) {
  const current = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { consentDisclosure: true } });
  const disclosureChanged = current.consentDisclosure !== settings.consentDisclosure;
  return db.shop.update({
    where: { id: shopId },
    data: { ...settings, ...(disclosureChanged && { consentDisclosureVersion: { increment: 1 } }) },
  });
}
