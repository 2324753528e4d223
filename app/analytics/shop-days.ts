// Calendar days as the merchant lives them: dates in the shop's time zone, so a sale at 23:30 in
// Chicago is on that day's bar, not the next UTC day's.

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a time zone, as YYYY-MM-DD. */
export function dayKeyIn(timeZone: string, at: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

// Stepping in hours rather than days: a 23- or 25-hour day (daylight saving) is never skipped.
const STEP_MS = 3 * 3_600_000;

/** Every local date the span [from, to] touches, oldest first. */
export function dayKeysBetween(timeZone: string, from: Date, to: Date): string[] {
  const days = new Set<string>();
  for (let at = from.getTime(); at < to.getTime(); at += STEP_MS) days.add(dayKeyIn(timeZone, new Date(at)));
  days.add(dayKeyIn(timeZone, to));
  return [...days];
}
