// Noisy copies of a phrasing, so the model meets in training the noise shoppers add without
// changing what they ask: a dropped, doubled or swapped letter, no capitals, no punctuation or
// apostrophes, a greeting or sign-off, an order number or an emoji. Chosen by a hash of the
// phrasing, so the same corpus always gives the same training set.

const OPENERS = ["hi", "hey", "hello", "hey there", "hi there", "hola", "bonjour", "quick question", "um", "so"];
const CLOSERS = ["thanks!", "thx", "pls", "please", "ty", "thank you", "gracias", "merci", "??", "asap", "🙏", "😊"];
const INSERTS = ["#1043", "order 2291", "#5520", "📦", "🙂", "🤔", "lol"];

type Noise = (text: string, pick: (n: number) => number) => string;

const NOISES: Noise[] = [
  (text, pick) => typo(text, pick),
  (text) => text.toLowerCase().replace(/[.,!?'’;:]/g, "").replace(/\s+/g, " ").trim(),
  (text, pick) => `${OPENERS[pick(OPENERS.length)]} ${text}`,
  (text, pick) => `${text} ${CLOSERS[pick(CLOSERS.length)]}`,
  (text, pick) => `${text} ${INSERTS[pick(INSERTS.length)]}`,
  (text, pick) => typo(`${OPENERS[pick(OPENERS.length)]} ${text.toLowerCase()}`, pick),
];

/** `count` noisy variants of the text, always the same ones for the same text. */
export function noisyVariants(text: string, count: number): string[] {
  const pick = picker(text);
  const variants: string[] = [];
  for (let i = 0; i < count; i++) variants.push(NOISES[pick(NOISES.length)](text, pick));
  return variants;
}

// One letter of a word of four letters or more dropped, doubled, or swapped with the next.
function typo(text: string, pick: (n: number) => number): string {
  const words = text.split(" ");
  const long = words.map((w, i) => (/^\p{L}{4,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (long.length === 0) return text;
  const at = long[pick(long.length)];
  const word = words[at];
  const i = 1 + pick(word.length - 2);
  const kind = pick(3);
  words[at] = kind === 0 ? word.slice(0, i) + word.slice(i + 1) : kind === 1 ? word.slice(0, i + 1) + word.slice(i) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return words.join(" ");
}

function picker(text: string) {
  let state = 2166136261;
  for (let i = 0; i < text.length; i++) state = Math.imul(state ^ text.charCodeAt(i), 16777619);
  return (n: number) => {
    state = Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5;
    state ^= state >>> 13;
    return ((state >>> 0) % 1_000_003) % n;
  };
}
