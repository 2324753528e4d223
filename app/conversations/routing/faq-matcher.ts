// Free text → the merchant's FAQ entry that answers it, or nothing. Okapi BM25 ranks the
// entries (question weighted over answer); an answer is given only when the best entry covers
// most of what the message says (by IDF weight, so an unknown word counts fully against it) and
// clearly beats the runner-up. A wrong automatic answer costs more than a hand-off.
import { asksForAPerson, terms } from "./faq-text";

export interface FaqDocument {
  id: string;
  question: string;
  answer: string;
  topic?: string | null;
}

export interface FaqMatch<E extends FaqDocument> {
  entry: E;
  score: number;
  /** Share of the message's IDF weight the entry's question (fully) or answer (half) contains, 0–1. */
  coverage: number;
  /** Share of the entry's question (IDF-weighted) the message mentions, 0–1. */
  asked: number;
  /** Best score over the runner-up's; Infinity when nothing else matched. */
  margin: number;
}

export interface FaqThresholds {
  minCoverage: number;
  minMargin: number;
}

export const DEFAULT_THRESHOLDS: FaqThresholds = { minCoverage: 0.5, minMargin: 1.1 };

const K1 = 1.2;
const B = 0.75;
const QUESTION_WEIGHT = 3;
// A word only the answer shares is weaker evidence: answers carry incidental detail.
const ANSWER_ONLY_COVERAGE = 0.5;

interface IndexedEntry<E> {
  entry: E;
  questionTerms: Set<string>;
  termCounts: Map<string, number>;
  length: number;
}

export interface FaqIndex<E extends FaqDocument> {
  entries: IndexedEntry<E>[];
  documentFrequency: Map<string, number>;
  averageLength: number;
}

export function indexFaq<E extends FaqDocument>(entries: readonly E[]): FaqIndex<E> {
  const indexed = entries.map((entry) => {
    const questionTerms = terms(entry.question);
    const tokens = [...repeat(questionTerms, QUESTION_WEIGHT), ...terms(entry.answer)];
    const termCounts = new Map<string, number>();
    for (const token of tokens) termCounts.set(token, (termCounts.get(token) ?? 0) + 1);
    return { entry, questionTerms: new Set(questionTerms), termCounts, length: tokens.length };
  });
  const documentFrequency = new Map<string, number>();
  for (const { termCounts } of indexed) {
    for (const term of termCounts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const averageLength = indexed.reduce((sum, e) => sum + e.length, 0) / Math.max(indexed.length, 1);
  return { entries: indexed, documentFrequency, averageLength };
}

/** Every ranked candidate, best first, with its confidence figures (for the evaluation and tests). */
export function rankFaq<E extends FaqDocument>(index: FaqIndex<E>, text: string): FaqMatch<E>[] {
  const query = terms(text);
  if (query.length === 0 || index.entries.length === 0) return [];
  const weights = new Map(query.map((term) => [term, idf(index, term)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const scored = index.entries
    .map(({ entry, questionTerms, termCounts, length }) => {
      let score = 0;
      let covered = 0;
      for (const [term, weight] of weights) {
        const count = termCounts.get(term) ?? 0;
        if (count === 0) continue;
        covered += questionTerms.has(term) ? weight : weight * ANSWER_ONLY_COVERAGE;
        score += (weight * count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / index.averageLength));
      }
      const asked = questionShareAsked(index, questionTerms, weights);
      return { entry, score: score * (0.5 + 0.5 * asked), coverage: covered / totalWeight, asked };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.map((candidate, i) => ({
    ...candidate,
    margin: i === 0 && scored[1] ? candidate.score / scored[1].score : i === 0 ? Infinity : 0,
  }));
}

/** The entry to answer with, or null when the message should go to a person. */
export function matchFaq<E extends FaqDocument>(
  index: FaqIndex<E>,
  text: string,
  thresholds: FaqThresholds = DEFAULT_THRESHOLDS,
): FaqMatch<E> | null {
  if (asksForAPerson(text)) return null;
  const [best] = rankFaq(index, text);
  if (!best) return null;
  // An entry whose question shares nothing with the message matched on incidental answer words.
  if (best.asked === 0) return null;
  return best.coverage >= thresholds.minCoverage && best.margin >= thresholds.minMargin ? best : null;
}

// How much of what the entry's question is about the message also mentions (IDF-weighted): of
// two entries that both contain "discount code", the one that is not also about a failing code
// wins a plain "any promo code?".
function questionShareAsked(index: FaqIndex<FaqDocument>, questionTerms: Set<string>, asked: Map<string, number>) {
  let total = 0;
  let shared = 0;
  for (const term of questionTerms) {
    const weight = idf(index, term);
    total += weight;
    if (asked.has(term)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}

// Robertson–Spärck Jones IDF as BM25 uses it, kept positive; a word no entry has weighs most.
function idf(index: FaqIndex<FaqDocument>, term: string) {
  const n = index.entries.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}


function repeat<T>(items: T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}
