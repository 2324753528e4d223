// Signs a body the way Telnyx does: Ed25519 over "<unix seconds>|<raw body>".
import { generateKeyPairSync, sign } from "node:crypto";
import { readFileSync } from "node:fs";

export function telnyxFixture(name: string): string {
  return readFileSync(new URL(`../../../shared/fixtures/telnyx/${name}.json`, import.meta.url), "utf8");
}

export function createTelnyxSigner() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // Telnyx hands out the raw 32-byte key in base64; the DER form ends with it.
  const publicKeyBase64 = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
  return {
    publicKeyBase64,
    headersFor(body: string, at = new Date()) {
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const signature = sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString("base64");
      return {
        "Content-Type": "application/json",
        "telnyx-signature-ed25519": signature,
        "telnyx-timestamp": timestamp,
      };
    },
  };
}
