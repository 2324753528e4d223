// Whether a model's answer states only what the merchant's entry (or the shopper's own order)
// states. The model may reword, never add a fact, so every fact-like token in the answer must
// be found in the sources it was given:
//
// - a URL or an email address: the same one (URLs compared without scheme, "www.", case and a
//   trailing slash or full stop);
// - a price: the same amount in the same currency, however written: "$50", "$50.00", "50 dollars",
//   "USD 50" and "fifty dollars" are one price, "€50" is another;
// - a percentage: the same figure as a percentage ("10%", "10 percent", "diez por ciento");
// - a date: the same month and day ("March 5", "Mar 5th", "5 mars", "3/5", "2026-03-05"); a year is
//   checked as a number. Weekdays and "today", "tomorrow", "yesterday", "tonight" must be words of
//   the sources, since the model knows no calendar;
// - a code-like token (letters with digits, as "SAVE10" or a tracking number, or a word in capitals
//   such as "WELCOME"): the same token, ignoring case;
// - any other number (digits or words, "30", "thirty", "30th"): the same value anywhere in the
//   sources, a price's or a date's included.
//
// Numbers spelled in words are turned to digits first. The rule errs towards holding an answer
// back: a person then answers instead, which costs a little time, never a wrong promise.
import { digitsForNumberWords } from "./number-words";

export type FactKind = "url" | "email" | "date" | "day word" | "price" | "percentage" | "code" | "number";

export interface Fact {
  kind: FactKind;
  /** What the answer says, as written. */
  text: string;
  /** The comparable form. */
  value: string;
}

const MONTHS = [
  ["january", "jan", "enero", "janvier", "janv"],
  ["february", "feb", "febrero", "février", "fevrier", "févr"],
  ["march", "mar", "marzo", "mars"],
  ["april", "apr", "abril", "avril", "avr"],
  ["may", "mayo", "mai"],
  ["june", "jun", "junio", "juin"],
  ["july", "jul", "julio", "juillet", "juil"],
  ["august", "aug", "agosto", "août", "aout"],
  ["september", "sep", "sept", "septiembre", "septembre"],
  ["october", "oct", "octubre", "octobre"],
  ["november", "nov", "noviembre", "novembre"],
  ["december", "dec", "diciembre", "décembre", "decembre", "déc"],
];
const MONTH_NUMBER = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTH_NAME = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join("|");
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|º)?`;

const CURRENCIES: [RegExp, string][] = [
  [/^(us\$|\$|usd|dollars?|d[óo]lares|bucks)$/i, "USD"],
  [/^(ca\$|c\$|cad)$/i, "CAD"],
  [/^(€|eur|euros?)$/i, "EUR"],
  [/^(£|gbp|pounds?)$/i, "GBP"],
];
const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const SYMBOL = String.raw`(us\$|ca\$|c\$|\$|€|£|usd|cad|eur|gbp)`;
const WORD_CURRENCY = String.raw`(dollars?|d[óo]lares|bucks|euros?|pounds?|usd|cad|eur|gbp|€|£)`;

// Tried in this order; what one pattern takes is blanked so the next does not read it again.
const PATTERNS: { kind: FactKind; pattern: RegExp; value: (m: RegExpMatchArray) => string | null }[] = [
  { kind: "email", pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, value: (m) => m[0].toLowerCase() },
  {
    kind: "url",
    pattern: /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s]*)?/gi,
    value: (m) => normalizeUrl(m[0]),
  },
  { kind: "date", pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, value: (m) => monthDay(Number(m[2]), Number(m[3])) },
  { kind: "date", pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g, value: (m) => monthDay(Number(m[1]), Number(m[2])) },
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b(${MONTH_NAME})\.?\s+${DAY}\b`, "giu"),
    value: (m) => monthDay(MONTH_NUMBER.get(m[1].toLowerCase()), Number(m[2])),
  },
  {
    kind: "date",
    pattern: new RegExp(String.raw`\b${DAY}\s+(?:de\s+)?(${MONTH_NAME})\b`, "giu"),
    value: (m) => monthDay(MONTH_NUMBER.get(m[2].toLowerCase()), Number(m[1])),
  },
  {
    kind: "day word",
    pattern: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|lunes|martes|miércoles|jueves|viernes|sábado|domingo|hoy|mañana|ayer|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd'hui|demain|hier)\b/giu,
    value: (m) => m[0].toLowerCase(),
  },
  { kind: "price", pattern: new RegExp(String.raw`${SYMBOL}\s?${AMOUNT}`, "gi"), value: (m) => price(m[1], m[2]) },
  { kind: "price", pattern: new RegExp(String.raw`${AMOUNT}\s?${WORD_CURRENCY}(?![\p{L}])`, "giu"), value: (m) => price(m[2], m[1]) },
  {
    kind: "percentage",
    pattern: new RegExp(String.raw`${AMOUNT}\s?(?:%|percent\b|per cent\b|por ciento\b|pour ?cent\b)`, "gi"),
    value: (m) => canonicalNumber(m[1]),
  },
  {
    kind: "code",
    pattern: /\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])(?![0-9]+(?:st|nd|rd|th|am|pm|h|hrs?|d|k)\b)[A-Za-z0-9][A-Za-z0-9_-]{2,}\b|\b[A-Z]{3,}\b/g,
    value: (m) => m[0].toLowerCase(),
  },
  { kind: "number", pattern: /\d[\d,]*(?:\.\d+)?/g, value: (m) => canonicalNumber(m[0]) },
];

function normalizeUrl(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/[.,;:!?)]+$/, "").replace(/\/+$/, "");
}

function monthDay(month: number | undefined, day: number): string | null {
  if (!month || month > 12 || day < 1 || day > 31) return null;
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function price(currency: string, amount: string): string {
  const code = CURRENCIES.find(([pattern]) => pattern.test(currency))?.[1] ?? currency.toUpperCase();
  return `${code} ${canonicalNumber(amount)}`;
}

/** "1,000" → "1000", "50.00" → "50", "5.90" → "5.9". */
function canonicalNumber(text: string): string {
  const value = Number(text.replace(/,(?=\d{3}\b)/g, "").replace(/,/g, "."));
  return Number.isNaN(value) ? text : String(value);
}

/** Every fact-like token in a text, in the kinds above. */
export function factsIn(text: string): Fact[] {
  let rest = digitsForNumberWords(text);
  const facts: Fact[] = [];
  for (const { kind, pattern, value } of PATTERNS) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpMatchArray;
      const comparable = value(match);
      if (comparable === null) return match[0];
      facts.push({ kind, text: match[0], value: comparable });
      return " ".repeat(match[0].length);
    });
  }
  return facts;
}

/** What the sources state, by kind, and every number and word in them. */
function sourceIndex(sources: string[]) {
  const facts = sources.flatMap(factsIn);
  const byKind = (kind: FactKind) => new Set(facts.filter((f) => f.kind === kind).map((f) => f.value));
  const numbers = new Set(
    sources.flatMap((source) => [...digitsForNumberWords(source).matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => canonicalNumber(m[0]))),
  );
  const words = new Set(sources.flatMap((source) => source.toLowerCase().match(/[\p{L}\p{N}_'-]+/gu) ?? []));
  return { byKind, numbers, words };
}

/** The answer's facts that no source states: empty means the answer is traceable. */
export function untracedFacts(answer: string, sources: string[]): Fact[] {
  const index = sourceIndex(sources);
  const known: Record<FactKind, (fact: Fact) => boolean> = {
    url: (f) => index.byKind("url").has(f.value),
    email: (f) => index.byKind("email").has(f.value),
    date: (f) => index.byKind("date").has(f.value),
    price: (f) => index.byKind("price").has(f.value),
    percentage: (f) => index.byKind("percentage").has(f.value),
    "day word": (f) => index.words.has(f.value),
    code: (f) => index.words.has(f.value),
    number: (f) => index.numbers.has(f.value),
  };
  return factsIn(answer).filter((fact) => !known[fact.kind](fact));
}
