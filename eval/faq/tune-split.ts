// The calibration's own check: on the tune split it was fitted on, the precision of the
// readings it would answer at the target. Shared by the eval and its test.
import { classifierFor } from "~/conversations/understanding/faq-understanding";
import { corpusSplit } from "~/conversations/understanding/corpus-split";
import { isPersonIntent } from "~/conversations/understanding/intents";

export function tuneSplitPrecision(target: number) {
  const classifier = classifierFor([]);
  const tune = corpusSplit("tune");
  const answered = tune
    .map(({ text, label }) => ({ reading: classifier.read(text), label }))
    .filter(({ reading }) => reading.label !== "none" && !isPersonIntent(reading.label) && reading.confidence >= target);
  const right = answered.filter(({ reading, label }) => reading.label === label).length;
  return { total: tune.length, answered: answered.length, right, precision: answered.length ? right / answered.length : 1 };
}
