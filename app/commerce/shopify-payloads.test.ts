import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseShopifyJson, toE164 } from "./shopify-payloads";

describe("phones from Shopify payloads", () => {
  it("are E.164 or null, whatever the input, and never throw", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[+()\d\s-]{0,30}$/)), fc.option(fc.stringMatching(/^[A-Za-z]{0,3}$/)), (phone, country) => {
        const result = toE164(phone, country);
        expect(result === null || /^\+[1-9]\d{6,14}$/.test(result)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it("read national numbers in the address's country and refuse absurd ones", () => {
    expect(toE164("(312) 555-0142")).toBe("+13125550142");
    expect(toE164("07400 123456", "GB")).toBe("+447400123456");
    expect(toE164("555-555-SHIP")).toBeNull();
    expect(toE164("1".repeat(200))).toBeNull();
  });
});

describe("Shopify JSON", () => {
  it("keeps 64-bit ids whole and parses like JSON.parse otherwise", () => {
    expect(parseShopifyJson('{"id": 820982911946154508, "customer_id": 706405506930370084, "total": 12}')).toEqual({
      id: "820982911946154508",
      customer_id: "706405506930370084",
      total: 12,
    });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(() => parseShopifyJson(text)).not.toThrow();
      }),
    );
  });
});
