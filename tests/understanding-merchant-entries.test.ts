// A merchant's own entry (no intent, learnt from its question) answers close paraphrases of it,
// even where the corpus files them under "none" because the demo shop cannot answer them; and it
// answers nothing else. The shop is the demo's knowledge base plus that one entry.
import { describe, expect, it } from "vitest";
import { decideFaqAnswer } from "~/conversations/understanding/faq-understanding";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";

const TARGET = 0.95;
const demoEntries = DEMO_FAQ.map((entry, i) => ({ ...entry, id: `demo-${i}`, phrasings: "[]" }));
const giftCards = { id: "gift-cards", question: "Do you sell gift cards?", answer: "Yes, from $25 at checkout.", topic: null, phrasings: "[]" };
const shop = [...demoEntries, giftCards];

const answeredEntry = (entries: typeof shop, text: string) => {
  const decision = decideFaqAnswer(entries, text, TARGET);
  return decision?.kind === "answer" ? decision.entry.id : null;
};

describe("a merchant's own entry", () => {
  it.each(["can I buy a gift card?", "do you have gift cards", "gift card?", "any gift cards?"])("answers %j", (text) => {
    expect(answeredEntry(shop, text)).toBe(giftCards.id);
  });

  it.each(["do you sell shoes", "what are your hours", "my card got declined", "can i pay with a gift card", "do you sell hats"])(
    "does not answer %j",
    (text) => {
      expect(answeredEntry(shop, text)).not.toBe(giftCards.id);
    },
  );

  it("is what makes gift cards answerable: without it the shop answers none of them", () => {
    expect(["can I buy a gift card?", "do you have gift cards", "gift card?"].map((text) => answeredEntry(demoEntries, text))).toEqual([null, null, null]);
  });
});

describe("a refund asked about through the return", () => {
  const refunds = demoEntries.find((entry) => entry.topic === "refunds")!.id;
  const returns = demoEntries.find((entry) => entry.topic === "returns")!.id;

  it.each(["returned it yesterday, when's the refund", "devolví la blusa, cuándo me devuelven mi dinero", "j'ai renvoyé la robe, quand est-ce que je suis remboursé"])(
    "%j is answered with the refunds entry",
    (text) => {
      expect(answeredEntry(demoEntries, text)).toBe(refunds);
    },
  );

  it("how to return is still the returns entry's", () => {
    expect(answeredEntry(demoEntries, "how do i return these jeans")).toBe(returns);
  });

  it.each(["can you match walmart's price", "can you price match this dress"])("%j is not answered with the discounts entry", (text) => {
    expect(answeredEntry(demoEntries, text)).toBeNull();
  });
});
