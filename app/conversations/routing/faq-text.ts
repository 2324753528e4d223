// Shopper text → the terms the FAQ matcher compares: lower case without accents or
// apostrophes, function words dropped, each word folded to its concept or a light stem.
import { ESCALATION_TERMS, PRODUCT_NOUNS, STOPWORDS, SYNONYMS } from "./faq-vocabulary";

export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Plural and tense endings off, so "jackets" and "jacket", "combined" and "combine" meet. */
export function stem(word: string): string {
  if (word.length <= 4 || /^\d+$/.test(word)) return word;
  let base = word;
  if (word.endsWith("ies")) base = `${word.slice(0, -3)}y`;
  else {
    const suffix = /(ss|x|z|ch|sh)es$/.test(word) ? "es" : ["ing", "ed", "s"].find((s) => word.endsWith(s) && !/(ss|us|is)$/.test(word));
    if (suffix && word.length - suffix.length >= 3) base = word.slice(0, -suffix.length);
  }
  if (base.length > 4 && base.endsWith("e")) base = base.slice(0, -1);
  // "shipped" → "shipp" → "ship"
  if (/([bdfglmnprt])\1$/.test(base)) base = base.slice(0, -1);
  return base;
}

export function termOf(word: string): string {
  return SYNONYMS.get(word) ?? SYNONYMS.get(stem(word)) ?? stem(word);
}

/** The distinct terms of a text, in order. */
export function terms(text: string): string[] {
  const found = words(text)
    .filter((word) => !isFiller(word) && !isFiller(stem(word)) && !/^\d+$/.test(word))
    .map(termOf);
  return [...new Set(found)];
}

const isFiller = (word: string) => STOPWORDS.has(word) || PRODUCT_NOUNS.has(word);

/** Whether the text asks for a person or reports a problem an FAQ answer cannot settle. */
export function asksForAPerson(text: string): boolean {
  return words(text).some((word) => ESCALATION_TERMS.has(word) || ESCALATION_TERMS.has(stem(word)));
}
