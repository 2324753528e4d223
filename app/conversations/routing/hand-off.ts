// Texts automation must not answer: a shopper asking for a person, a complaint an FAQ cannot
// settle (damaged, wrong, missing, charged twice), or a shopper who is upset however they put
// it. Anger is read from the words and from how they are written: capitals, "!!!", angry emoji.
// English, Spanish and French, as shoppers text them (no accents, no apostrophes).
import { handOff, type Answer, type HandoffReason } from "./answer";

const PERSON_PHRASES = [
  /\b(human|agent|representative|rep|operator|manager|supervisor)\b|(?<!\bin )\b(a |real |actual |live )?person\b/,
  /\b(talk|speak|chat)\s+(to|with)\b/,
  /\bcall me\b|\bphone call\b|\bgive me a call\b/,
  /\b(are|r) (you|u) (a )?(bot|robot|real)\b/,
  /\b(hablar|habla) con\b|\buna persona\b|\b(un )?(agente|humano|representante|encargado)\b|\bllamame\b/,
  /\bparler (a|avec)\b|\bquelqu ?un\b|\b(un )?(humain|conseiller|conseillere|responsable)\b|\bappelez moi\b/,
];

const COMPLAINT_PHRASES = [
  /\b(damaged|broken|broke|defective|faulty|torn|ripped|stained|ruined|cracked|leaking)\b/,
  /\bnot what i ordered\b|\bsent me the wrong\b|\b(got|received|sent me|came with|came in)\b[^.!?]{0,30}\binstead of\b/,
  /\bordered (a |an |the )?(\w+ ){0,2}(but |and )?(got|received)\b/,
  /\b(missing|stolen)\b|\b(package|parcel|order|box) (is |was |got |has been )?lost\b|\bnever (came|arrived|showed)\b|\bnever (got|received) (it|them|my (order|package|parcel|stuff|items?)|the (order|package|parcel|items?)|anything)\b|\b(didnt|did not|havent|have not) (get|receive|got) (it|my|the|anything)\b/,
  /\b(charged|billed) (me )?(twice|double|two times)\b|\bdouble charged\b|\bovercharged\b|\bunauthori[sz]ed\b|\bchargeback\b|\bdispute\b/,
  /\b(fraud|scam|scammed|lawyer|attorney|bbb|report you|sue)\b/,
  /\b(roto|rota|danado|danada|equivocad[oa]|nunca (llego|recibi)|no (me )?(llego|ha llegado)|estafa|cobr\w+ dos veces|no es lo que (pedi|ordene)|me (llego|mandaron|enviaron) otr[oa])\b/,
  /\b(casse|cassee|abime|abimee|endommage|jamais (recu|arrive)|pas (recu|arrive)|arnaque|debite deux fois|mauvaise? (taille|couleur|article|produit)|pas (le bon|la bonne) (article|taille|couleur|produit))\b/,
];

const ANGRY_WORDS = new Set(
  `angry furious pissed mad livid outraged disgusted disgusting ridiculous unacceptable pathetic terrible horrible awful worst
   useless incompetent joke shameful disgrace hate sucks wtf wth fuck fucking fucked shit shitty crap crappy bullshit damn hell
   idiots idiot stupid liars lying ripoff rude
   enojado enojada furioso furiosa harto harta vergüenza verguenza pesimo pesima horrible inaceptable mierda estafadores
   furieux furieuse enerve enervee inadmissible honteux honte nul nulle merde inacceptable lamentable`.split(/\s+/),
);

const ANGRY_PHRASES = [
  /\b(still|yet) (havent|have not|hasnt|has not|not|no)\b/,
  /\b(been|keep) waiting\b|\bwaiting (for|since) (weeks|days|ever|a month)\b/,
  /\b(no one|nobody|noone) (answers|replies|responds|has (answered|replied|responded)|gets back)\b/,
  /\b(\d+(st|nd|rd|th)|third|fourth|fifth) time\b|\bhow many times\b|\bfed up\b|\bsick of\b|\bnever (again|order|buying|shop)\b/,
  /\b(cancel|delete) (my )?account\b|\bmoney back now\b/,
];

// Capitals that are not shouting: sizes, countries, "OK".
const ABBREVIATIONS = /^\W*(OK|US|USA|UK|CA|EU|XS|XL|XXL|ID|PM|AM|FAQ)\W*$/;

const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F92C}\u{1F4A2}\u{1F44E}\u{1F624}\u{1F595}]/u;

/** Lower case without accents or apostrophes, one space between words. */
export function plainText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim();
}

// The store sent the wrong thing (a complaint), unless the shopper says they chose it (a change).
const WRONG_THING = /\b(wrong|incorrect) (item|size|color|colour|order|product|one|thing)\b/;
const OWN_MISTAKE = /\b(i|we|accidentally|oops)\b[^.!?]{0,20}\b(ordered|picked|chose|bought|selected|put) (in )?(the |a )?(wrong|incorrect)\b|^(ordered|picked|chose|bought) the wrong\b|\b(my fault|my bad|my mistake)\b/;

/** Why this text needs a person before anything else is tried, or null. */
export function handOffReasonOf(text: string): HandoffReason | null {
  const plain = plainText(text);
  if (isAngry(text, plain)) return "angry";
  if (COMPLAINT_PHRASES.some((pattern) => pattern.test(plain))) return "complaint";
  if (WRONG_THING.test(plain) && !OWN_MISTAKE.test(plain)) return "complaint";
  if (PERSON_PHRASES.some((pattern) => pattern.test(plain))) return "asked_for_person";
  return null;
}

export function handOffWhenAsked(text: string): Answer | null {
  const reason = handOffReasonOf(text);
  return reason ? handOff(reason) : null;
}

// An angry word, emoji or fed-up phrase; a whole text in capitals; or shouted words with "!!".
function isAngry(text: string, plain: string): boolean {
  if (plain.split(" ").some((word) => ANGRY_WORDS.has(word)) || ANGRY_EMOJI.test(text) || ANGRY_PHRASES.some((p) => p.test(plain))) return true;
  const letters = text.replace(/[^A-Za-z]/g, "");
  if (letters.length >= 12 && letters.replace(/[^A-Z]/g, "").length / letters.length > 0.7) return true;
  const shouted = text.split(/\s+/).filter((word) => /^[^a-z]*[A-Z]{2,}[^a-z]*$/.test(word) && !ABBREVIATIONS.test(word)).length;
  return shouted >= 2 && /!{2,}|[!?]{3,}/.test(text);
}
