// A shop's FAQ entries as classes of its classifier, and the decision automation takes on a
// shopper's text: answer with an entry, hand the text to a person, or leave it to what follows.
// An entry answers the intent its topic names; an entry whose topic is no intent answers a class
// of its own, learnt from its question and its phrasings. Phrasings of a mapped entry teach its
// intent more ways to be asked.
import type { HandoffReason, Understanding } from "../routing/answer";
import { corpusExamples, trainIntentClassifier, type IntentClassifier, type Reading } from "./intent-classifier";
import { isIntent, isPersonIntent, OWN_PHRASINGS, PERSON_INTENTS, type Intent } from "./intents";
import type { LabelledText } from "./softmax-classifier";
import { subjectOverlap, subjectWordsOf } from "./same-subject";
import { normalise } from "./text-features";

export interface FaqEntryForUnderstanding {
  id: string;
  question: string;
  answer: string;
  topic: string | null;
  phrasings: string;
}

export type FaqDecision<E> =
  | { kind: "answer"; entry: E; understanding: Understanding }
  | { kind: "hand off"; reason: HandoffReason; understanding: Understanding }
  | null;

// A text goes to a person when the model gives the person intents together at least this
// probability, whatever it reads first: a complaint told indirectly ("the shirt that came is not
// the one in the picture") is often read first as the question it resembles (exchanges) with
// complaint close behind. Chosen by cross-validation (eval/faq/cross-validate.ts, decision 023).
export const PERSON_READING_FLOOR = 0.1;
const CACHED_CLASSIFIERS = 20;
// The merchant's phrasings speak for their shop with more weight than one corpus phrasing:
// each counts as this many, so a phrasing added is learnt rather than outvoted. Twelve, not six:
// at six an entry's bare question did not claim its shortest paraphrase ("gift card?").
const MERCHANT_EXAMPLE_WEIGHT = 12;
const classifiers = new Map<string, IntentClassifier>();

export function phrasingsOf(entry: Pick<FaqEntryForUnderstanding, "phrasings">): string[] {
  try {
    const parsed: unknown = JSON.parse(entry.phrasings);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

export function classOf(entry: Pick<FaqEntryForUnderstanding, "id" | "topic">): string {
  return isIntent(entry.topic) ? entry.topic : `entry:${entry.id}`;
}

/** The classifier for these entries: the corpus's, or one retrained with their phrasings. */
export function classifierFor(entries: readonly FaqEntryForUnderstanding[]): IntentClassifier {
  const extra: LabelledText[] = entries.flatMap((entry) => {
    const label = classOf(entry);
    const own = isIntent(entry.topic) ? [] : [entry.question];
    return [...own, ...phrasingsOf(entry)].flatMap((text) => Array<LabelledText>(MERCHANT_EXAMPLE_WEIGHT).fill({ text, label }));
  });
  // What the model learns from is its key: a shop retrains only when its phrasings change, and
  // shops with none share the corpus's model.
  const key = JSON.stringify(extra);
  let classifier = classifiers.get(key);
  if (classifier) classifiers.delete(key);
  else classifier = trainIntentClassifier(extra, corpusFor(extra));
  classifiers.set(key, classifier);
  if (classifiers.size > CACHED_CLASSIFIERS) classifiers.delete(classifiers.keys().next().value!);
  return classifier;
}

// The corpus's "none" holds questions the demo shop cannot answer ("can i buy a gift card"). A shop
// whose entries answer one has made it answerable: each "none" text about what one of the shop's
// examples asks becomes an example of that example's class (the one sharing most subject words).
// Left as "none" it would outvote the entry; merely left out, the entry's one question is too
// little to claim the subject from the intents that mention it ("pay with a gift card").
function corpusFor(extra: readonly LabelledText[]): LabelledText[] {
  const corpus = corpusExamples();
  if (extra.length === 0) return corpus;
  const subjects = [...new Map(extra.map((e) => [e.text, { label: e.label, words: subjectWordsOf(e.text) }])).values()];
  return corpus.map((example) => {
    if (example.label !== "none") return example;
    let best = { label: example.label, overlap: 0 };
    for (const { label, words } of subjects) {
      const overlap = subjectOverlap(example.text, words);
      if (overlap > best.overlap) best = { label, overlap };
    }
    return { text: example.text, label: best.label };
  });
}

export function decideFaqAnswer<E extends FaqEntryForUnderstanding>(entries: readonly E[], text: string, precisionTarget: number): FaqDecision<E> {
  // A text the merchant wrote down as a phrasing of an entry is that entry's, whatever the model
  // has made of it: the merchant said so.
  const written = entries.find((e) => phrasingsOf(e).some((p) => normalise(p).trim() === normalise(text).trim()));
  if (written) return { kind: "answer", entry: written, understanding: understandingOf({ label: classOf(written), confidence: 1 }, written) };
  const reading = classifierFor(entries).read(text);
  const entry = entries.find((e) => classOf(e) === reading.label) ?? null;
  const understanding = understandingOf(reading, entry);
  if (reading.person.probability >= PERSON_READING_FLOOR) return { kind: "hand off", reason: PERSON_INTENTS[reading.person.intent], understanding };
  if (isPersonIntent(reading.label)) return null;
  if (!entry || reading.confidence < precisionTarget) return null;
  return { kind: "answer", entry, understanding };
}

/** The intent the entry's question reads as, for the merchant to confirm; null when unclear. */
export function suggestedIntent(question: string): { intent: Intent; confidence: number } | null {
  const reading = classifierFor([]).read(question);
  if (!isIntent(reading.label) || reading.label === "none" || isPersonIntent(reading.label)) return null;
  return { intent: reading.label, confidence: reading.confidence };
}

function understandingOf(reading: Pick<Reading, "label" | "confidence">, entry: FaqEntryForUnderstanding | null): Understanding {
  const intent = reading.label.startsWith("entry:") ? OWN_PHRASINGS : reading.label;
  return { intent, confidence: reading.confidence, entry: entry && { id: entry.id, question: entry.question } };
}
