// The classifier automation reads shopper texts with: trained on the whole corpus (plus a shop's
// own phrasings), each phrasing with noisy copies (augment.ts), on first use; its confidence
// calibrated on out-of-fold readings of the corpus (calibration.ts). The calibration takes five
// trainings, too slow for a shopper's first text, so it ships computed (corpus-calibration.json,
// written by `npx tsx eval/faq/cross-validate.ts --write-calibration`); a test fails when the
// corpus, features or training change without it.
import { noisyVariants } from "./augment";
import { calibrated, fitCalibration, type Calibration, type Observation } from "./calibration";
import { INTENT_CORPUS } from "./corpus";
import shippedCalibration from "./corpus-calibration.json";
import { isPersonIntent, type PersonIntent } from "./intents";
import { classify, classifyEncoded, textEncoder, trainEncoded, type EncodedText, type LabelledText, type SoftmaxClassifier } from "./softmax-classifier";

export interface Reading {
  /** An intent, or "entry:<id>" for a merchant's entry with phrasings of its own. */
  label: string;
  /** The model's own probability for it. */
  probability: number;
  /** The calibrated chance that answers like it are right: what the precision target is compared with. */
  confidence: number;
  /** How likely the text is a person's (asks for one or complains): both intents' probabilities summed, and the likelier. */
  person: PersonReading;
}

export interface PersonReading {
  intent: PersonIntent;
  probability: number;
}

export interface IntentClassifier {
  read(text: string): Reading;
  calibration: Calibration;
  trainingMs: number;
}

/** One corpus phrasing read by a model that did not train on it. */
export interface OutOfFoldReading {
  text: string;
  label: string;
  read: string;
  probability: number;
  score: number;
  person: PersonReading;
}

export const FOLDS = 5;
const NOISY_COPIES = 2;

export const corpusExamples = (): LabelledText[] =>
  Object.entries(INTENT_CORPUS).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));

/** The fold a phrasing is left out of, by a hash: adding a phrasing never moves another. */
export function foldOf(text: string, seed = 0): number {
  let hash = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) % FOLDS;
}

/** What the shipped calibration must be: the corpus's out-of-fold readings, calibrated. */
export const corpusCalibration = (): Calibration => calibrationFrom(outOfFoldReadings(corpusExamples()));

export function trainIntentClassifier(extra: readonly LabelledText[] = [], corpus: readonly LabelledText[] = corpusExamples()): IntentClassifier {
  const calibration: Calibration = shippedCalibration;
  const started = performance.now();
  const model = trainModel([...corpus, ...extra]);
  const trainingMs = performance.now() - started;
  return {
    calibration,
    trainingMs,
    read(text) {
      const { read, probability, score, person } = readingOf(model, text);
      return { label: read, probability, confidence: calibrated(calibration, read, score), person };
    },
  };
}

/**
 * Every example read by the model trained on the other folds. A shop's own phrasings are not
 * cross-validated: they are few, and the corpus's readings calibrate its classes too.
 */
export function outOfFoldReadings(examples: readonly LabelledText[], seed = 0): OutOfFoldReading[] {
  const { vocabulary, encode } = textEncoder();
  const encoded = examples.map((example) => ({ ...example, fold: foldOf(example.text, seed), training: withNoise(example).map((e) => ({ encoded: encode(e.text), label: e.label })), own: encode(example.text) }));
  const readings: OutOfFoldReading[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainEncoded(vocabulary, encoded.filter((e) => e.fold !== fold).flatMap((e) => e.training));
    for (const e of encoded) if (e.fold === fold) readings.push({ text: e.text, label: e.label, ...readingOf(model, e.own) });
  }
  return readings;
}

/** Calibrated on what would be answered: a reading as "none" or as a person's is never answered. */
export function calibrationFrom(readings: readonly OutOfFoldReading[]): Calibration {
  const observations: Observation[] = readings
    .filter((r) => r.read !== "none" && !isPersonIntent(r.read))
    .map((r) => ({ label: r.read, score: r.score, right: r.read === r.label }));
  return fitCalibration(observations);
}

export function trainModel(examples: readonly LabelledText[]): SoftmaxClassifier {
  const { vocabulary, encode } = textEncoder();
  return trainEncoded(vocabulary, examples.flatMap(withNoise).map((e) => ({ encoded: encode(e.text), label: e.label })));
}

const withNoise = (example: LabelledText): LabelledText[] => [example, ...noisyVariants(example.text, NOISY_COPIES).map((text) => ({ text, label: example.label }))];

/** The model's top reading of a text, with the score its confidence is calibrated from. */
export function readingOf(model: SoftmaxClassifier, text: string | EncodedText) {
  const probabilities = typeof text === "string" ? classify(model, text) : classifyEncoded(model, text);
  const best = bestOf(model, probabilities);
  return { read: best.label, probability: best.probability, score: best.score, person: personOf(model, probabilities) };
}

function personOf(model: SoftmaxClassifier, probabilities: Float64Array): PersonReading {
  const person: PersonReading = { intent: "complaint", probability: 0 };
  let likeliest = -1;
  model.labels.forEach((label, c) => {
    if (!isPersonIntent(label)) return;
    person.probability += probabilities[c];
    if (probabilities[c] > likeliest) [likeliest, person.intent] = [probabilities[c], label];
  });
  return person;
}

// The score calibrated is the top probability less the runner-up's: a reading torn between two
// intents is less sure than its top probability alone says.
function bestOf(model: SoftmaxClassifier, probabilities: Float64Array) {
  let best = 0;
  let second = -1;
  for (let c = 1; c < probabilities.length; c++) {
    if (probabilities[c] > probabilities[best]) [second, best] = [best, c];
    else if (second < 0 || probabilities[c] > probabilities[second]) second = c;
  }
  const runnerUp = second < 0 ? 0 : probabilities[second];
  return { label: model.labels[best], probability: probabilities[best], score: probabilities[best] - runnerUp };
}
