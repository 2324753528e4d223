// The statistics of a campaign experiment, on counts and sums the database has already added up:
// a conversion rate's interval, the test between two variants, and the incremental revenue of
// the treated arms over the holdout. Why these methods: docs/decisions/028.

/** The two-sided 95 % normal quantile. */
export const Z_95 = 1.959964;
/** A variant is named the winner only below this chance of a difference as large by luck alone. */
export const SIGNIFICANCE = 0.05;

export type Interval = [number, number];

/**
 * Wilson's score interval for a proportion: unlike p ± z·√(p(1−p)/n) it stays within 0–1 and
 * does not shrink to nothing at 0 or n successes, which small arms and rare orders often give.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Φ, the standard normal distribution function, from Numerical Recipes' erfc (error below 1.2e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x) / Math.SQRT2);
  const erfc =
    t *
    Math.exp(
      -(x * x) / 2 -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

export interface Proportion {
  successes: number;
  trials: number;
}

/** The pooled two-proportion z-test: z (positive when a's rate is higher) and the two-sided p-value. */
export function twoProportionTest(a: Proportion, b: Proportion): { z: number; pValue: number } {
  if (a.trials === 0 || b.trials === 0) return { z: 0, pValue: 1 };
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (a.successes / a.trials - b.successes / b.trials) / se;
  return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

export interface VariantConversions extends Proportion {
  name: string;
}

/**
 * The variant whose conversion rate is higher than every other variant's, each difference
 * significant after Bonferroni's correction for all the pairs that could have been compared
 * (1 pair for 2 variants, 3 for 3, 6 for 4); otherwise null, with the reason.
 */
export function variantWinner(variants: readonly VariantConversions[], alpha = SIGNIFICANCE): { winner: string | null; reason: string } {
  if (variants.length < 2) return { winner: null, reason: "A winner needs at least two variants to compare." };
  const rate = (v: Proportion) => (v.trials > 0 ? v.successes / v.trials : 0);
  const [leader, ...others] = [...variants].sort((a, b) => rate(b) - rate(a));
  const pairs = (variants.length * (variants.length - 1)) / 2;
  const threshold = alpha / pairs;
  const weakest = others
    .map((other) => ({ other, test: twoProportionTest(leader, other) }))
    .reduce((worst, next) => (next.test.pValue > worst.test.pValue ? next : worst));
  const correction = pairs > 1 ? ` (${alpha} shared by the ${pairs} pairs of variants)` : "";
  if (rate(leader) > rate(weakest.other) && weakest.test.pValue < threshold) {
    return { winner: leader.name, reason: `${leader.name} converted better than every other variant, each difference significant at p < ${round(threshold)}${correction}.` };
  }
  return {
    winner: null,
    reason: `No variant converted significantly better than every other: ${leader.name} against ${weakest.other.name} gives p = ${round(weakest.test.pValue)}, not below ${round(threshold)}${correction}.`,
  };
}

/** An arm's revenue per recipient as the database sums it: recipients, Σ revenue, Σ revenue². */
export interface RevenueSums {
  recipients: number;
  sum: number;
  sumOfSquares: number;
}

function meanAndVarianceOfMean({ recipients: n, sum, sumOfSquares }: RevenueSums) {
  const mean = sum / n;
  // The sample variance of revenue per recipient, from the two sums; rounding can leave it a hair below zero.
  const variance = n > 1 ? Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1)) : Number.NaN;
  return { mean, varianceOfMean: variance / n };
}

/**
 * (treated revenue per recipient − holdout revenue per recipient) × treated recipients, with a
 * 95 % interval from the normal approximation of the difference of two means (Welch's standard
 * error). Null when either side has no recipients; no interval with fewer than two in either.
 */
export function incrementalRevenue(treated: RevenueSums, holdout: RevenueSums, z = Z_95): { estimate: number; interval: Interval | null } | null {
  if (treated.recipients === 0 || holdout.recipients === 0) return null;
  const t = meanAndVarianceOfMean(treated);
  const h = meanAndVarianceOfMean(holdout);
  const difference = t.mean - h.mean;
  const se = Math.sqrt(t.varianceOfMean + h.varianceOfMean);
  const scale = treated.recipients;
  return {
    estimate: difference * scale,
    interval: Number.isFinite(se) ? [(difference - z * se) * scale, (difference + z * se) * scale] : null,
  };
}

function round(value: number): string {
  return value < 0.001 ? value.toExponential(1) : String(Number(value.toFixed(4)));
}
