import { describe, expect, it } from "vitest";
import { formatDuration, formatMoney, formatPercent } from "./figure-format";

describe("writing the dashboard's figures", () => {
  it("writes money in the shop's currency", () => {
    expect(formatMoney("1234.5", "USD")).toBe("$1,234.50");
    expect(formatMoney("20", "EUR")).toBe("€20.00");
    expect(formatMoney("1500", "JPY")).toBe("¥1,500");
  });

  it("writes a missing rate as a dash, never as 0 % or NaN", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(2 / 3)).toBe("66.7%");
  });

  it("writes durations in the largest units that fit", () => {
    expect([30_000, 45 * 60_000, 185 * 60_000, 50 * 3_600_000].map(formatDuration)).toEqual(["30 sec", "45 min", "3 h 5 min", "2 d 2 h"]);
    expect(formatDuration(null)).toBe("—");
  });
});
