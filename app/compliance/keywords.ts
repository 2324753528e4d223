// What a shopper's text asks for, before anything else reads it: an opt-out, an opt-back-in,
// HELP, or a keyword opt-in. Pure, so the inbound webhook can act on the answer in the same
// transaction that stores the message.
//
// Two layers:
// 1. CTIA keywords (CTIA Messaging Principles; 47 CFR § 64.1200(a)(10) names stop, quit, end,
//    revoke, opt out, cancel, unsubscribe), each also with ALL as STOPALL has it ("cancel all"),
//    and ARRET / AIDE, the French ones Canadian carriers require, and Spanish AYUDA: the whole
//    message, any case or accent, with surrounding spaces and punctuation ignored, so " Stop. ",
//    "opt-out" and "Arrêt" count.
// 2. Free-text opt-outs: the FCC's 2024 revocation order (in force April 2025) requires
//    honouring any wording a reasonable person would read as "stop texting me", misspellings
//    and other languages included ("no más"). We err towards honouring: a wrong opt-out costs
//    the shopper a START, a missed one is a TCPA violation per text. But "stop" and "cancel"
//    are everyday shopping words, so a sentence opts out only when it is about the texts.
//
// Decision — CANCEL: alone it is a CTIA keyword and opts out. In a sentence it is nearly always
// about an order ("my order hasn't shipped, can you cancel it?"), so a sentence opts out only
// when it names the texts ("cancel these texts"). "Cancel my subscription" is left to a person:
// at a subscription-box shop it means the box, and after an opt-out we could not even reply.
// END is treated the same way ("when does the sale end?"). Either way the text reaches the inbox.

export type InboundIntent = "opt_out" | "opt_in" | "help" | "keyword_opt_in";

export interface InboundClassification {
  intent: InboundIntent | null;
  /** The keyword matched, upper case ("STOP", "OPT OUT", or the shop's own keyword). */
  keyword?: string;
  /** True when an opt-out was read from wording other than a CTIA keyword alone. */
  freeText?: boolean;
}

export interface ClassifyOptions {
  /** The shop's opt-in keywords (Shop.optInKeywords split on commas); JOIN always counts. */
  optInKeywords: readonly string[];
  /** Whether the phone is opted out now: YES means "opt me back in" only then. */
  optedOut: boolean;
}

// Keys are the words run together, so "STOP ALL", "stop-all" and "STOPALL" meet at "stopall";
// ALL widens each word the way STOPALL widens STOP ("cancel all", "quit-all").
const OPT_OUT: Record<string, string> = Object.fromEntries(
  Object.entries({
    stop: "STOP", unsubscribe: "UNSUBSCRIBE", cancel: "CANCEL", end: "END", quit: "QUIT", revoke: "REVOKE",
    optout: "OPT OUT", arret: "ARRET",
  }).flatMap(([key, name]) => [[key, name], [`${key}all`, `${name} ALL`]]),
);
const OPT_IN: Record<string, string> = { start: "START", unstop: "UNSTOP" };
const HELP: Record<string, string> = { help: "HELP", info: "INFO", aide: "AIDE", ayuda: "AYUDA" };

const set = (words: string) => new Set(words.split(" "));
// Words that do not change what a keyword means: "stop please", "HELP!! thanks", "arrêt svp".
const FILLERS = set("please pls plz plse now thanks thank you thx ty already asap just ok okay right seriously immediately again k svp merci");
// A sentence made only of these (and fillers) is an opt-out: "Who is this? Stop", "Para.",
// "I said stop", "quit all". Common misspellings, French and Spanish included; END and CANCEL
// are not (see above).
const STOP_SENTENCE = new Set(
  "stop unsubscribe unsub quit revoke optout stpo sotp stopp sstop arret arrete arretez alto parar para detener basta baja nomas cancelar"
    .split(" ")
    .flatMap((word) => [word, `${word}all`]),
);
const POLITE = set("can could would will u ya i said told to just");
const TEXT_NOUNS = set("texts text txts txt messages message msgs msg sms smss notifications alerts promos promotions offers ads marketing spam reminders updates mensajes textos");
const CONTACTING = set("texting txting messaging msging contacting spamming bothering harassing pestering calling emailing");
const CONTACT_VERBS = set("text txt message msg contact sms spam bother call email harass");
const FILLER_OBJECTS = set("the these those this that your ur all any more of such so many me us my them em");
const JUNK = set("stuff crap junk garbage things anything shit");
const NEGATIONS = set("dont didnt doesnt never not");
const DESIRES = set("want wanna wish need like");
const PERSONAL = set("number phone cell info information contact data details");
const REVOKES = set("revoke revoking withdraw withdrawing rescind rescinding");
const CONSENTS = set("consent permission authorization");

export function classifyInboundText(text: string, options: ClassifyOptions): InboundClassification {
  const tokens = wordsOf(text);
  if (tokens.length === 0) return /^\s*(\u{1F6D1}\s*)+$/u.test(text) ? { intent: "opt_out", freeText: true } : { intent: null };
  const core = essence(tokens);
  const key = core.join("");

  // Opt-out first: a shop cannot make STOP an opt-in keyword.
  if (OPT_OUT[key]) return { intent: "opt_out", keyword: OPT_OUT[key], ...(exactKey(text) !== key && { freeText: true }) };
  if (core.length > 1 && core.every((word) => OPT_OUT[word])) return { intent: "opt_out", freeText: true };
  if (OPT_IN[key]) return { intent: "opt_in", keyword: OPT_IN[key] };
  if (key === "yes" && options.optedOut) return { intent: "opt_in", keyword: "YES" };
  if (HELP[key]) return { intent: "help", keyword: HELP[key] };
  const shopKeyword = key === "join" ? "JOIN" : options.optInKeywords.find((k) => key && wordsOf(k).join("") === key);
  if (shopKeyword) return { intent: "keyword_opt_in", keyword: shopKeyword.trim().toUpperCase() };

  if (sentencesOf(text).some(isStopSentence) || asksToStopTexts(tokens)) return { intent: "opt_out", freeText: true };
  return { intent: null };
}

/**
 * The text's words: compatibility forms folded (full-width "ＳＴＯＰ"), accents dropped
 * ("no más" → "no mas"), lower case, apostrophes removed ("don't" → "dont"), and every other
 * character that is not a letter or digit a word break.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sentencesOf(text: string): string[][] {
  return text.split(/[.,!?;:\n\r]+/).map(wordsOf).filter((words) => words.length > 0);
}

// Fillers dropped, and "stop it" read as "stop" ("cancel it" is about an order, so only STOP).
function essence(words: string[]): string[] {
  const core = words.filter((word) => !FILLERS.has(word));
  return core.length === 2 && core[0] === "stop" && core[1] === "it" ? ["stop"] : core;
}

// The message as a carrier would see a keyword: case and surrounding punctuation aside, with
// the one space or hyphen a two-word keyword may carry.
function exactKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "")
    .replace(/^(\p{L}+)[\s_-]+(\p{L}+)$/u, "$1$2");
}

function isStopSentence(words: string[]): boolean {
  const core = essence(words.filter((word) => !POLITE.has(word)));
  return core.length > 0 && (STOP_SENTENCE.has(core.join("")) || core.every((word) => STOP_SENTENCE.has(word)));
}

const isUnsubscribeWord = (word: string) => word.startsWith("unsub") || word.startsWith("unsus");

// Free-text rules, each anchored on wording about the texts themselves.
function asksToStopTexts(t: string[]): boolean {
  const joined = ` ${t.join(" ")} `;
  if (/ (leave me alone|lose my number|wrong number|cease and desist|do not call|dnc list) /.test(joined)) return true;
  return t.some((word, i) => {
    const next = t[i + 1];
    // "please stop texting me", "quit messaging", "stop contacting me"
    if ((word === "stop" || word === "quit" || word === "cease") && CONTACTING.has(next)) return true;
    // "stop the texts", "cancel these texts", "pause all messages"
    if (["stop", "quit", "cease", "cancel", "end", "pause"].includes(word) && TEXT_NOUNS.has(skipObjects(t, i + 1).word ?? "")) return true;
    // "stop sending me messages" — but not "stop sending the package to my old address"
    if ((word === "stop" || word === "quit" || word === "cease") && next === "sending" && sendsTexts(t, i + 2)) return true;
    // "unsubscribe me", "how do I opt out", "opt me out", "I revoke my consent" — unless denied
    // ("I never unsubscribed")
    const optsOut = isUnsubscribeWord(word) || (word.startsWith("opt") && (next === "out" || (next === "me" && t[i + 2] === "out")));
    if (optsOut || (REVOKES.has(word) && CONSENTS.has(skipObjects(t, i + 1).word ?? ""))) return !t.slice(Math.max(0, i - 3), i).some((w) => NEGATIONS.has(w));
    // "remove me from this list", "delete my number", "take me off your list"
    if (["remove", "delete", "erase"].includes(word) && (next === "me" || (next === "my" && PERSONAL.has(t[i + 2])))) return true;
    if ((word === "take" || word === "drop") && (next === "me" || next === "my") && t.slice(i + 2, i + 5).some((w) => w === "off" || w === "out" || w === "from")) return true;
    // "no more texts", "no más mensajes"
    if (word === "no" && (next === "more" || next === "mas") && (TEXT_NOUNS.has(t[i + 2]) || CONTACTING.has(t[i + 2]))) return true;
    // "don't text me anymore", "do not contact", "I no longer want to receive messages"
    if (forbids(t, i)) return negatedContact(t, i + 1);
    return false;
  });
}

function skipObjects(t: string[], from: number): { word: string | undefined; at: number } {
  let at = from;
  while (at < t.length && FILLER_OBJECTS.has(t[at])) at++;
  return { word: t[at], at };
}

// After "send": nothing, or texts, or junk ("stop sending me this crap") — not a parcel.
function sendsTexts(t: string[], from: number): boolean {
  const { word, at } = skipObjects(t, from);
  return at >= t.length || TEXT_NOUNS.has(word!) || JUNK.has(word!) || FILLERS.has(word!);
}

// A negation that tells us what not to do ("don't", "do not", "never", "no longer") rather than
// reports what did not happen ("you didn't text me", "I'm not getting texts") or asks
// ("why don't you text me when it ships?").
function forbids(t: string[], i: number): boolean {
  const word = t[i];
  const imperative =
    word === "dont" || word === "never" || (word === "not" && ["do", "please", "pls"].includes(t[i - 1])) || (word === "no" && t[i + 1] === "longer");
  return imperative && !t.slice(Math.max(0, i - 3), i).some((w) => ["why", "can", "could", "would"].includes(w));
}

// What follows a negation: a contact verb aimed at the shopper, a send of texts, or wanting
// the texts ("I don't want these texts") — not merely the texts ("I'm not getting texts").
function negatedContact(t: string[], from: number): boolean {
  let wants = false;
  for (let i = from; i < Math.min(t.length, from + 5); i++) {
    const word = t[i];
    wants ||= DESIRES.has(word);
    if (wants && TEXT_NOUNS.has(word) && !CONTACT_VERBS.has(word)) return true;
    if (CONTACT_VERBS.has(word)) {
      const next = t[i + 1];
      return next === undefined || ["me", "us", "this", "my", "again", "anymore", "ever"].includes(next) || TEXT_NOUNS.has(next);
    }
    if (word === "send" || word === "sending") return sendsTexts(t, i + 1);
  }
  return false;
}

/** "Y" or "YES" alone, in any case, with punctuation and fillers ("Yes please!"): the answer a sign-up's "Reply Y" asks for. */
export function isYesReply(text: string): boolean {
  const key = essence(wordsOf(text)).join("");
  return key === "y" || key === "yes";
}
