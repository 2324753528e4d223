// Whether two texts ask about the same thing, judged by the words that carry a question's subject
// rather than its frame: "can i buy a gift card" and "do you sell gift cards" share "gift" and
// "card"; "do you sell hats" shares only "sell" with the latter. Used to take out of a shop's
// training the corpus's "none" texts that the shop's own entries now answer.
import { wordsOf } from "./text-features";

// The frame of a question in English, Spanish and French: who asks whom, how, and its small words.
const FRAME_WORDS = new Set(
  `a an and any are as at be can could do does for from get got have has how i if in is it its me my of on or our
  please pls so that the there this to u ur us was we what when where which who why will with would you your
  al como con cual cuando de del donde el en es esta este hay la las lo los me mi para por puedo puede que se su
  sus tienen tiene un una uno y yo
  au aux avec ce comment de des du est il je la le les ma mes mon ou pour puis quand que quel quelle qui sur un une
  vous votre vos y`.split(/\s+/),
);

// Two words are one when they begin alike: the model's word-initial character gram, which
// meets plurals and endings ("card", "cards").
const WORD_START = 4;

/** The subject words of a text, each as its beginning. */
export function subjectWordsOf(text: string): Set<string> {
  return new Set(
    wordsOf(text)
      .filter((word) => /\p{L}/u.test(word) && word.length > 2 && !FRAME_WORDS.has(word))
      .map((word) => word.slice(0, WORD_START)),
  );
}

/**
 * How many of an example's subject words a text asks about, or 0 when it does not ask about what
 * the example asks: that takes two of them, or the only one. Sharing a single word of several
 * ("sell") is sharing a frame, not a subject.
 */
export function subjectOverlap(text: string, example: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of subjectWordsOf(text)) if (example.has(word)) shared += 1;
  return example.size > 0 && shared >= Math.min(2, example.size) ? shared : 0;
}
