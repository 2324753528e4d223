import { createHmac } from "node:crypto";

// The suppression list's hash key is derived from the encryption key, so one secret protects
// both and the list cannot be reversed by hashing every phone number.
export function suppressionHashKey(encryptionKey: string): string {
  return createHmac("sha256", Buffer.from(encryptionKey, "base64")).update("textback/suppression/v1").digest("base64");
}
