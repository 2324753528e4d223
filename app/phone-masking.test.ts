import { describe, expect, it } from "vitest";
import { maskPhone, maskPhoneNumbers } from "./phone-masking";

describe("phone masking", () => {
  it("keeps only the last four digits of a number", () => {
    expect(maskPhone("+14155550134")).toBe("…0134");
  });

  it("masks E.164 and national forms inside free text", () => {
    const text = "to +14155550134, (415) 555-0199, 415.555.0142, +1 (312) 555-0177 and +44 20 7946 0958 failed";
    expect(maskPhoneNumbers(text)).toBe("to …0134, …0199, …0142, …0177 and …0958 failed");
  });

  it("leaves ids, dates, counts and amounts alone", () => {
    const text = "message 40385f64-5717-4562-b3fc-2c963f66afa6 at 2026-12-07T11:13:40Z: 429 after 1500 ms, $12.50; Telnyx answered 500 (10007 Unexpected error)";
    expect(maskPhoneNumbers(text)).toBe(text);
  });
});
