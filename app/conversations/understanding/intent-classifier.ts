// The classifier automation reads shopper texts with: trained on the corpus's train split (plus
// a shop's own phrasings), its confidence calibrated on the tune split. Built on first use.
import { calibrated, fitCalibration, type Calibration } from "./calibration";
import { corpusSplit } from "./corpus-split";
import { isPersonIntent } from "./intents";
import { classify, trainSoftmax, type LabelledText, type SoftmaxClassifier } from "./softmax-classifier";

export interface Reading {
  /** An intent, or "entry:<id>" for a merchant's entry with phrasings of its own. */
  label: string;
  /** The model's own probability for it. */
  probability: number;
  /** The calibrated chance that it is right: what the precision target is compared with. */
  confidence: number;
}

export interface IntentClassifier {
  read(text: string): Reading;
  calibration: Calibration;
  trainingMs: number;
}

export function trainIntentClassifier(extra: readonly LabelledText[] = []): IntentClassifier {
  const started = performance.now();
  const model = trainSoftmax([...corpusSplit("train"), ...extra]);
  const trainingMs = performance.now() - started;
  // Calibrated on what would be answered: a text read as "none" or as a person's is never
  // answered, so how often those readings are right says nothing about answers.
  const observations = corpusSplit("tune")
    .map(({ text, label }) => ({ best: bestOf(model, text), label }))
    .filter(({ best }) => best.label !== "none" && !isPersonIntent(best.label))
    .map(({ best, label }) => ({ score: best.probability, right: best.label === label }));
  const calibration = fitCalibration(observations);
  return {
    calibration,
    trainingMs,
    read(text) {
      const best = bestOf(model, text);
      return { ...best, confidence: calibrated(calibration, best.probability) };
    },
  };
}

function bestOf(model: SoftmaxClassifier, text: string) {
  const probabilities = classify(model, text);
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  return { label: model.labels[best], probability: probabilities[best] };
}
