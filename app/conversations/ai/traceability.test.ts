import { describe, expect, it } from "vitest";
import { DEMO_FAQ } from "~/sandbox/demo-knowledge-base";
import { factsIn, untracedFacts } from "./traceability";

const shippingCost = DEMO_FAQ.find((entry) => entry.topic === "shipping_cost")!;
const returns = DEMO_FAQ.find((entry) => entry.topic === "returns")!;
const sourcesOf = (entry: { question: string; answer: string }) => [entry.question, entry.answer];
const untraced = (answer: string, sources: string[]) => untracedFacts(answer, sources).map((fact) => fact.text);

describe("an AI answer is traceable only when its facts are the sources' facts", () => {
  it("accepts a rewording that keeps the entry's prices, however they are written", () => {
    const answer = "Good news: shipping costs nothing over 50 dollars! Under that it's 5.95 USD, or $14.95 for express.";
    expect(untraced(answer, sourcesOf(shippingCost))).toEqual([]);
  });

  it("holds back a price that is in no entry", () => {
    expect(untraced("It's $19.99", sourcesOf(shippingCost))).toEqual(["$19.99"]);
    expect(untraced("Shipping is free over $40.", sourcesOf(shippingCost))).toEqual(["$40"]);
  });

  it("reads numbers spelled out in words, in English, Spanish and French", () => {
    expect(untraced("You have thirty days to send it back.", sourcesOf(returns))).toEqual([]);
    expect(untraced("You have forty days to send it back.", sourcesOf(returns))).toEqual(["40"]);
    expect(untraced("Tienes treinta días para devolverlo.", sourcesOf(returns))).toEqual([]);
    expect(untraced("Vous avez quarante jours.", sourcesOf(returns))).toEqual(["40"]);
    expect(untraced("Free over fifty dollars.", sourcesOf(shippingCost))).toEqual([]);
  });

  it("does not read 'one' or 'once' as a number unless a unit follows", () => {
    expect(untraced("Once it's back, one of our team refunds you.", ["Refunds follow the return."])).toEqual([]);
    expect(untraced("It ships in one day.", ["It ships in 2 days."])).toEqual(["1"]);
  });

  it("holds back a percentage that is not the entry's, even if the number appears elsewhere", () => {
    const entry = ["Get 10% off with code WELCOME10; orders over $50 ship free."];
    expect(untraced("Use WELCOME10 for 10 percent off.", entry)).toEqual([]);
    expect(untraced("Use WELCOME10 for 50% off.", entry)).toEqual(["50%"]);
  });

  it("holds back a code, a link or an email address the sources do not contain", () => {
    const entry = [returns.answer, "Write to help@textback-demo.example"];
    expect(untraced("Start at https://textback-demo.example/returns/ or write to HELP@textback-demo.example.", entry)).toEqual([]);
    expect(untraced("Start at textback-demo.example/refunds", entry)).toEqual(["textback-demo.example/refunds"]);
    expect(untraced("Write to support@textback-demo.example", entry)).toEqual(["support@textback-demo.example"]);
    expect(untraced("Use code SAVE15 at checkout.", entry)).toEqual(["SAVE15"]);
  });

  it("accepts a date written another way and refuses a day the sources never name", () => {
    const order = ["Order #1043: delivered on 2026-03-05 by UPS, tracking 1Z999AA10123456784"];
    expect(untraced("Your order #1043 was delivered on March 5th (UPS 1Z999AA10123456784).", order)).toEqual([]);
    expect(untraced("Your order #1043 arrived 5 mars.", order)).toEqual([]);
    expect(untraced("Your order #1043 was delivered on March 6.", order)).toEqual(["March 6"]);
    expect(untraced("Your order #1043 arrives tomorrow.", order)).toEqual(["tomorrow"]);
    expect(untraced("Your order #1044 was delivered.", order)).toEqual(["1044"]);
  });

  it("reads each fact once: a date's day is not a number of its own, a price's amount not a bare number", () => {
    expect(factsIn("Delivered March 5, it cost $14.95").map((f) => [f.kind, f.value])).toEqual([
      ["date", "03-05"],
      ["price", "USD 14.95"],
    ]);
  });
});
