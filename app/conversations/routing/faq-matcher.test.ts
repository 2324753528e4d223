import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";
import { evaluateFaq } from "../../../eval/faq/faq-evaluation";
import { indexFaq, matchFaq, rankFaq } from "./faq-matcher";
import { terms } from "./faq-text";

const index = indexFaq(DEMO_FAQ.map((entry) => ({ ...entry, id: entry.topic })));
const topicFor = (text: string) => matchFaq(index, text)?.entry.topic ?? null;

describe("FAQ matcher", () => {
  it.each([
    ["How long does shipping take?", "shipping_time"],
    ["do u ship to canada", "international_shipping"],
    ["What's your return policy", "returns"],
    ["how long does a refund take", "refunds"],
    ["my promo code isn't working", "discount_not_working"],
  ])("answers %j from the %s entry", (text, topic) => {
    expect(topicFor(text)).toBe(topic);
  });

  it("folds inflections and shoppers' words onto the entries' terms", () => {
    expect(terms("Parcels shipped? Tracking!")).toEqual(terms("package ship track"));
    expect(terms("combined")).toEqual(terms("combine"));
  });

  it.each(["Can I talk to a real person about shipping?", "my order arrived damaged, can I return it?"])(
    "leaves %j to a person even though it mentions an FAQ topic",
    (text) => {
      expect(rankFaq(index, text)[0]).toBeDefined();
      expect(topicFor(text)).toBeNull();
    },
  );

  it.each(["thanks!", "hello", "what's the inseam on the chinos", "do you have a store in chicago"])("does not answer %j", (text) => {
    expect(topicFor(text)).toBeNull();
  });

  it("answers nothing when two entries fit a message equally well", () => {
    const twins = indexFaq([
      { id: "a", question: "Do you ship to Canada?", answer: "Yes." },
      { id: "b", question: "Do you ship to Canada?", answer: "Yes, in 5 days." },
    ]);
    expect(rankFaq(twins, "ship to canada?")).toHaveLength(2);
    expect(matchFaq(twins, "ship to canada?")).toBeNull();
  });

  it("keeps the precision goal (95 %) on the labelled shopper messages", () => {
    const { cases } = JSON.parse(readFileSync(new URL("../../../eval/faq/shopper-messages.json", import.meta.url), "utf8"));
    const report = evaluateFaq(cases, topicFor);
    expect(report.total).toBeGreaterThanOrEqual(150);
    expect(report.precision).toBeGreaterThanOrEqual(0.95);
  });
});

describe("evaluateFaq", () => {
  it("counts an answer to a person-only message as wrong and a hand-off as unanswered", () => {
    const report = evaluateFaq(
      [
        { category: "a", text: "right", accept: ["x"] },
        { category: "a", text: "wrong", accept: [] },
        { category: "b", text: "handed off", accept: ["x"] },
        { category: "b", text: "silent", accept: [] },
      ],
      (text) => ({ right: "x", wrong: "x" })[text] ?? null,
    );
    expect(report).toMatchObject({ total: 4, answerable: 2, answered: 2, correct: 1, precision: 0.5, answeredShare: 0.5, recall: 0.5 });
    expect(report.wrong.map((w) => w.text)).toEqual(["wrong"]);
    expect(report.unanswered.map((u) => u.text)).toEqual(["handed off"]);
  });
});
