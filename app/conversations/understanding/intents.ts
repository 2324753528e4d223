// What a shopper's text can be about: the intents the project's corpus teaches the classifier.
// A merchant's FAQ entry answers one of them (its topic) or brings phrasings of its own.

export const INTENTS = {
  order_status: "Where is my order",
  shipping_time: "Shipping time",
  shipping_cost: "Shipping cost",
  international_shipping: "International shipping",
  returns: "Returns",
  exchanges: "Exchanges",
  refunds: "Refunds",
  sizing: "Sizing and fit",
  discounts: "Discounts and sales",
  discount_not_working: "A discount code that fails",
  change_order: "Cancel or change an order or address",
  payment: "Payment methods",
  care: "Care and materials",
  stock: "Stock and restocks",
  talk_to_person: "Asks for a person",
  complaint: "Complaint",
  greeting: "Greeting",
  thanks: "Thanks",
  none: "Something else",
} as const;
export type Intent = keyof typeof INTENTS;

/** Never answered automatically: a person takes these, whatever the confidence. */
export const PERSON_INTENTS = { talk_to_person: "asked_for_person", complaint: "complaint" } as const;
export type PersonIntent = keyof typeof PERSON_INTENTS;

export const isIntent = (topic: string | null | undefined): topic is Intent => !!topic && Object.hasOwn(INTENTS, topic);
export const isPersonIntent = (intent: string): intent is PersonIntent => Object.hasOwn(PERSON_INTENTS, intent);

/** The topic value of an entry that answers with its own phrasings rather than an intent. */
export const OWN_PHRASINGS = "own";

/** What an entry can answer, as the Automation page offers it. */
export const INTENT_CHOICES = [
  ...Object.entries(INTENTS).map(([value, label]) => ({ value, label })),
  { value: OWN_PHRASINGS, label: "Its own phrasings" },
];

/** The precision targets a merchant picks from. */
export const PRECISION_TARGETS = [0.9, 0.95, 0.98] as const;
