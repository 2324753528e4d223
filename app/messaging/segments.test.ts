import { describe, expect, it } from "vitest";
import { estimateCost, gsmReplacements, measureText } from "./segments";

describe("measureText: GSM-7", () => {
  it("fits 160 plain characters in one segment and splits at 161", () => {
    expect(measureText("a".repeat(160))).toEqual({
      encoding: "GSM-7", segments: 1, characters: 160, perSegment: 160, nonGsmCharacters: [],
    });
    expect(measureText("a".repeat(161))).toMatchObject({ segments: 2, characters: 161, perSegment: 153 });
  });

  it("carries 153 characters per segment once split", () => {
    expect(measureText("a".repeat(153 * 2)).segments).toBe(2);
    expect(measureText("a".repeat(153 * 2 + 1)).segments).toBe(3);
  });

  it("counts each extension character (€ [ ] { } ^ ~ | \\) twice", () => {
    expect(measureText("€[]{}^~|\\")).toMatchObject({ encoding: "GSM-7", characters: 18 });
    expect(measureText("€".repeat(80))).toMatchObject({ segments: 1, characters: 160 });
    expect(measureText("€".repeat(81))).toMatchObject({ segments: 2, characters: 162 });
    expect(measureText(`${"a".repeat(159)}€`)).toMatchObject({ segments: 2, characters: 161 });
  });

  it("keeps accented letters of the GSM alphabet in GSM-7", () => {
    expect(measureText("Café à Zürich, ñ, Ø, é").encoding).toBe("GSM-7");
  });

  it("counts an empty text as one segment", () => {
    expect(measureText("")).toMatchObject({ segments: 1, characters: 0 });
  });
});

describe("measureText: UCS-2", () => {
  it("fits 70 characters in one segment, splits at 71 and carries 67 per segment", () => {
    expect(measureText("ж".repeat(70))).toMatchObject({
      encoding: "UCS-2", segments: 1, characters: 70, perSegment: 70, nonGsmCharacters: ["ж"],
    });
    expect(measureText("ж".repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(measureText("ж".repeat(134)).segments).toBe(2);
    expect(measureText("ж".repeat(135)).segments).toBe(3);
  });

  it("switches the whole text to UCS-2 for one emoji, which takes two code units", () => {
    const text = `${"a".repeat(60)} 😀`;
    expect(measureText(text)).toMatchObject({ encoding: "UCS-2", segments: 1, characters: 63, nonGsmCharacters: ["😀"] });
    expect(measureText("😀".repeat(35))).toMatchObject({ segments: 1, characters: 70 });
    expect(measureText("😀".repeat(36)).segments).toBe(2);
  });

  it("names each character that forced UCS-2 once", () => {
    expect(measureText("It’s here — 20% off… it’s “yours”").nonGsmCharacters).toEqual(["’", "—", "…", "“", "”"]);
  });
});

describe("estimateCost", () => {
  it("is segments × the price per segment, without floating-point dust", () => {
    expect(estimateCost(3, 0.0051)).toBe(0.0153);
    expect(estimateCost(2, "0.004")).toBe(0.008);
    expect(estimateCost(1, 0)).toBe(0);
  });

  it("refuses a price that is not a number", () => {
    expect(() => estimateCost(1, "free")).toThrow(RangeError);
  });
});

describe("gsmReplacements", () => {
  it("turns curly quotes, dashes, ellipsis and odd spaces into GSM-7 and says what it changed", () => {
    const body = "It’s “here” — 20%\u00a0off… today";
    const suggestion = gsmReplacements(body);
    expect(suggestion.text).toBe('It\'s "here" - 20% off... today');
    expect(measureText(suggestion.text).encoding).toBe("GSM-7");
    expect(suggestion.replacements).toEqual([
      { from: "’", to: "'", count: 1 },
      { from: "“", to: '"', count: 1 },
      { from: "”", to: '"', count: 1 },
      { from: "—", to: "-", count: 1 },
      { from: "\u00a0", to: " ", count: 1 },
      { from: "…", to: "...", count: 1 },
    ]);
  });

  it("leaves characters without a plain equivalent alone", () => {
    const suggestion = gsmReplacements("Thanks ❤️ – see you");
    expect(suggestion.text).toBe("Thanks ❤️ - see you");
    expect(measureText(suggestion.text).nonGsmCharacters).toEqual(["❤️"]);
  });

  it("only suggests for characters that really force UCS-2, and only GSM-7 substitutes", () => {
    const offenders = "‘’‚‛′´`“”„″«»‐‑‒–—―−…\u00a0\u2002\u2003\u2009\u202f\u200b•·™®©";
    for (const char of offenders) {
      expect(measureText(char).encoding, `U+${char.codePointAt(0)!.toString(16)}`).toBe("UCS-2");
      expect(measureText(gsmReplacements(char).text).encoding).toBe("GSM-7");
    }
    expect(gsmReplacements("plain text, nothing to do").replacements).toEqual([]);
  });
});
