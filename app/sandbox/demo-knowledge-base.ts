// The demo shop's FAQ and keywords: what a small apparel store would put in its knowledge base.
// The sandbox seeds them, and the FAQ evaluation (npm run eval:faq) measures the matcher on them.
export interface KnowledgeBaseEntry {
  topic: string;
  question: string;
  answer: string;
}

export const DEMO_FAQ: readonly KnowledgeBaseEntry[] = [
  {
    topic: "shipping_time",
    question: "How long does shipping take? When will my order arrive?",
    answer: "Orders ship within 1 business day. Standard delivery takes 3–5 business days in the US; express takes 1–2.",
  },
  {
    topic: "shipping_cost",
    question: "How much is shipping? Do you offer free shipping?",
    answer: "Shipping is free on US orders over $50. Below that, standard shipping is $5.95 and express is $14.95.",
  },
  {
    topic: "international_shipping",
    question: "Do you ship internationally, to Canada or outside the US?",
    answer: "We ship to Canada (5–10 business days, $12). We don't ship to other countries yet.",
  },
  {
    topic: "order_status",
    question: "Where is my order? How can I track my package?",
    answer: "Reply STATUS and we'll text you your latest order's status and tracking link.",
  },
  {
    topic: "returns",
    question: "What is your return policy? How do I return an item?",
    answer: "Unworn items with tags can be returned within 30 days. Start a return at textback-demo.example/returns and print the free label.",
  },
  {
    topic: "exchanges",
    question: "Can I exchange an item for a different size or color?",
    answer: "Yes: start an exchange at textback-demo.example/returns within 30 days. We ship the new size as soon as yours is scanned.",
  },
  {
    topic: "refunds",
    question: "When will I get my refund? How long do refunds take?",
    answer: "Refunds go back to your original payment method within 5 business days of your return reaching us.",
  },
  {
    topic: "sizing",
    question: "How does the sizing run? Is it true to size? Which size should I order?",
    answer: "Our clothes run true to size. If you're between sizes, size up for a relaxed fit. Measurements are on each product page under Size chart.",
  },
  {
    topic: "discounts",
    question: "Do you have a discount or promo code? Any sales coming up?",
    answer: "Join our texts (reply JOIN) for 10% off your first order and early access to sales.",
  },
  {
    topic: "discount_not_working",
    question: "My discount code isn't working at checkout",
    answer: "Codes work once per customer and can't be combined with sale items. Check the expiry date, and reply here with the code if it still fails.",
  },
  {
    topic: "change_order",
    question: "Can I cancel or change my order or shipping address?",
    answer: "We can change or cancel an order within 1 hour of purchase. Reply with your order number and what to change and a person will help.",
  },
  {
    topic: "payment",
    question: "Which payment methods do you accept? Can I pay with PayPal, Apple Pay or Afterpay?",
    answer: "We accept all major cards, PayPal, Apple Pay, Google Pay and Shop Pay (pay in 4 installments).",
  },
  {
    topic: "care",
    question: "How do I wash and care for the clothes? What material is it made of?",
    answer: "Machine wash cold, hang to dry. Fabrics and care instructions are listed on each product page.",
  },
];

/** Answers to the demo shop's own keywords, beyond the built-in STATUS and RETURN. */
export const DEMO_KEYWORDS = [
  { keyword: "HOURS", answer: "We answer texts Monday to Friday, 9am–5pm Central." },
  { keyword: "SIZE", answer: "Our clothes run true to size. Size up if you're between sizes." },
] as const;
