// The confidence is a calibrated chance of being right: at each precision target the merchant
// can pick, the readings it would answer on the tune split are right at least that often.
import { describe, expect, it } from "vitest";
import { trainIntentClassifier } from "~/conversations/understanding/intent-classifier";
import { PRECISION_TARGETS } from "~/conversations/understanding/intents";
import { tuneSplitPrecision } from "../eval/faq/tune-split";

describe("the calibrated precision target", () => {
  it.each(PRECISION_TARGETS)("answers on the tune split are right at least %s of the time", (target) => {
    const tune = tuneSplitPrecision(target);
    expect(tune.answered).toBeGreaterThan(50);
    expect(tune.precision).toBeGreaterThanOrEqual(target);
  });

  it("a stricter target answers fewer texts", () => {
    expect(tuneSplitPrecision(0.98).answered).toBeLessThanOrEqual(tuneSplitPrecision(0.9).answered);
  });

  it("trains on the corpus in well under two seconds, the same model every time", () => {
    const first = trainIntentClassifier();
    const second = trainIntentClassifier();
    expect(first.trainingMs).toBeLessThan(2_000);
    expect(second.calibration).toEqual(first.calibration);
  });
});
