// A shop's keys for the public REST API (/api/v1). A key is shown once, when it is made; only
// its SHA-256 is stored, with a few leading characters so the merchant can tell keys apart.
// A plain hash suffices here, unlike the suppression list's keyed one: a key holds 190 random
// bits, so it cannot be found by hashing guesses the way a phone number can.
import { createHash, randomInt } from "node:crypto";
import type { AppContext } from "~/context.server";

const KEY_PREFIX = "tb_";
const RANDOM_CHARS = 32;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 4;
/** lastUsedAt is a hint for the merchant ("used 3 hours ago"), not a log: one write a minute at most. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_NAME_LENGTH = 60;
// What a bearer token must look like before the database is asked (the sandbox's key has underscores).
const KEY_SHAPE = /^tb_[A-Za-z0-9_]{1,64}$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** tb_ and 32 characters of base62 (randomInt draws without modulo bias). */
export function generateApiKey(): string {
  let key = KEY_PREFIX;
  for (let i = 0; i < RANDOM_CHARS; i++) key += BASE62[randomInt(BASE62.length)];
  return key;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const SUMMARY = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function parseApiKeyName(raw: unknown): { ok: true; name: string } | { ok: false; error: string } {
  const name = typeof raw === "string" ? raw.trim() : "";
  if (!name) return { ok: false, error: "Name the key after what will use it (\"Klaviyo sync\", \"warehouse script\")" };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, error: `Keep the name under ${MAX_NAME_LENGTH} characters` };
  return { ok: true, name };
}

/** Makes a key and answers it in full: the only time it exists outside the caller's hands. */
export async function createApiKey({ db, clock }: AppContext, shopId: string, name: string): Promise<{ key: string; summary: ApiKeySummary }> {
  const key = generateApiKey();
  const summary = await db.apiKey.create({
    data: { shopId, name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key), createdAt: clock.now() },
    select: SUMMARY,
  });
  return { key, summary };
}

/** A known key (the sandbox's documented one): made once, kept as it is afterwards. */
export async function ensureApiKey({ db, clock }: AppContext, shopId: string, name: string, key: string) {
  await db.apiKey.upsert({
    where: { keyHash: hashApiKey(key) },
    create: { shopId, name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key), createdAt: clock.now() },
    update: {},
  });
}

export function listApiKeys({ db }: AppContext, shopId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({ where: { shopId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: SUMMARY });
}

/** Revokes one of the shop's keys; another shop's id (or an unknown one) revokes nothing. */
export async function revokeApiKey({ db, clock }: AppContext, shopId: string, id: string): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({ where: { id, shopId, revokedAt: null }, data: { revokedAt: clock.now() } });
  return count > 0;
}

export interface ActiveApiKey {
  id: string;
  shopId: string;
  prefix: string;
}

/**
 * The live key a bearer token names, or null (unknown, revoked, or its shop uninstalled).
 * Marks it used when its last use is over a minute old.
 */
export async function findActiveApiKey({ db, clock }: AppContext, token: string): Promise<ActiveApiKey | null> {
  if (!KEY_SHAPE.test(token)) return null;
  const found = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: { id: true, shopId: true, prefix: true, revokedAt: true, lastUsedAt: true, shop: { select: { uninstalledAt: true } } },
  });
  if (!found || found.revokedAt || found.shop.uninstalledAt) return null;
  const now = clock.now();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!found.lastUsedAt || found.lastUsedAt < staleBefore) {
    await db.apiKey.updateMany({ where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
  }
  return { id: found.id, shopId: found.shopId, prefix: found.prefix };
}
