// How many SMS segments a text takes and what it costs, before anything is sent. Pure and
// browser-safe: the admin composer shows the same numbers the server stores.
//
// Counting is sms-segments-calculator's (Twilio's segment calculator): GSM-7 carries 160
// septets in one segment and 153 per segment once split (the rest is the concatenation
// header); the GSM extension characters € [ ] { } ^ ~ | \ and form feed take two septets (an
// escape and the character) and are never split across segments. Any character outside GSM-7
// (an emoji, a curly quote) makes the whole text UCS-2: 70 UTF-16 code units, 67 per segment.
import { SegmentedMessage } from "sms-segments-calculator";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface TextMeasure {
  encoding: SmsEncoding;
  segments: number;
  /**
   * Length in the encoding's units, the figure to compare with `perSegment`: septets for
   * GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2 (most emoji count 2).
   */
  characters: number;
  /** Units per segment at this length: 160 / 70 for one segment, 153 / 67 once split. */
  perSegment: number;
  /** The characters that forced UCS-2, each once, in order of appearance. */
  nonGsmCharacters: string[];
}

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

// Measuring walks the text grapheme by grapheme, a millisecond or more for a long one; a burst
// of texts mostly repeats a few bodies (opt-in confirmations, a campaign's variants).
const measured = new Map<string, TextMeasure>();
const MEASURES_KEPT = 1_000;

export function measureText(body: string): TextMeasure {
  let measure = measured.get(body);
  if (!measure) {
    if (measured.size >= MEASURES_KEPT) measured.clear();
    measure = measureOnce(body);
    measured.set(body, measure);
  }
  return { ...measure, nonGsmCharacters: [...measure.nonGsmCharacters] };
}

function measureOnce(body: string): TextMeasure {
  const message = new SegmentedMessage(body);
  const encoding = message.encodingName;
  const characters = message.encodedChars.reduce((sum, char) => sum + char.codeUnits.length, 0);
  // An empty text still goes out as one (empty) segment.
  const segments = Math.max(1, message.segmentsCount);
  const limits = LIMITS[encoding];
  return {
    encoding,
    segments,
    characters,
    perSegment: segments > 1 ? limits.multi : limits.single,
    nonGsmCharacters: [...new Set(message.getNonGsmCharacters())],
  };
}

/**
 * The estimated price of a text: segments × the shop's per-segment price. Rounded to 6
 * decimal places so binary floating point (3 × 0.0051) never shows as 0.015299999….
 */
export function estimateCost(segments: number, costPerSegment: number | string): number {
  const price = Number(costPerSegment);
  if (!Number.isFinite(price) || price < 0) throw new RangeError(`Not a price per segment: ${costPerSegment}`);
  return Math.round(segments * price * 1e6) / 1e6;
}

// Characters that slip into texts from word processors and phones and silently switch a text
// to UCS-2 (less than half the room per segment), with the GSM-7 text that reads the same.
const GSM_SUBSTITUTES: Record<string, string> = {
  "\u2018": "'", // ‘ left single quote
  "\u2019": "'", // ’ right single quote / apostrophe
  "\u201A": "'", // ‚ low single quote
  "\u201B": "'", // ‛
  "\u2032": "'", // ′ prime
  "\u00B4": "'", // ´ acute accent
  "`": "'", // ` grave accent (not in GSM-7)
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u201E": '"', // „
  "\u2033": '"', // ″ double prime
  "\u00AB": '"', // «
  "\u00BB": '"', // »
  "\u2010": "-", // ‐ hyphen
  "\u2011": "-", // ‑ non-breaking hyphen
  "\u2012": "-", // ‒ figure dash
  "\u2013": "-", // – en dash
  "\u2014": "-", // — em dash
  "\u2015": "-", // ― horizontal bar
  "\u2212": "-", // − minus sign
  "\u2026": "...", // … ellipsis
  "\u00A0": " ", // non-breaking space
  "\u2002": " ", // en space
  "\u2003": " ", // em space
  "\u2009": " ", // thin space
  "\u202F": " ", // narrow non-breaking space
  "\u200B": "", // zero-width space
  "\u2022": "-", // • bullet
  "\u00B7": "-", // · middle dot
  "\u2122": "TM", // ™
  "\u00AE": "(R)", // ®
  "\u00A9": "(C)", // ©
};

export interface GsmReplacement {
  /** The offending character. */
  from: string;
  /** What reads the same in GSM-7 ("" = drop it). */
  to: string;
  count: number;
}

export interface GsmSuggestion {
  /** The body with every suggested substitute applied. */
  text: string;
  replacements: GsmReplacement[];
}

/**
 * Suggests GSM-7 substitutes for the usual offenders (curly quotes, dashes, ellipsis, odd
 * spaces …). Characters with no plain equivalent (emoji, other scripts) are left alone:
 * `measureText(suggestion.text).nonGsmCharacters` lists what still forces UCS-2.
 */
export function gsmReplacements(body: string): GsmSuggestion {
  const counts = new Map<string, number>();
  let text = "";
  for (const char of body) {
    const substitute = GSM_SUBSTITUTES[char];
    if (substitute === undefined) {
      text += char;
      continue;
    }
    text += substitute;
    counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  const replacements = [...counts].map(([from, count]) => ({ from, to: GSM_SUBSTITUTES[from], count }));
  return { text, replacements };
}
