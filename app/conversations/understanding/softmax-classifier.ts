// Multinomial logistic regression (softmax) trained by stochastic gradient descent with a
// seeded shuffle, so the same examples always give the same model. Only features seen in
// training get a weight; an unseen one says nothing either way.
import { featuresOf } from "./text-features";

export interface LabelledText {
  text: string;
  label: string;
}

export interface SoftmaxClassifier {
  labels: string[];
  vocabulary: Map<string, number>;
  /** weights[feature * labels.length + label] */
  weights: Float64Array;
  bias: Float64Array;
}

const EPOCHS = 30;
const LEARNING_RATE = 1;
const L2 = 1e-4;

export function trainSoftmax(examples: readonly LabelledText[], seed = 19): SoftmaxClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const vocabulary = new Map<string, number>();
  const encoded = examples.map(({ text, label }) => {
    const features = featuresOf(text);
    const ids = new Int32Array(features.size);
    const values = new Float64Array(features.size);
    let i = 0;
    for (const [feature, value] of features) {
      if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
      ids[i] = vocabulary.get(feature)!;
      values[i++] = value;
    }
    return { ids, values, label: labelIndex.get(label)! };
  });
  const classes = labels.length;
  const model: SoftmaxClassifier = { labels, vocabulary, weights: new Float64Array(vocabulary.size * classes), bias: new Float64Array(classes) };
  const order = encoded.map((_, i) => i);
  const random = mulberry32(seed);
  const probabilities = new Float64Array(classes);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffle(order, random);
    const rate = LEARNING_RATE / (1 + epoch / 4);
    for (const index of order) {
      const { ids, values, label } = encoded[index];
      scoreInto(model, ids, values, probabilities);
      for (let c = 0; c < classes; c++) {
        const gradient = probabilities[c] - (c === label ? 1 : 0);
        model.bias[c] -= rate * gradient;
        for (let k = 0; k < ids.length; k++) {
          const at = ids[k] * classes + c;
          model.weights[at] -= rate * (gradient * values[k] + L2 * model.weights[at]);
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
  const probabilities = new Float64Array(model.labels.length);
  scoreInto(model, ids, values, probabilities);
  return probabilities;
}

function scoreInto(model: SoftmaxClassifier, ids: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array) {
  const classes = model.labels.length;
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    let z = model.bias[c];
    for (let k = 0; k < ids.length; k++) z += model.weights[ids[k] * classes + c] * values[k];
    out[c] = z;
    if (z > max) max = z;
  }
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
