// The corpus split in two by a hash of each phrasing: about a quarter is the tune split the
// confidence is calibrated on, never trained on; the rest trains. A hash, not a shuffle, so
// adding a phrasing never moves another between the splits.
import { INTENT_CORPUS } from "./corpus";
import type { LabelledText } from "./softmax-classifier";

export type Split = "train" | "tune";

export function splitOf(text: string): Split {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) % 4 === 0 ? "tune" : "train";
}

export function corpusSplit(split: Split): LabelledText[] {
  return Object.entries(INTENT_CORPUS).flatMap(([label, texts]) => texts.filter((text) => splitOf(text) === split).map((text) => ({ text, label })));
}
