import { describe, expect, it } from "vitest";
import { incrementalRevenue, normalCdf, twoProportionTest, variantWinner, wilsonInterval } from "./campaign-stats";

const revenueSums = (revenues: number[]) => ({
  recipients: revenues.length,
  sum: revenues.reduce((a, b) => a + b, 0),
  sumOfSquares: revenues.reduce((a, b) => a + b * b, 0),
});

describe("a conversion rate's 95 % interval (Wilson)", () => {
  it("gives the published values", () => {
    const [lo, hi] = wilsonInterval(81, 263)!;
    expect(lo).toBeCloseTo(0.25529, 5);
    expect(hi).toBeCloseTo(0.36621, 5);
    const [midLo, midHi] = wilsonInterval(5, 10)!;
    expect(midLo).toBeCloseTo(0.23659, 5);
    expect(midHi).toBeCloseTo(0.76341, 5);
  });

  it("does not collapse at no orders or all orders, and stays within 0–1", () => {
    expect(wilsonInterval(0, 10)![0]).toBe(0);
    expect(wilsonInterval(0, 10)![1]).toBeCloseTo(0.27753, 5);
    expect(wilsonInterval(10, 10)![0]).toBeCloseTo(0.72247, 5);
    expect(wilsonInterval(10, 10)![1]).toBeLessThanOrEqual(1);
  });

  it("is absent for an arm with no recipients", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("comparing two variants' conversion", () => {
  it("matches the pooled two-proportion z-test", () => {
    const { z, pValue } = twoProportionTest({ successes: 45, trials: 100 }, { successes: 30, trials: 100 });
    expect(z).toBeCloseTo(2.19089, 4);
    expect(pValue).toBeCloseTo(0.02846, 4);
    expect(twoProportionTest({ successes: 30, trials: 100 }, { successes: 45, trials: 100 }).z).toBeCloseTo(-2.19089, 4);
  });

  it("finds no difference when neither variant converted anyone", () => {
    expect(twoProportionTest({ successes: 0, trials: 50 }, { successes: 0, trials: 50 }).pValue).toBe(1);
  });

  it("reads the normal distribution accurately", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});

describe("naming a winner", () => {
  it("names the variant that converted significantly better", () => {
    const { winner, reason } = variantWinner([
      { name: "A", successes: 30, trials: 100 },
      { name: "B", successes: 45, trials: 100 },
    ]);
    expect(winner).toBe("B");
    expect(reason).toMatch(/^B converted better/);
  });

  it("names none when the difference could be chance, and says why", () => {
    const { winner, reason } = variantWinner([
      { name: "A", successes: 30, trials: 100 },
      { name: "B", successes: 36, trials: 100 },
    ]);
    expect(winner).toBeNull();
    expect(reason).toContain("B against A gives p = 0.3");
  });

  it("shares the 5 % among all pairs when there are more than two variants", () => {
    // p ≈ 0.028 between the best and each other: enough for one pair, not for three (0.05 / 3 ≈ 0.017).
    const three = [
      { name: "A", successes: 30, trials: 100 },
      { name: "B", successes: 45, trials: 100 },
      { name: "C", successes: 30, trials: 100 },
    ];
    const { winner, reason } = variantWinner(three);
    expect(winner).toBeNull();
    expect(reason).toContain("shared by the 3 pairs");
    expect(variantWinner(three.slice(0, 2)).winner).toBe("B");
  });

  it("needs the leader to beat every other variant, not just the worst", () => {
    const { winner } = variantWinner([
      { name: "A", successes: 100, trials: 1000 },
      { name: "B", successes: 200, trials: 1000 },
      { name: "C", successes: 195, trials: 1000 },
    ]);
    expect(winner).toBeNull();
  });

  it("names none with a single variant", () => {
    expect(variantWinner([{ name: "A", successes: 50, trials: 100 }]).winner).toBeNull();
  });
});

describe("incremental revenue over the holdout", () => {
  it("is the difference in revenue per recipient times the treated recipients, with Welch's 95 % interval", () => {
    // Treated 0, 0, 50, 100 (mean 37.5, variance 2291.67); holdout 0, 30 (mean 15, variance 450).
    const lift = incrementalRevenue(revenueSums([0, 0, 50, 100]), revenueSums([0, 30]))!;
    expect(lift.estimate).toBeCloseTo(90, 9);
    expect(lift.interval![0]).toBeCloseTo(-131.456, 3);
    expect(lift.interval![1]).toBeCloseTo(311.456, 3);
  });

  it("is negative when the holdout bought more, and has no interval from a single holdout recipient", () => {
    const lift = incrementalRevenue(revenueSums([0, 10, 20]), revenueSums([40]))!;
    expect(lift.estimate).toBeCloseTo(-90, 9);
    expect(lift.interval).toBeNull();
  });

  it("is absent without a holdout", () => {
    expect(incrementalRevenue(revenueSums([10, 20]), revenueSums([]))).toBeNull();
  });
});
