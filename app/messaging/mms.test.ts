import { describe, expect, it } from "vitest";
import { mediaFor, textPrices } from "./mms";

describe("a text with an image", () => {
  it("is priced by segments as SMS and at the one MMS price for US and Canadian numbers", () => {
    expect(textPrices({ segments: 2, costPerSegment: 0.005, costPerMms: 0.015, withImage: true })).toEqual({ sms: 0.01, mms: 0.015 });
    expect(textPrices({ segments: 2, costPerSegment: 0.005, costPerMms: 0.015, withImage: false })).toEqual({ sms: 0.01, mms: null });
  });

  it("carries its image to a US number only", () => {
    expect(mediaFor("+13125550100", ["https://cdn.example.com/a.jpg"])).toEqual(["https://cdn.example.com/a.jpg"]);
    expect(mediaFor("+447400123456", ["https://cdn.example.com/a.jpg"])).toEqual([]);
  });
});
