import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyInboundText, isYesReply } from "./keywords";

const optedIn = { optInKeywords: ["VIP", "Summer Club"], optedOut: false };
const optedOut = { ...optedIn, optedOut: true };
const classify = (text: string, options = optedIn) => classifyInboundText(text, options);

// What shoppers really send when they want the texts to stop.
const OPT_OUTS = [
  "STOP", "stop", " Stop. ", "STOP!!!", "sToP", "STOPALL", "Stop all", "STOP ALL", "stop-all",
  "UNSUBSCRIBE", "Unsubscribe.", "CANCEL", "cancel", "END", "End.", "QUIT", "quit!", "REVOKE",
  "OPTOUT", "OPT OUT", "opt-out", "Opt out!", "ＳＴＯＰ", "please stop texting me",
  "Stop texting me!", "stop sending me messages", "remove me from this list", "unsubscribe me",
  "don't text me anymore", "Do not text me", "take me off your list", "no more texts",
  "No more messages please", "Please stop", "stop please", "STOP NOW", "Stop it", "Who is this? Stop",
  "Stop. I already bought it", "I'm not interested, stop", "wrong number", "Leave me alone",
  "I want to opt out", "opt me out", "please remove my number", "Delete me",
  "I don't want these texts anymore", "I no longer want to receive messages from you",
  "stop messaging me", "quit texting me", "cancel these texts", "stop the texts", "stop sending",
  "Unsubcribe", "unsub", "stpo", "no más", "No mas mensajes", "alto", "🛑", "stop stop",
  "put me on your do not call list", "lose my number", "stop contacting me", "Cease and desist",
  "Pls take me off ur list", "I opted out but still get texts", "Can you stop?", "I said STOP",
  "How do I unsubscribe?", "please do not message me again", "stop sending me this crap",
  "ARRET", "Arrêt", "arrêt svp", "Arrêtez!", "CANCEL ALL", "QUIT ALL", "STOP ALL PLEASE", "Who is this? Quit all",
  "revoke consent", "I revoke my consent", "I withdraw my consent to receive texts",
];

// Texts that mention stopping, cancelling or ending something else, or nothing of the kind.
const NOT_OPT_OUTS = [
  "the sizing stopped me", "can you stop by the store", "when will it stop raining",
  "non-stop shipping?", "my order hasn't shipped, can you cancel it?", "Can I cancel my order?",
  "Please cancel order #1234", "cancel it", "I want to cancel", "Cancel my subscription please",
  "Where's my order?", "Thanks!", "ok", "What time does the sale end?", "the end of the month works",
  "I'll stop by tomorrow", "Stop the shipment please I moved", "Can you stop the delivery?",
  "Is it too late to stop my order?", "I can't stop wearing this hoodie", "Bus stop pickup?",
  "Where's the nearest stop?", "My package stopped moving in Memphis", "Tracking stopped updating",
  "Don't send the blue one, I want red", "Please remove the hat from my order",
  "Can you remove the gift wrap?", "Take me to checkout", "drop me a link to the sale",
  "Do you ship to Canada?", "Help me find my size", "info on returns?",
  "I never unsubscribed, why no texts?", "Don't unsubscribe me!", "The cancel button doesn't work",
  "Quit playing, is this 50% off for real?", "No more stock?", "Love it, never stop making these!",
  "Can you send me the tracking number?", "Please don't ship until Monday",
  "text me when it's back in stock", "Can you stop sending the package to my old address?",
  "I'm not getting texts anymore?", "Why didn't you text me when it shipped?",
  "why don't you text me the code", "Unstoppable deals!", "stopped", "Is the sale ending soon?",
  "end of season sale?", "How do I stop my subscription box?", "Baja California shipping?",
  "I don't want to cancel all my order", "Can you cancel all of it?", "cancel all my orders please",
  "I never revoked my consent", "L'arrêt de bus le plus proche?", "", "   ", "👍", "😂😂",
];

describe("opt-out keywords and requests", () => {
  it.each(OPT_OUTS)("%j opts out of everything", (text) => {
    expect(classify(text).intent).toBe("opt_out");
  });

  it.each(NOT_OPT_OUTS)("%j is not an opt-out", (text) => {
    expect(classify(text).intent).not.toBe("opt_out");
  });

  it("names the CTIA keyword and marks only the exact keyword as not free text", () => {
    expect(classify(" Stop. ")).toEqual({ intent: "opt_out", keyword: "STOP" });
    expect(classify("opt-out")).toEqual({ intent: "opt_out", keyword: "OPT OUT" });
    expect(classify("STOP ALL")).toEqual({ intent: "opt_out", keyword: "STOP ALL" });
    expect(classify("Cancel all")).toEqual({ intent: "opt_out", keyword: "CANCEL ALL" });
    expect(classify("ARRÊT")).toEqual({ intent: "opt_out", keyword: "ARRET" });
    expect(classify("stop please")).toEqual({ intent: "opt_out", keyword: "STOP", freeText: true });
    expect(classify("please stop texting me")).toEqual({ intent: "opt_out", freeText: true });
  });

  it("an opt-out wins over a shop keyword that spells STOP", () => {
    expect(classify("stop", { optInKeywords: ["STOP"], optedOut: false }).intent).toBe("opt_out");
  });
});

describe("opting back in, HELP and keyword opt-ins", () => {
  it.each([
    ["START", optedIn, "opt_in", "START"],
    ["Unstop", optedIn, "opt_in", "UNSTOP"],
    ["start please", optedOut, "opt_in", "START"],
    ["YES", optedOut, "opt_in", "YES"],
    ["yes!", optedOut, "opt_in", "YES"],
    ["HELP", optedIn, "help", "HELP"],
    ["info", optedOut, "help", "INFO"],
    ["Help?", optedIn, "help", "HELP"],
    ["AIDE", optedIn, "help", "AIDE"],
    ["ayuda!", optedOut, "help", "AYUDA"],
    ["JOIN", optedIn, "keyword_opt_in", "JOIN"],
    ["join.", optedOut, "keyword_opt_in", "JOIN"],
    ["vip", optedIn, "keyword_opt_in", "VIP"],
    ["summer-club!", optedIn, "keyword_opt_in", "SUMMER CLUB"],
  ] as const)("%j → %s", (text, options, intent, keyword) => {
    expect(classify(text, options)).toEqual({ intent, keyword });
  });

  it("YES is an ordinary reply unless the phone is opted out", () => {
    expect(classify("YES").intent).toBeNull();
    expect(classify("Yes please").intent).toBeNull();
  });

  it("a keyword inside a sentence is conversation, not a command", () => {
    expect(classify("when does the sale start?").intent).toBeNull();
    expect(classify("can you help me with sizing").intent).toBeNull();
    expect(classify("I want to join the VIP club, how?").intent).toBeNull();
  });
});

// Case, spacing and punctuation around (and inside two-word) keywords never change the answer.
const KEYWORDS: [string, string, typeof optedOut][] = [
  ["stop", "opt_out", optedIn], ["stopall", "opt_out", optedIn], ["stop all", "opt_out", optedIn],
  ["unsubscribe", "opt_out", optedIn], ["cancel", "opt_out", optedIn], ["end", "opt_out", optedIn],
  ["quit", "opt_out", optedIn], ["revoke", "opt_out", optedIn], ["optout", "opt_out", optedIn],
  ["opt out", "opt_out", optedIn], ["cancel all", "opt_out", optedIn], ["quit all", "opt_out", optedIn],
  ["stop all please", "opt_out", optedIn], ["arret", "opt_out", optedIn], ["arrêt", "opt_out", optedIn],
  ["start", "opt_in", optedIn], ["unstop", "opt_in", optedIn],
  ["yes", "opt_in", optedOut], ["help", "help", optedIn], ["info", "help", optedIn],
  ["aide", "help", optedIn], ["ayuda", "help", optedIn],
  ["join", "keyword_opt_in", optedIn], ["vip", "keyword_opt_in", optedIn],
];

const randomCase = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) =>
    [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(""),
  );
const padding = fc.array(fc.constantFrom(" ", "  ", "\t", "\n", ".", "!", "?", "!!", "...", ",", "*", '"', "'", "(", ")", "~", "-"), { maxLength: 4 }).map((p) => p.join(""));
const separator = fc.constantFrom(" ", "  ", "-", "_");

describe("keyword properties", () => {
  it.each(KEYWORDS)("%j classifies the same in any case, spacing and punctuation", (keyword, intent, options) => {
    const expected = classify(keyword, options);
    expect(expected.intent).toBe(intent);
    fc.assert(
      fc.property(randomCase(keyword), padding, padding, separator, (cased, before, after, sep) => {
        const variant = before + cased.replace(" ", sep) + after;
        expect(classify(variant, options)).toMatchObject({ intent: expected.intent, keyword: expected.keyword });
      }),
      { numRuns: 150 },
    );
  });

  it("a free-text request to stop stays one when surrounded by small talk", () => {
    const smallTalk = fc.array(fc.constantFrom("hi", "hey", "there", "lol", "ok", "thanks", "guys", "sorry", "hello"), { maxLength: 3 });
    const requests = fc.constantFrom("please stop texting me", "remove me from this list", "unsubscribe me", "no more texts", "take me off your list", "I revoke my consent");
    fc.assert(
      fc.property(smallTalk, requests, smallTalk, (before, request, after) => {
        expect(classify([...before, request, ...after].join(" ")).intent).toBe("opt_out");
      }),
    );
  });

  it("never throws and always answers one of the known intents, whatever the text", () => {
    const intents = [null, "opt_out", "opt_in", "help", "keyword_opt_in"];
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.string()), fc.boolean(), (text, optInKeywords, out) => {
        expect(intents).toContain(classifyInboundText(text, { optInKeywords, optedOut: out }).intent);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the Y that confirms a storefront sign-up", () => {
  it.each(["Y", "y", "YES", "yes", " Yes! ", "Y.", "yes please", "YES!!!", "Ｙ"])("%j is a yes", (text) => {
    expect(isYesReply(text)).toBe(true);
  });

  it.each(["yeah", "yes but what is this", "no", "Y?N", "why", "", "STOP"])("%j is not", (text) => {
    expect(isYesReply(text)).toBe(false);
  });
});
