// Words shoppers use for one idea, across English, Spanish and French and their usual typos,
// folded into one concept feature beside the words themselves: the corpus has a few Spanish and
// French phrasings per intent, and a concept lets "reembolso" learn from every "refund".
// Each concept lists word beginnings (after accent folding), so endings and plurals meet.

const CONCEPTS: Record<string, string[]> = {
  order: ["order", "ordr", "pedido", "orden", "commande", "purchase", "compra"],
  package: ["package", "packge", "parcel", "paquete", "colis", "box", "shipment", "stuff", "📦"],
  track: ["track", "trackin", "seguimiento", "rastreo", "suivi", "suivre"],
  ship: ["ship", "shiping", "deliver", "delivery", "envi", "envio", "livr", "expedi", "mail", "🚚"],
  arrive: ["arriv", "llega", "recib", "recoi", "recev", "get here", "come"],
  time: ["long", "fast", "quick", "soon", "days", "dias", "jours", "week", "semana", "semaine", "tarda", "delai", "temps", "tiempo", "when", "cuando", "quand"],
  cost: ["cost", "price", "fee", "charge", "much", "cuanto", "cuesta", "cobr", "combien", "coute", "frais", "gratis", "gratuit", "free", "$"],
  abroad: ["international", "overseas", "abroad", "worldwide", "countr", "canad", "mexic", "europ", "france", "espana", "uk", "australia", "custom", "dutie", "🇨🇦", "🇬🇧"],
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

const ENTRIES = Object.entries(CONCEPTS).flatMap(([concept, starts]) => starts.map((start) => [start, concept] as const));

/** The concepts a text mentions, from its normalised words. */
export function conceptsOf(words: readonly string[]): string[] {
  const line = ` ${words.join(" ")}`;
  const found = new Set<string>();
  for (const [start, concept] of ENTRIES) {
    // Short beginnings ("ty", "hi", "off") must be whole words; longer ones may start a word.
    const pattern = start.length <= 3 ? ` ${start} ` : ` ${start}`;
    if (`${line} `.includes(pattern)) found.add(concept);
  }
  return [...found];
}
