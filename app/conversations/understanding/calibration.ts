// The classifier's score for its reading → the confidence the merchant's precision target is
// compared with, learnt per intent from out-of-fold readings: every corpus phrasing read by a
// model that did not train on it (intent-classifier.ts).
//
// A confidence c for a score s means: of the out-of-fold readings of this intent scoring s or
// less, there is a threshold t ≤ s such that all readings scoring t or more were right at least
// c of the time, counted by the Wilson lower bound of their share right (so a few lucky readings
// at the top cannot claim certainty). The confidence never falls as the score rises, so
// "answer when confidence ≥ target" answers exactly the readings above the lowest threshold whose
// readings were right at least `target` of the time (at the bound): the precision of the answers
// is that share, at least the target, on the corpus's out-of-fold readings and, as far as new
// texts resemble them, on new texts. It asks the target of the answers as a whole, not of each
// score band, which is what the merchant's target is about and why it answers more than a
// per-band calibration would.

export type Curve = { from: number; confidence: number }[];

export interface Calibration {
  /** By intent read: the confidence from each score up, by rising score. */
  byLabel: Record<string, Curve>;
  /** For a label with no readings of its own (a merchant's own entry): every answerable reading. */
  anyLabel: Curve;
}

export interface Observation {
  label: string;
  score: number;
  right: boolean;
}

// The Wilson bound at one standard error: a one-sided 84 % bound, modest on purpose (a strict one
// starves the answer rate; nested cross-validation, eval/faq/cross-validate.ts, checks the result).
const WILSON_Z = 1;

export function fitCalibration(observations: readonly Observation[]): Calibration {
  const byLabel: Record<string, Curve> = {};
  for (const label of new Set(observations.map((o) => o.label))) byLabel[label] = fitCurve(observations.filter((o) => o.label === label));
  return { byLabel, anyLabel: fitCurve(observations) };
}

export function calibrated(calibration: Calibration, label: string, score: number): number {
  const curve = calibration.byLabel[label] ?? calibration.anyLabel;
  let confidence = 0;
  for (const point of curve) {
    if (score < point.from) break;
    confidence = point.confidence;
  }
  return confidence;
}

function fitCurve(observations: readonly Observation[]): Curve {
  const sorted = [...observations].sort((a, b) => b.score - a.score);
  // The bound of the readings scoring at least each score, from the top down.
  const tails: { from: number; bound: number }[] = [];
  let right = 0;
  sorted.forEach((o, i) => {
    right += o.right ? 1 : 0;
    if (i + 1 < sorted.length && sorted[i + 1].score === o.score) return;
    tails.push({ from: o.score, bound: wilsonLowerBound(right, i + 1) });
  });
  const curve: Curve = [];
  let best = 0;
  for (const { from, bound } of tails.reverse()) {
    // Only where the confidence rises: between two points it is the earlier one's.
    // Rounded so the shipped calibration reads the same on every machine, and rounded the careful
    // way: a threshold up, a confidence down.
    if (bound > best) curve.push({ from: Math.ceil(from * 1e6) / 1e6, confidence: Math.floor((best = bound) * 1e4) / 1e4 });
  }
  return curve;
}

function wilsonLowerBound(right: number, count: number): number {
  const z2 = WILSON_Z * WILSON_Z;
  const share = right / count;
  const centre = share + z2 / (2 * count);
  const spread = WILSON_Z * Math.sqrt((share * (1 - share)) / count + z2 / (4 * count * count));
  return Math.max(0, (centre - spread) / (1 + z2 / count));
}
