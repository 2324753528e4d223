import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyWindow, nextSendableTime, sendingWindow, STATE_SENDING_RULES, type SendingWindow, type Weekday } from "./quiet-hours";

const federal = { start: 8, end: 21 };
const utc = (iso: string) => new Date(iso);

// An independent reading of a zone's wall clock, straight from Intl, to judge the answers.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const clocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, zone: string) {
  if (!clocks.has(zone)) {
    const fields = { weekday: "short", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" } as const;
    clocks.set(zone, new Intl.DateTimeFormat("en-US", { timeZone: zone, ...fields }));
  }
  const parts = clocks.get(zone)!.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: WEEKDAYS.indexOf(get("weekday")) as Weekday, hours: Number(get("hour")) + Number(get("minute")) / 60 + Number(get("second")) / 3600 };
}
function insideEverywhere(instant: Date, zones: readonly string[], window: SendingWindow) {
  return zones.every((zone) => {
    const { weekday, hours } = wallClock(instant, zone);
    const daily = dailyWindow(window, weekday);
    return daily !== null && hours >= daily.start && hours < daily.end;
  });
}

describe("nextSendableTime in one zone", () => {
  const chicago = ["America/Chicago"];

  it("holds a text scheduled at 22:30 in Chicago until 08:00 the next morning", () => {
    expect(nextSendableTime(utc("2026-03-03T04:30:00Z"), chicago, federal)).toEqual(utc("2026-03-03T14:00:00Z"));
  });

  it("holds 07:59 for one minute", () => {
    expect(nextSendableTime(utc("2026-03-03T13:59:00Z"), chicago, federal)).toEqual(utc("2026-03-03T14:00:00Z"));
  });

  it("sends at once inside the window, up to the last millisecond before 21:00", () => {
    expect(nextSendableTime(utc("2026-03-03T18:00:00Z"), chicago, federal)).toEqual(utc("2026-03-03T18:00:00Z"));
    expect(nextSendableTime(utc("2026-03-04T02:59:59.999Z"), chicago, federal)).toEqual(utc("2026-03-04T02:59:59.999Z"));
    expect(nextSendableTime(utc("2026-03-04T03:00:00Z"), chicago, federal)).toEqual(utc("2026-03-04T14:00:00Z"));
  });

  it("opens at 08:00 daylight time on the morning the clocks spring forward", () => {
    // Saturday 2026-03-07 22:30 CST; Sunday 08:00 is CDT (UTC−5), so 13:00 UTC, not 14:00.
    expect(nextSendableTime(utc("2026-03-08T04:30:00Z"), chicago, federal)).toEqual(utc("2026-03-08T13:00:00Z"));
  });

  it("opens at 08:00 standard time on the morning the clocks fall back", () => {
    // Saturday 2026-10-31 22:30 CDT; Sunday 08:00 is CST (UTC−6).
    expect(nextSendableTime(utc("2026-11-01T03:30:00Z"), chicago, federal)).toEqual(utc("2026-11-01T14:00:00Z"));
  });

  it("follows half- and quarter-hour zones", () => {
    expect(nextSendableTime(utc("2026-06-10T16:30:00Z"), ["Asia/Kolkata"], federal)).toEqual(utc("2026-06-11T02:30:00Z"));
    expect(nextSendableTime(utc("2026-06-10T16:30:00Z"), ["Asia/Kathmandu"], federal)).toEqual(utc("2026-06-11T02:15:00Z"));
  });
});

describe("nextSendableTime across several zones", () => {
  const coasts = ["America/New_York", "America/Los_Angeles"];

  it("New York and Los Angeles together share 11:00–21:00 Eastern", () => {
    expect(nextSendableTime(utc("2026-05-12T14:00:00Z"), coasts, federal)).toEqual(utc("2026-05-12T15:00:00Z")); // 10:00 ET
    expect(nextSendableTime(utc("2026-05-12T15:00:00Z"), coasts, federal)).toEqual(utc("2026-05-12T15:00:00Z")); // 11:00 ET
    expect(nextSendableTime(utc("2026-05-13T00:59:00Z"), coasts, federal)).toEqual(utc("2026-05-13T00:59:00Z")); // 20:59 ET
    expect(nextSendableTime(utc("2026-05-13T01:00:00Z"), coasts, federal)).toEqual(utc("2026-05-13T15:00:00Z")); // 21:00 ET
  });

  it("answers null when the zones share no window within 48 hours", () => {
    const spread = ["America/Los_Angeles", "Europe/London", "Asia/Shanghai"];
    expect(nextSendableTime(utc("2026-05-12T12:00:00Z"), spread, federal)).toBeNull();
    expect(nextSendableTime(utc("2026-05-12T12:00:00Z"), ["America/Chicago"], { start: 9, end: 9 })).toBeNull();
  });

  it("refuses to guess without a zone or a valid time", () => {
    expect(() => nextSendableTime(utc("2026-05-12T12:00:00Z"), [], federal)).toThrow(RangeError);
    expect(() => nextSendableTime(new Date(Number.NaN), ["America/Chicago"], federal)).toThrow(RangeError);
    expect(() => nextSendableTime(utc("2026-05-12T12:00:00Z"), ["Mars/Olympus_Mons"], federal)).toThrow(RangeError);
  });
});

describe("state rules", () => {
  it("holds a 20:30 text to Miami until 08:00 under Florida's 8 p.m. limit", () => {
    const at = utc("2026-04-15T00:30:00Z"); // 20:30 EDT
    expect(nextSendableTime(at, ["America/New_York"], federal)).toEqual(at);
    expect(nextSendableTime(at, ["America/New_York"], sendingWindow(federal, "FL"))).toEqual(utc("2026-04-15T12:00:00Z"));
  });

  it("narrows the shop's window to each applicable state's, and to all of them together", () => {
    expect(sendingWindow(federal, "FL")).toEqual({ start: 8, end: 20 });
    expect(sendingWindow(federal, "ok")).toEqual({ start: 8, end: 20 });
    expect(sendingWindow(federal, ["MD", "WA"])).toEqual({ start: 8, end: 20 });
    expect(sendingWindow(federal, ["FL", "CT"])).toEqual({ start: 9, end: 20 });
    expect(sendingWindow({ start: 10, end: 19 }, "FL")).toEqual({ start: 10, end: 19 });
    expect(sendingWindow(federal, ["NY", "", "ZZ"])).toEqual(federal);
    expect(sendingWindow(federal)).toEqual(federal);
  });

  it("keeps Sunday rules: none in Mississippi, from noon in Texas", () => {
    expect(sendingWindow(federal, "MS")).toEqual({ start: 8, end: 20, weekdays: { 0: null } });
    expect(sendingWindow(federal, "TX")).toEqual({ start: 9, end: 21, weekdays: { 0: { start: 12, end: 21 } } });
    // Saturday 20:30 in Jackson → Monday 08:00; Sunday 09:30 in Dallas → Sunday noon.
    const saturdayEvening = utc("2026-05-17T01:30:00Z");
    expect(nextSendableTime(saturdayEvening, ["America/Chicago"], sendingWindow(federal, "MS"))).toEqual(utc("2026-05-18T13:00:00Z"));
    expect(nextSendableTime(utc("2026-05-17T14:30:00Z"), ["America/Chicago"], sendingWindow(federal, "TX"))).toEqual(utc("2026-05-17T17:00:00Z"));
  });

  it("cites a law for every state rule", () => {
    for (const rule of Object.values(STATE_SENDING_RULES)) expect(rule.law).toMatch(/§|RCW|CMR|R\.S\./);
  });

  it("rejects a window that is not a span of the day", () => {
    expect(() => sendingWindow({ start: 21, end: 8 })).toThrow(RangeError);
    expect(() => sendingWindow({ start: 8, end: 25 })).toThrow(RangeError);
    expect(() => sendingWindow({ start: Number.NaN, end: 21 })).toThrow(RangeError);
  });
});

const ZONES = [
  "America/Chicago", "America/New_York", "America/Los_Angeles", "America/Denver", "America/Phoenix",
  "America/Anchorage", "Pacific/Honolulu", "America/St_Johns", "Europe/London", "Europe/Berlin",
  "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Asia/Tokyo",
];
const instants = fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
const zoneSets = fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 });
const windows = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.subarray(Object.keys(STATE_SENDING_RULES), { maxLength: 2 }))
  .map(([start, length, states]) => sendingWindow({ start, end: Math.min(24, start + length) }, states));

describe("nextSendableTime properties", () => {
  it("never answers earlier than asked, nor outside the window on any zone's clock", () => {
    fc.assert(
      fc.property(instants, zoneSets, windows, (at, zones, window) => {
        const next = nextSendableTime(at, zones, window);
        if (next === null) return;
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(48 * 3_600_000);
        expect(insideEverywhere(next, zones, window)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("finds the earliest such minute, as a minute-by-minute search does", () => {
    fc.assert(
      fc.property(instants, zoneSets, windows, (at, zones, window) => {
        let expected: Date | null = null;
        for (let minute = 0; minute <= 48 * 60; minute++) {
          const candidate = new Date(at.getTime() + minute * 60_000);
          if (insideEverywhere(candidate, zones, window)) {
            expected = candidate;
            break;
          }
        }
        expect(nextSendableTime(at, zones, window)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
