import { describe, expect, it } from "vitest";
import { handOffReasonOf } from "./hand-off";

describe("texts that go to a person before automation tries anything", () => {
  it.each([
    ["can I talk to a real person", "asked_for_person"],
    ["Are you a bot? I want an agent", "asked_for_person"],
    ["quiero hablar con una persona por favor", "asked_for_person"],
    ["je voudrais parler à quelqu'un", "asked_for_person"],
    ["my hoodie arrived damaged, how do returns work?", "complaint"],
    ["you sent me the wrong size", "complaint"],
    ["ordered a medium but got a small", "complaint"],
    ["the box came with a red one instead of the black", "complaint"],
    ["me llegó otro color", "complaint"],
    ["j'ai reçu la mauvaise taille", "complaint"],
    ["my package never arrived", "complaint"],
    ["I never got my order", "complaint"],
    ["I want a real person", "asked_for_person"],
    ["I was charged twice for order 1043", "complaint"],
    ["el pedido llegó roto", "complaint"],
    ["le colis est arrivé cassé", "complaint"],
    ["WHERE IS MY REFUND, IT HAS BEEN 3 WEEKS", "angry"],
    ["this is ridiculous, where is my order", "angry"],
    ["still haven't got my refund", "angry"],
    ["I've been waiting for weeks 😡", "angry"],
    ["WHY is this SO slow!!", "angry"],
    ["ya es la tercera vez que escribo, es una vergüenza", "angry"],
    ["c'est inadmissible, toujours rien", "angry"],
  ])("%s → %s", (text, reason) => {
    expect(handOffReasonOf(text)).toBe(reason);
  });

  it.each([
    "How long does shipping take?",
    "do u ship to canada",
    "whats ur return policy",
    "is it true to size? between an M and L",
    "can I pay with PayPal",
    "where is my order #1043",
    "Hi! any discount codes?? 😊",
    "THANKS",
    "hola, cuánto cuesta el envío?",
    "bonjour, quels sont les délais de livraison ?",
    "My discount code isn't working",
    "oops I ordered the wrong size, can I change it before it ships?",
    "I ordered it last week and it arrived today, how do I wash it?",
    "the color looks different in person, can I exchange it?",
    "I never got a confirmation email, did my order go through?",
    "ordered the wrong size (my bad), can I swap it",
  ])("%s → answered by automation if it can", (text) => {
    expect(handOffReasonOf(text)).toBeNull();
  });
});
