import { describe, expect, it } from "vitest";
import { WelcomeSettings } from "./welcome-settings";
import { choiceIn, previewWelcome } from "./welcome-texts";

const settings = WelcomeSettings.parse({});
const tagOf = (text: string) => choiceIn(text, settings.choices)?.tag ?? null;

describe("the answer to the welcome question", () => {
  it("names a choice by its number or its label in any spelling", () => {
    for (const text of ["2", " 2. ", "#2", "women", "womens", "Women's", "WOMEN’S"]) expect(tagOf(text), text).toBe("pref-womens");
    expect(tagOf("1")).toBe("pref-mens");
    expect(tagOf("men")).toBe("pref-mens");
    expect(tagOf("Gift")).toBe("pref-gifts");
  });

  it("is no answer when it names nothing offered", () => {
    for (const text of ["4", "0", "12", "women and men", "what?", "", "STOP"]) expect(tagOf(text), text).toBeNull();
  });
});

describe("the live preview", () => {
  it("fills every text with sample values, the offer with a sample code", () => {
    const preview = previewWelcome(settings, "Demo");
    expect(preview.question).toMatch(/^Welcome! What are you shopping for\?/);
    expect(preview.replies.map((r) => r.tag)).toEqual(["pref-mens", "pref-womens", "pref-gifts"]);
    expect(preview.offer).toBe("Hi Alex, here's 10% off with code TB-SAMPLE7K2Q on your first order: https://textback.example/r/Ab3dEf7h");
  });

  it("leaves the offer's wording out when the flow offers no discount", () => {
    const noOffer = WelcomeSettings.parse({ offer: { percent: 0 }, offerTemplate: "Hi {{first_name}}! {{discount}} Shop now: {{link}}" });
    expect(previewWelcome(noOffer, "Demo").offer).toBe("Hi Alex! Shop now: https://textback.example/r/Ab3dEf7h");
  });
});
