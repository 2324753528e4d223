// Shop.businessHours: when people answer texts, as JSON in the shop's time zone, e.g.
// {"start":9,"end":17,"days":[1,2,3,4,5]} (whole hours, days 0 = Sunday). Unset or unreadable
// means always open: an away message is only sent when the merchant said when they are away.
import { z } from "zod";
import { isInsideWindow, type SendingWindow, type Weekday } from "~/compliance/quiet-hours";

const BusinessHours = z
  .object({
    start: z.number().int().min(0).max(23),
    end: z.number().int().min(1).max(24),
    days: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5]),
  })
  .refine((h) => h.start < h.end, "start must be before end");

export function isWithinBusinessHours(stored: string | null, timeZone: string, at: Date): boolean {
  if (!stored) return true;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return true;
  }
  const hours = BusinessHours.safeParse(value);
  if (!hours.success) return true;
  const weekdays: SendingWindow["weekdays"] = {};
  for (const day of [0, 1, 2, 3, 4, 5, 6] as Weekday[]) if (!hours.data.days.includes(day)) weekdays[day] = null;
  return isInsideWindow(at, timeZone, { start: hours.data.start, end: hours.data.end, weekdays });
}
