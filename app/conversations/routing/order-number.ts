// Order numbers in what shoppers text: "where is #1043", "status of order 1043", "order 1043?",
// and, after automation asked for one, a reply that is just the number ("1043", "its #1043").
// English, Spanish and French, as shoppers text them (read through plainText: no accents).
import { plainText } from "./hand-off";

const DIGITS = "(\\d{3,9})";
// "#1043", "order 1043", "order no. 1043", "pedido 1043", "commande n° 1043"
const ORDER_REFERENCE = new RegExp(
  `(?:#\\s*|\\b(?:order|orden|pedido|commande)\\s*(?:(?:number|num|no|nr|numero|n)\\s*)?#?\\s*)${DIGITS}\\b`,
);

const STATUS_WORDS =
  /\b(where|wheres|status|track\w*|ship\w*|arriv\w*|deliver\w*|updates?|eta|when|donde|estado|llega\w*|rastre\w*|seguimiento|envi\w*|ou|suivi|statut|livr\w*|expedi\w*|recevoir)\b/;

// Asked about an order, but not where it is: for the FAQ or a person, not for its status.
const OTHER_REQUESTS =
  /\b(cancel\w*|change|changing|modify|edit|address|return\w*|refund\w*|exchange\w*|swap|add|remove|invoice|receipt|discount|code|coupon|cancelar|cambiar|direccion|devol\w*|reembols\w*|annuler|modifier|adresse|rembours\w*|echange\w*)\b/;

// What a shopper puts around a bare order number: "its 1043", "order #1043 thanks", "mi pedido es 1043".
const FILLER = new Set(
  `its it is my the order number no num nr here ok okay sure yes yeah thanks thank you thx ty please pls plz hi hello hey
   el mi es mio pedido numero orden gracias hola si
   c cest est ma mon la le commande merci bonjour oui voici #`.split(/\s+/),
);

/** The number of the order a text asks about ("1043"), or null when it asks no order's status. */
export function orderNumberAskedAbout(text: string): string | null {
  const plain = plainText(text);
  const number = plain.match(ORDER_REFERENCE)?.[1];
  if (!number || OTHER_REQUESTS.test(plain)) return null;
  return STATUS_WORDS.test(plain) || orderNumberGiven(text) ? number : null;
}

/** The order number a reply consists of ("1043", "#1043", "its 1043"), or null when it says anything else. */
export function orderNumberGiven(text: string): string | null {
  const rest = plainText(text)
    .split(" ")
    .filter((word) => word && !FILLER.has(word));
  const [only] = rest;
  return rest.length === 1 ? (only.match(new RegExp(`^#?${DIGITS}$`))?.[1] ?? null) : null;
}

/** How the shop names order 1043. */
export const orderNameOf = (number: string) => `#${number}`;
