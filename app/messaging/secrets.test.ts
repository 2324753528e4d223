import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secrets.server";

const key = randomBytes(32).toString("base64");

describe("Telnyx keys at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("KEY0123456789_secret", key);
    expect(sealed).not.toContain("KEY0123456789");
    expect(decryptSecret(sealed, key)).toBe("KEY0123456789_secret");
  });

  it("refuses a tampered ciphertext or the wrong key", () => {
    const sealed = encryptSecret("KEY0123456789_secret", key);
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
  });
});
