// Shopper text → the features the classifier weighs: words, word pairs, concepts (concepts.ts)
// and character n-grams (3–5, inside each word with its boundaries marked), after folding what shoppers vary without
// meaning to: case, accents, apostrophes, and which digits (an order number is "a number").
// Character n-grams carry typos and endings ("shiping", "retrun", "livraison"); emoji are words.

import { conceptsOf } from "./concepts";

const EMOJI = /\p{Extended_Pictographic}/u;

export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/\d+/g, "0");
}

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of normalise(text).match(/[\p{L}\p{N}#%$?]+|\p{Extended_Pictographic}/gu) ?? []) {
    // "?" alone is a word (a bare "?" or "status?" asks something); stuck to letters it is split off.
    if (EMOJI.test(token) || token === "?") words.push(token);
    else words.push(...token.split("?").filter(Boolean), ...(token.includes("?") ? ["?"] : []));
  }
  return words;
}

// Words (with word pairs and concepts) and character n-grams are weighed as two halves of unit
// length each: otherwise a long text's many n-grams drown its few words. The weights were chosen
// by cross-validation on the corpus (eval/faq/cross-validate.ts).
const CHAR_GRAM_WEIGHT = 1;
const PAIR_WEIGHT = 1;
const CONCEPT_WEIGHT = 1;

/** The distinct features of a text, each with its weight. */
export function featuresOf(text: string): Map<string, number> {
  const words = wordsOf(text);
  const wordFeatures = new Map<string, number>();
  const charGrams = new Map<string, number>();
  const add = (features: Map<string, number>, feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  words.forEach((word, i) => {
    add(wordFeatures, `w ${word}`, 1);
    if (i > 0) add(wordFeatures, `b ${words[i - 1]} ${word}`, PAIR_WEIGHT);
    const marked = `<${word}>`;
    for (let n = 3; n <= 5; n++) for (let at = 0; at + n <= marked.length; at++) add(charGrams, `c ${marked.slice(at, at + n)}`, 1);
  });
  for (const concept of conceptsOf(words)) add(wordFeatures, `k ${concept}`, CONCEPT_WEIGHT);
  if (words.length === 0) add(wordFeatures, "empty", 1);
  const features = new Map<string, number>();
  for (const [group, weight] of [[wordFeatures, 1], [charGrams, CHAR_GRAM_WEIGHT]] as const) {
    const length = Math.sqrt([...group.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
    for (const [feature, value] of group) features.set(feature, (weight * value) / length);
  }
  return features;
}
