// The confidence is calibrated on the corpus's out-of-fold readings (every phrasing read by a
// model that did not train on it): at each precision target the merchant can pick, the readings
// of each intent it would answer are right at least that often; and the calibration the app
// ships is the one the corpus gives today.
import { beforeAll, describe, expect, it } from "vitest";
import { calibrated } from "~/conversations/understanding/calibration";
import shipped from "~/conversations/understanding/corpus-calibration.json";
import { calibrationFrom, corpusExamples, outOfFoldReadings, trainIntentClassifier, type OutOfFoldReading } from "~/conversations/understanding/intent-classifier";
import { INTENTS, isPersonIntent, PRECISION_TARGETS } from "~/conversations/understanding/intents";

let readings: OutOfFoldReading[];
beforeAll(() => {
  readings = outOfFoldReadings(corpusExamples());
}, 120_000);

const ANSWERABLE = Object.keys(INTENTS).filter((intent) => intent !== "none" && !isPersonIntent(intent));

function answeredAt(target: number) {
  return readings.filter((r) => ANSWERABLE.includes(r.read) && calibrated(shipped, r.read, r.score) >= target);
}

describe("the calibrated precision target", () => {
  it("ships the calibration the corpus gives (else: npx tsx eval/faq/cross-validate.ts --write-calibration)", () => {
    expect(calibrationFrom(readings)).toEqual(shipped);
  });

  it.each(PRECISION_TARGETS)("answers each intent's out-of-fold readings right at least %s of the time", (target) => {
    const answered = answeredAt(target);
    expect(answered.length).toBeGreaterThan(readings.length / 2);
    const belowTarget = ANSWERABLE.map((intent) => {
      const asIt = answered.filter((r) => r.read === intent);
      return { intent, precision: asIt.filter((r) => r.label === intent).length / Math.max(1, asIt.length), answered: asIt.length };
    }).filter(({ precision, answered }) => answered > 0 && precision < target);
    expect(belowTarget).toEqual([]);
  });

  it("a stricter target answers fewer texts", () => {
    expect(answeredAt(0.98).length).toBeLessThan(answeredAt(0.9).length);
  });

  // How long training takes is printed by npm run eval:faq, not asserted: timings are for benchmarks.
  it("trains the same model every time", () => {
    const first = trainIntentClassifier();
    const second = trainIntentClassifier();
    const text = "hey wheres my order #1043";
    expect(second.read(text)).toEqual(first.read(text));
  });
});
