import { describe, expect, it } from "vitest";
import { isWithinBusinessHours } from "./business-hours";
import { readPendingQuestion, serializePendingQuestion } from "./pending-question";

const weekdaysNineToFive = JSON.stringify({ start: 9, end: 17, days: [1, 2, 3, 4, 5] });

describe("business hours", () => {
  it.each([
    ["2026-03-04T15:00:00Z", true], // Wednesday 09:00 Chicago
    ["2026-03-04T14:59:00Z", false],
    ["2026-03-04T23:00:00Z", false], // 17:00
    ["2026-03-07T18:00:00Z", false], // Saturday noon
  ])("at %s open is %s", (at, open) => {
    expect(isWithinBusinessHours(weekdaysNineToFive, "America/Chicago", new Date(at))).toBe(open);
  });

  it.each([null, "not json", JSON.stringify({ start: 17, end: 9 })])("%j means always open", (stored) => {
    expect(isWithinBusinessHours(stored, "America/Chicago", new Date("2026-03-07T08:00:00Z"))).toBe(true);
  });
});

describe("pending question", () => {
  const askedAt = new Date("2026-03-01T12:00:00Z");
  const stored = serializePendingQuestion({ kind: "order_rating", shipmentId: "s1", orderName: "#1001", askedAt: askedAt.toISOString() });

  it("is open for a week", () => {
    expect(readPendingQuestion(stored, new Date("2026-03-08T11:59:00Z"))).toMatchObject({ orderName: "#1001" });
    expect(readPendingQuestion(stored, new Date("2026-03-08T12:01:00Z"))).toBeNull();
  });

  it("unreadable is none", () => {
    expect(readPendingQuestion("{", askedAt)).toBeNull();
    expect(readPendingQuestion(JSON.stringify({ kind: "other" }), askedAt)).toBeNull();
  });
});
