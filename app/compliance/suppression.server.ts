// The suppression list: phones that must never be texted again even after customers/redact has
// erased the contact, so a STOP outlives the data it came with (DESIGN §2, records).
//
// Only a keyed hash is stored: HMAC-SHA256 over the shop and the E.164 number. A plain SHA-256
// of a phone number is no protection — the whole US numbering space is ~10^10 numbers, hashed
// in minutes — but without the key (derived from TEXTBACK_ENCRYPTION_KEY, never stored in the
// database) a leaked table cannot be reversed. The shop is in the hash so one shopper's rows in
// two shops cannot be linked. The key must outlive the list: a new key orphans every row, so
// rotating TEXTBACK_ENCRYPTION_KEY must keep deriving this key from the old secret.
import { createHmac, randomUUID } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { AppContext } from "../context.server";
import type { DbOrTx } from "./consent-ledger.server";

export type SuppressionHashKey = string | Uint8Array;

export interface SuppressedPhoneRef {
  shopId: string;
  /** E.164; other formats of the same number (spaces, dashes) hash the same. */
  phone: string;
  hashKey: SuppressionHashKey;
}

const MIN_KEY_BYTES = 16;

/** The stored form of a phone: hex HMAC-SHA256 of "shopId:+E164" under the key. */
export function suppressionHash(shopId: string, phone: string, hashKey: SuppressionHashKey): string {
  const keyBytes = typeof hashKey === "string" ? Buffer.byteLength(hashKey) : hashKey.byteLength;
  if (keyBytes < MIN_KEY_BYTES) throw new RangeError(`The suppression hash key needs at least ${MIN_KEY_BYTES} bytes`);
  if (!shopId) throw new TypeError("The suppression list is per shop: shopId is required");
  return createHmac("sha256", hashKey).update(`${shopId}:${canonicalPhone(phone)}`).digest("hex");
}

// One number, one hash: "+1 (312) 555-0100" and "+13125550100" must meet. Parsing, not
// validating, so numbers outside the metadata (test ranges) still get a stable form.
function canonicalPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone.trim());
  if (!parsed || !phone.trim().startsWith("+")) throw new TypeError(`Suppression needs an E.164 phone (got "${phone}")`);
  return parsed.number;
}

/**
 * Adds a phone to the shop's suppression list. Idempotent: a phone already listed keeps its
 * first row and reason. ON CONFLICT DO NOTHING rather than a caught unique violation, which on
 * PostgreSQL would abort the caller's transaction (customers/redact runs in one).
 */
export async function suppressPhone(
  ctx: AppContext,
  input: SuppressedPhoneRef & { reason: string },
  tx?: DbOrTx,
): Promise<{ phoneHash: string; added: boolean }> {
  const db = tx ?? ctx.db;
  const phoneHash = suppressionHash(input.shopId, input.phone, input.hashKey);
  const now = ctx.clock.now();
  const added = await db.$executeRaw`
    INSERT INTO "SuppressedPhone" ("id", "createdAt", "updatedAt", "shopId", "phoneHash", "reason")
    VALUES (${randomUUID()}, ${now}, ${now}, ${input.shopId}, ${phoneHash}, ${input.reason})
    ON CONFLICT ("shopId", "phoneHash") DO NOTHING`;
  return { phoneHash, added: added > 0 };
}

/** Whether the shop must not text this phone. The gate asks before every send. */
export async function isPhoneSuppressed(ctx: AppContext, ref: SuppressedPhoneRef, tx?: DbOrTx): Promise<boolean> {
  const [suppressed] = await suppressedPhones(ctx, [ref], tx);
  return suppressed!;
}

/** isPhoneSuppressed for many phones, of any shops, in one statement. */
export async function suppressedPhones(ctx: AppContext, refs: SuppressedPhoneRef[], tx?: DbOrTx): Promise<boolean[]> {
  if (refs.length === 0) return [];
  const db = tx ?? ctx.db;
  const hashes = refs.map((ref) => suppressionHash(ref.shopId, ref.phone, ref.hashKey));
  const rows = await db.suppressedPhone.findMany({
    where: { shopId: { in: [...new Set(refs.map((ref) => ref.shopId))] }, phoneHash: { in: hashes } },
    select: { phoneHash: true },
  });
  const listed = new Set(rows.map((row) => row.phoneHash));
  return hashes.map((hash) => listed.has(hash));
}

/**
 * Takes a phone off the list, and its contact with it (an import marks the contact of a listed
 * number suppressed): only when the shopper has opted back in themselves (START, JOIN), the same
 * rule the consent ledger applies. Returns whether it was listed.
 */
export async function liftSuppression(ctx: AppContext, ref: SuppressedPhoneRef, tx?: DbOrTx): Promise<boolean> {
  const db = tx ?? ctx.db;
  const phoneHash = suppressionHash(ref.shopId, ref.phone, ref.hashKey);
  const { count } = await db.suppressedPhone.deleteMany({ where: { shopId: ref.shopId, phoneHash } });
  await db.contact.updateMany({ where: { shopId: ref.shopId, phone: ref.phone, suppressedAt: { not: null } }, data: { suppressedAt: null } });
  return count > 0;
}
