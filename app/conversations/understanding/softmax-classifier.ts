// Multinomial logistic regression (softmax) trained by stochastic gradient descent with a
// seeded shuffle, so the same examples always give the same model. Only features seen in
// training get a weight; an unseen one says nothing either way. Texts are encoded once against
// a shared vocabulary, so the cross-validation's fold models reuse one encoding.
import { featuresOf } from "./text-features";

export interface LabelledText {
  text: string;
  label: string;
}

export interface EncodedText {
  ids: Int32Array;
  values: Float64Array;
}

export interface SoftmaxClassifier {
  labels: string[];
  vocabulary: Map<string, number>;
  /** weights[feature * labels.length + label] */
  weights: Float64Array;
  bias: Float64Array;
}

export const TRAINING = { epochs: 5, learningRate: 2, l2: 1e-3 };
// A class whose probability is already within this of its target learns nothing worth the time:
// skipping it makes an epoch cost a few classes per example instead of all of them.
const NEGLIGIBLE_GRADIENT = 1e-3;

/** Encodes texts against a vocabulary that grows with every feature it has not seen. */
export function textEncoder(vocabulary = new Map<string, number>()) {
  return {
    vocabulary,
    encode(text: string): EncodedText {
      const features = featuresOf(text);
      const ids = new Int32Array(features.size);
      const values = new Float64Array(features.size);
      let i = 0;
      for (const [feature, value] of features) {
        let id = vocabulary.get(feature);
        if (id === undefined) vocabulary.set(feature, (id = vocabulary.size));
        ids[i] = id;
        values[i++] = value;
      }
      return { ids, values };
    },
  };
}

export function trainSoftmax(examples: readonly LabelledText[], seed = 19): SoftmaxClassifier {
  const { vocabulary, encode } = textEncoder();
  return trainEncoded(vocabulary, examples.map(({ text, label }) => ({ encoded: encode(text), label })), seed);
}

export function trainEncoded(vocabulary: Map<string, number>, examples: readonly { encoded: EncodedText; label: string }[], seed = 19): SoftmaxClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const targets = examples.map((e) => labelIndex.get(e.label)!);
  const classes = labels.length;
  const model: SoftmaxClassifier = { labels, vocabulary, weights: new Float64Array(vocabulary.size * classes), bias: new Float64Array(classes) };
  const order = examples.map((_, i) => i);
  const random = mulberry32(seed);
  const probabilities = new Float64Array(classes);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    shuffle(order, random);
    const rate = TRAINING.learningRate / (1 + epoch / 4);
    for (const index of order) {
      const { ids, values } = examples[index].encoded;
      scoreInto(model, ids, values, probabilities);
      for (let c = 0; c < classes; c++) {
        const gradient = probabilities[c] - (c === targets[index] ? 1 : 0);
        if (Math.abs(gradient) < NEGLIGIBLE_GRADIENT) continue;
        model.bias[c] -= rate * gradient;
        for (let k = 0; k < ids.length; k++) {
          const at = ids[k] * classes + c;
          model.weights[at] -= rate * (gradient * values[k] + TRAINING.l2 * model.weights[at]);
        }
      }
    }
  }
  return model;
}

/** Each label's probability for the text, in the order of model.labels. */
export function classify(model: SoftmaxClassifier, text: string): Float64Array {
  const ids: number[] = [];
  const values: number[] = [];
  for (const [feature, value] of featuresOf(text)) {
    const id = model.vocabulary.get(feature);
    if (id !== undefined) {
      ids.push(id);
      values.push(value);
    }
  }
  return classifyEncoded(model, { ids: Int32Array.from(ids), values: Float64Array.from(values) });
}

export function classifyEncoded(model: SoftmaxClassifier, { ids, values }: EncodedText): Float64Array {
  const probabilities = new Float64Array(model.labels.length);
  scoreInto(model, ids, values, probabilities);
  return probabilities;
}

function scoreInto(model: SoftmaxClassifier, ids: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array) {
  const classes = model.labels.length;
  const size = model.weights.length;
  out.set(model.bias);
  for (let k = 0; k < ids.length; k++) {
    const from = ids[k] * classes;
    // A feature added to the shared vocabulary after this model was trained has no weight.
    if (from >= size) continue;
    for (let c = 0; c < classes; c++) out[c] += model.weights[from + c] * values[k];
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) if (out[c] > max) max = out[c];
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < classes; c++) out[c] /= sum;
}

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
