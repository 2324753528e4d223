// Quiet hours: when a proactive text may reach its recipient, judged on the recipient's own
// wall clock. Pure; zone arithmetic goes through Intl.DateTimeFormat, so daylight-saving changes
// and half- and quarter-hour zones (Asia/Kolkata, Asia/Kathmandu) come out right.
//
// The federal floor is 08:00–21:00 at the called party's location (47 CFR § 64.1200(c)(1)).
// Some states are stricter. The rules below are applied to every proactive text to a phone or
// address in the state, although several statutes speak of "unsolicited" calls or exempt
// existing customers: we do not try to prove an exemption, since the cost is an hour's delay.
// Several states also presume a call to one of their area codes reaches a resident (Fla. Stat.
// § 501.059(8)(d), Okla. Stat. tit. 15 § 775C, Conn. Gen. Stat. § 42-288a), which is why the
// phone's state counts as well as the address's (see recipient-time-zones.server.ts).
// Not modelled (yet): state holiday bans (AL, LA, RI, UT …) and emergency-declaration bans
// (Louisiana), Pennsylvania's and Rhode Island's weekend rules, and rules that only govern
// prerecorded or autodialed voice calls (KY, MI, MN, NM, NV). These need a decision record.

/** Local wall-clock hours, start inclusive, end exclusive: { start: 8, end: 21 } is 08:00–20:59:59. */
export interface DailyWindow {
  start: number;
  end: number;
}

/** 0 is Sunday, as Date#getDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface SendingWindow extends DailyWindow {
  /** Another window on some local weekdays; null means no proactive texts that day. */
  weekdays?: Partial<Record<Weekday, DailyWindow | null>>;
}

interface StateRule {
  window: SendingWindow;
  law: string;
}

const eightToEight = { start: 8, end: 20 };
const noSunday = { weekdays: { 0: null } };

/** Stricter state windows, by USPS state code; each verified against the cited text. */
export const STATE_SENDING_RULES: Readonly<Record<string, StateRule>> = {
  // Telephonic sales calls incl. text messages, 9 a.m.–8 p.m.; Public Act 23-98 (SB 1058), 2023-10-01.
  CT: { window: { start: 9, end: 20 }, law: "Conn. Gen. Stat. § 42-288a(c)" },
  // "before 8 a.m. or after 8 p.m. local time at the called person's location" (SB 1120, 2021).
  FL: { window: eightToEight, law: "Fla. Stat. § 501.616(6)(a)" },
  // Unsolicited telephonic sales calls not "between the hours of 8:00 P.M. to 8:00 A.M.".
  MA: { window: eightToEight, law: "201 CMR 12.02(2) under M.G.L. c. 159C" },
  // Stop the Spam Calls Act of 2023 (SB 90), in force 2024-01-01: 8 a.m.–8 p.m.
  MD: { window: eightToEight, law: "Md. Code, Com. Law § 14-4502" },
  // 8 a.m.–8 p.m. "Central Standard Time", no solicitations on Sunday. Read as local time.
  MS: { window: { ...eightToEight, ...noSunday }, law: "Miss. Code Ann. § 77-3-723(1)" },
  // Telephone Solicitation Act of 2022 (HB 3168), in force 2022-11-01: 8 a.m.–8 p.m.
  OK: { window: eightToEight, law: "Okla. Stat. tit. 15 § 775C.4" },
  // Commercial telephone solicitors: not "before 8:00 a.m. or after 8:00 p.m." recipient time.
  WA: { window: eightToEight, law: "RCW 19.158.040(2)" },
  // From compliance summaries rather than the statute text: 8 a.m.–8 p.m., none on Sunday.
  AL: { window: { ...eightToEight, ...noSunday }, law: "Ala. Code § 8-19A; Ala. Admin. Code r. 770-X-5-.17" },
  LA: { window: { ...eightToEight, ...noSunday }, law: "La. R.S. 45:844.x; LPSC General Order R-29617" },
  // 9 a.m.–9 p.m. Monday to Saturday, noon–9 p.m. on Sunday.
  TX: { window: { start: 9, end: 21, weekdays: { 0: { start: 12, end: 21 } } }, law: "Tex. Bus. & Com. Code § 301.051" },
};

/**
 * The shop's window narrowed by every state rule that applies. Pass all the states the
 * recipient may be in (address and phone): the result is the window that satisfies each.
 */
export function sendingWindow(base: SendingWindow, stateCodes?: string | readonly string[] | null): SendingWindow {
  checkWindow(base);
  const codes = typeof stateCodes === "string" ? [stateCodes] : (stateCodes ?? []);
  const windows = [base, ...codes.map((code) => STATE_SENDING_RULES[code.trim().toUpperCase()]?.window).filter((w) => w !== undefined)];
  const everyDay = intersect(windows.map((w) => ({ start: w.start, end: w.end })));
  const result: SendingWindow = everyDay ?? { start: 0, end: 0 };
  for (const day of [0, 1, 2, 3, 4, 5, 6] as Weekday[]) {
    const onDay = intersect(windows.map((w) => dailyWindow(w, day)));
    if (!sameWindow(onDay, everyDay)) (result.weekdays ??= {})[day] = onDay;
  }
  return result;
}

/** The window in force on a local weekday, or null when nothing may be sent that day. */
export function dailyWindow(window: SendingWindow, day: Weekday): DailyWindow | null {
  const override = window.weekdays?.[day];
  const daily = override === undefined ? window : override;
  return daily && daily.start < daily.end ? { start: daily.start, end: daily.end } : null;
}

function intersect(windows: (DailyWindow | null)[]): DailyWindow | null {
  if (windows.some((w) => w === null)) return null;
  const start = Math.max(...windows.map((w) => w!.start));
  const end = Math.min(...windows.map((w) => w!.end));
  return start < end ? { start, end } : null;
}

const sameWindow = (a: DailyWindow | null, b: DailyWindow | null) => a?.start === b?.start && a?.end === b?.end;

function checkWindow(window: SendingWindow) {
  for (const w of [window, ...Object.values(window.weekdays ?? {})]) {
    if (w && !(Number.isFinite(w.start) && Number.isFinite(w.end) && w.start >= 0 && w.start <= w.end && w.end <= 24)) {
      throw new RangeError(`A sending window needs 0 ≤ start ≤ end ≤ 24 (got ${w.start}–${w.end})`);
    }
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEFAULT_HORIZON_HOURS = 48;

/**
 * `at` itself when it is inside the window on every zone's clock, else the earliest later
 * instant that is, or null when there is none within the horizon (48 h): zones too far apart
 * to share a window (Honolulu and Guam, or a whole continent's zones), or a window that is
 * always closed. The gate refuses rather than guesses in that case.
 *
 * How: the answer is `at` or the moment the last zone to open opens, so the candidates are the
 * local window openings of each zone within the horizon, each checked against every zone. The
 * check makes an answer inside quiet hours impossible; an opening inside a repeated DST hour
 * (never a real 08:00 start) could only make the answer late, never early.
 */
export function nextSendableTime(at: Date, zones: readonly string[], window: SendingWindow, horizonHours = DEFAULT_HORIZON_HOURS): Date | null {
  const from = at.getTime();
  if (Number.isNaN(from)) throw new RangeError("nextSendableTime needs a valid time");
  if (zones.length === 0) throw new RangeError("nextSendableTime needs at least one time zone");
  checkWindow(window);
  const until = from + horizonHours * HOUR;
  const candidates = new Set<number>([from]);
  for (const zone of zones) {
    const firstDay = Math.floor((from + offsetMs(zone, from)) / DAY) - 1;
    for (let day = firstDay; day <= firstDay + horizonHours / 24 + 2; day++) {
      const daily = dailyWindow(window, weekdayOf(day));
      if (!daily) continue;
      const opens = instantOfLocalTime(zone, day * DAY + daily.start * HOUR);
      if (opens > from && opens <= until) candidates.add(opens);
    }
  }
  const found = [...candidates].sort((a, b) => a - b).find((t) => zones.every((zone) => isInsideWindow(t, zone, window)));
  return found === undefined ? null : new Date(found);
}

/** Whether an instant falls inside the window on one zone's wall clock. */
export function isInsideWindow(instant: number | Date, zone: string, window: SendingWindow): boolean {
  const t = typeof instant === "number" ? instant : instant.getTime();
  const local = t + offsetMs(zone, t);
  const day = Math.floor(local / DAY);
  const daily = dailyWindow(window, weekdayOf(day));
  const sinceMidnight = local - day * DAY;
  return daily !== null && sinceMidnight >= daily.start * HOUR && sinceMidnight < daily.end * HOUR;
}

// Day 0 of the epoch, 1970-01-01, was a Thursday.
const weekdayOf = (epochDay: number) => ((((epochDay + 4) % 7) + 7) % 7) as Weekday;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant, in ms (east positive), from Intl's wall-clock reading. */
export function offsetMs(zone: string, instant: number): number {
  let format = formatters.get(zone);
  if (!format) {
    const fields = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" } as const;
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", ...fields });
    formatters.set(zone, format);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = Number(value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a zone's clock shows a wall time (ms since the epoch, read as if UTC). Of two
 * (the repeated hour after a DST fall-back) the earlier; for a time the clocks skip (spring
 * forward) the moment they jump past it, which is when the window really opens.
 */
export function instantOfLocalTime(zone: string, wall: number): number {
  const before = offsetMs(zone, wall - DAY);
  const after = offsetMs(zone, wall + DAY);
  const valid = [wall - before, wall - after].filter((t) => offsetMs(zone, t) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
