import { describe, expect, it } from "vitest";
import { sumDecimals } from "./decimal-sum";

describe("adding money", () => {
  it("adds decimal amounts exactly, where floating point would not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(Array.from({ length: 1000 }, () => "0.004"))).toBe("4");
    expect(sumDecimals(["120.50", "79.99", "0.01"])).toBe("200.5");
  });

  it("is zero for nothing, and keeps the sign of a negative total", () => {
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["-5.25", "1"])).toBe("-4.25");
  });

  it("refuses what is not a decimal amount", () => {
    expect(() => sumDecimals(["1e3"])).toThrow(RangeError);
    expect(() => sumDecimals(["0.0000001"])).toThrow(RangeError);
  });
});
