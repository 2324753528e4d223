// The shopper vocabulary the FAQ matcher folds together. Words a shopper uses for one idea
// become one term, so "parcel", "package" and "shipment" meet the FAQ's "package". Kept to
// store-support language in general, not to any one shop's entries.

/** Words that say nothing about what is asked. "where" stays: "where is my…" asks for an order's status. */
export const STOPWORDS = new Set(
  `a an the i im ive id me my mine myself you your yours u ur we our us it its this that these those there
   is are was were be been being am do does did doing to of for on in at by from with about as and or but so
   if then than just also really very please pls plz hi hey hello yo ok okay can could would will should
   shall may might must have has had get got gets getting any some all one thing things like want wanted
   need needed know let tell see he she they them their what which who whom how when why yes no yeah yep
   something anything everything take send yet still number question help info information wondering curious ask asking`.split(/\s+/),
);

/** What is being asked about rarely depends on which product: "return my jeans" is a returns question. */
export const PRODUCT_NOUNS = new Set(
  `item items product products clothes clothing shirt shirts tee top tops blouse sweater hoodie hoodies jacket coat
   jeans pants chinos trousers shorts skirt dress dresses shoes sneakers boots hat socks jewelry bag`.split(/\s+/),
);

/** A message with one of these goes to a person whatever it resembles: a problem or a request for a human. */
export const ESCALATION_TERMS = new Set(
  `human person someone somebody agent representative rep manager supervisor bot robot call phone speak talk
   never damaged damage broken broke defective torn ripped stained faulty wrong missing stolen lost
   charged overcharged declined twice double fraud ridiculous terrible unacceptable angry worst lawyer`.split(/\s+/),
);

const CONCEPTS: Record<string, string[]> = {
  ship: ["ship", "shipping", "shipped", "ships", "dispatch", "dispatched", "mail", "mailed", "sent"],
  deliver: ["deliver", "delivery", "delivered", "deliveries", "arrive", "arrival", "arrives", "arrived", "receive", "received"],
  track: ["track", "tracking", "trace", "tracker"],
  package: ["package", "parcel", "shipment", "stuff", "box"],
  order: ["order", "orders", "ordered", "purchase", "purchased"],
  status: ["status", "update", "updates", "check", "checking", "where", "wheres"],
  return: ["return", "returns", "returned", "returning", "back"],
  exchange: ["exchange", "exchanges", "swap", "switch", "replace", "replacement"],
  refund: ["refund", "refunds", "refunded", "money", "credit", "reimburse"],
  size: [
    "size", "sizes", "sizing", "sized", "fit", "fits", "fitting", "fitted", "oversized", "measurement", "measurements",
    "small", "medium", "large", "big", "tight", "loose", "narrow", "wide", "xs", "xl", "xxl", "petite",
  ],
  discount: ["discount", "discounts", "promo", "promotion", "coupon", "coupons", "deal", "deals", "sale", "sales", "offer", "offers", "off"],
  cost: ["cost", "costs", "price", "fee", "fees", "charge", "much", "expensive", "cheap", "minimum"],
  international: [
    "international", "internationally", "overseas", "abroad", "worldwide", "country", "countries", "outside",
    "canada", "canadian", "uk", "europe", "australia", "mexico", "vancouver", "toronto", "montreal",
  ],
  time: ["long", "fast", "quick", "quickly", "soon", "days", "day", "time", "till", "until", "weeks"],
  change: ["cancel", "cancellation", "change", "modify", "edit", "fix"],
  pay: ["pay", "payment", "payments", "paypal", "afterpay", "klarna", "installments", "venmo"],
  care: ["wash", "washing", "washed", "clean", "care", "dryer", "shrink", "iron"],
  material: ["material", "fabric", "made", "cotton", "polyester", "wool"],
  trouble: ["invalid", "fail", "fails", "failed", "working", "work", "works", "apply", "applied", "expired", "error", "combine", "combined"],
};

/** Word → the concept it stands for. */
export const SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries(CONCEPTS).flatMap(([concept, words]) => words.map((word) => [word, concept] as const)),
);
