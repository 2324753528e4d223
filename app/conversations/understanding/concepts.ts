// Words shoppers use for one idea, across English, Spanish and French and their usual typos,
// folded into one concept feature beside the words themselves: the corpus has a few Spanish and
// French phrasings per intent, and a concept lets "reembolso" learn from every "refund".
// Each concept lists word beginnings (after accent folding), so endings and plurals meet.
// Places abroad (places-abroad.ts) are whole names instead: "india" must not find "indiana".
import { PLACES_ABROAD, US_PLACES_NAMED_FROM_ABROAD } from "./places-abroad";

const CONCEPTS: Record<string, string[]> = {
  order: ["order", "ordr", "pedido", "orden", "commande", "purchase", "compra"],
  package: ["package", "packge", "parcel", "paquete", "colis", "box", "shipment", "stuff", "📦"],
  track: ["track", "trackin", "seguimiento", "rastreo", "suivi", "suivre"],
  ship: ["ship", "shiping", "deliver", "delivery", "envi", "envio", "livr", "expedi", "mail", "🚚"],
  arrive: ["arriv", "llega", "recib", "recoi", "recev", "get here", "come"],
  time: ["long", "fast", "quick", "soon", "days", "dias", "jours", "week", "semana", "semaine", "tarda", "delai", "temps", "tiempo", "when", "cuando", "quand"],
  cost: ["cost", "price", "fee", "charge", "much", "cuanto", "cuesta", "cobr", "combien", "coute", "frais", "gratis", "gratuit", "free", "$"],
  abroad: ["international", "overseas", "abroad", "worldwide", "countr", "canad", "mexic", "europ", "france", "espana", "uk", "australia", "customs", "aduana", "douane", "dutie", "🇨🇦", "🇬🇧"],
  return: ["return", "retun", "retrun", "devol", "retour", "renvo", "send back", "send it back"],
  exchange: ["exchang", "exchage", "excahng", "exhang", "exchnag", "swap", "cambi", "echang", "trade"],
  refund: ["refund", "refnd", "refnud", "reembols", "rembours", "money back", "dinero", "argent"],
  size: ["size", "sizing", "sizng", "talla", "taille", "fit", "small", "medium", "large", "xl", "xs", "petite", "measure", "inseam", "chart", "guia", "guide"],
  discount: ["discount", "dicount", "discout", "disount", "promo", "coupon", "cupon", "code", "codigo", "sale", "deal", "offer", "oferta", "descuento", "reduc", "solde", "rebaja", "off"],
  failing: ["work", "wrk", "workin", "invalid", "valid", "expir", "apply", "applied", "accept", "error", "funciona", "sirve", "marche", "fonctionn", "broken"],
  cancel: ["cancel", "cancle", "annul", "change", "chnage", "modif", "edit", "address", "adress", "direccion", "adresse", "apt", "zip"],
  pay: ["pay", "paypal", "afterpay", "klarna", "card", "tarjeta", "carte", "apple pay", "venmo", "install", "cuota", "paiement", "pago", "pagar", "payer", "amex", "debit", "credit"],
  care: ["wash", "wahs", "lav", "dry", "secad", "seche", "iron", "shrink", "encog", "retreci", "care", "clean", "stain", "pill"],
  material: ["material", "matrial", "fabric", "cotton", "algodon", "coton", "polyester", "wool", "linen", "lino", "lin", "matiere", "made", "leather"],
  stock: ["stock", "stok", "restock", "sold out", "soldout", "agotad", "rupture", "disponib", "available", "existencia", "waitlist", "preorder", "back in", "reabastec", "left"],
  person: ["human", "humain", "humano", "person", "someone", "somebody", "sombody", "agent", "agente", "representative", "manager", "supervisor", "bot", "robot", "call", "llam", "appel", "quelqu", "alguien", "conseiller", "real"],
  problem: ["damag", "broke", "defect", "ripp", "torn", "hole", "stain", "wrong", "equivoc", "mauvais", "missing", "stolen", "lost", "never", "nunca", "jamais", "twice", "double", "dos veces", "deux fois", "disappoint", "decu", "unhappy", "frustrat", "terrible", "worst", "complain", "roto", "abime", "😡", "😞", "💔"],
  greet: ["hi", "hello", "hey", "hola", "bonjour", "salut", "buenos", "buenas", "morning", "👋", "yo"],
  thank: ["thank", "thx", "ty", "tysm", "thnx", "thnks", "thakn", "gracias", "merci", "appreciat", "cheers", "🙏"],
};

// Looked up by word rather than searched for in the text: training reads thousands of texts.
// A short beginning ("ty", "hi", "off") must be a whole word; a longer one may start a word; one
// of several words ("send back") is found in the text's words joined.
const WHOLE_WORDS = new Map<string, string[]>();
const WORD_STARTS = new Map<string, string[]>();
const PHRASES: [string, string][] = [];
for (const [concept, starts] of Object.entries(CONCEPTS)) {
  for (const start of starts) {
    if (start.includes(" ")) PHRASES.push([` ${start}`, concept]);
    else {
      const index = start.length <= 3 ? WHOLE_WORDS : WORD_STARTS;
      index.set(start, [...(index.get(start) ?? []), concept]);
    }
  }
}

const PLACE_NAMES = PLACES_ABROAD.map((place) => ` ${place} `);

/** The concepts a text mentions, from its normalised words. */
export function conceptsOf(normalisedWords: readonly string[]): string[] {
  const line = US_PLACES_NAMED_FROM_ABROAD.reduce((rest, place) => rest.replaceAll(` ${place} `, " "), ` ${normalisedWords.join(" ")} `);
  const words = line.split(" ").filter(Boolean);
  const found = new Set<string>();
  const addAll = (concepts: string[] | undefined) => concepts?.forEach((concept) => found.add(concept));
  for (const word of words) {
    addAll(WHOLE_WORDS.get(word));
    for (let length = 4; length <= word.length; length++) addAll(WORD_STARTS.get(word.slice(0, length)));
  }
  for (const [phrase, concept] of PHRASES) if (line.includes(phrase)) found.add(concept);
  if (PLACE_NAMES.some((place) => line.includes(place))) found.add("abroad");
  return [...found];
}
