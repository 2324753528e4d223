import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { isPhoneSuppressed, liftSuppression, suppressionHash, suppressPhone } from "./suppression.server";

const { db } = useTestDatabase();
const domains = [`suppression-a-${process.pid}.myshopify.com`, `suppression-b-${process.pid}.myshopify.com`];
const hashKey = randomBytes(32).toString("base64");
const PHONE = "+13125550147";
let shopId: string;
let otherShopId: string;
let ctx: AppContext;

beforeAll(async () => {
  await db.shop.deleteMany({ where: { domain: { in: domains } } });
  shopId = (await db.shop.create({ data: { domain: domains[0], name: "Suppression shop" } })).id;
  otherShopId = (await db.shop.create({ data: { domain: domains[1], name: "Other shop" } })).id;
});
afterAll(() => db.shop.deleteMany({ where: { domain: { in: domains } } }));
beforeEach(async () => {
  await db.suppressedPhone.deleteMany({ where: { shopId: { in: [shopId, otherShopId] } } });
  ctx = { db, clock: new VirtualClock(new Date("2026-03-02T15:00:00Z")) };
});

describe("the suppression list", () => {
  it("keeps a redacted shopper's STOP: the phone is suppressed for that shop only", async () => {
    await suppressPhone(ctx, { shopId, phone: PHONE, reason: "customers/redact after STOP", hashKey });
    expect(await isPhoneSuppressed(ctx, { shopId, phone: PHONE, hashKey })).toBe(true);
    expect(await isPhoneSuppressed(ctx, { shopId, phone: "+13125550148", hashKey })).toBe(false);
    expect(await isPhoneSuppressed(ctx, { shopId: otherShopId, phone: PHONE, hashKey })).toBe(false);
  });

  it("stores neither the number nor an unkeyed hash of it", async () => {
    await suppressPhone(ctx, { shopId, phone: PHONE, reason: "redacted", hashKey });
    const row = await db.suppressedPhone.findFirstOrThrow({ where: { shopId } });
    const plainHashes = [PHONE, PHONE.slice(1), `${shopId}:${PHONE}`].map((p) => createHash("sha256").update(p).digest("hex"));
    expect(JSON.stringify(row)).not.toContain("5550147");
    expect(plainHashes).not.toContain(row.phoneHash);
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await isPhoneSuppressed(ctx, { shopId, phone: PHONE, hashKey: randomBytes(32) })).toBe(false);
  });

  it("is idempotent, keeping the first reason, also inside a transaction", async () => {
    expect((await suppressPhone(ctx, { shopId, phone: PHONE, reason: "first", hashKey })).added).toBe(true);
    await db.$transaction(async (tx) => {
      expect((await suppressPhone(ctx, { shopId, phone: PHONE, reason: "second", hashKey }, tx)).added).toBe(false);
      await tx.suppressedPhone.count(); // the transaction is still usable after the duplicate
    });
    const rows = await db.suppressedPhone.findMany({ where: { shopId } });
    expect(rows.map((r) => r.reason)).toEqual(["first"]);
    expect(rows[0].createdAt).toEqual(ctx.clock.now());
  });

  it("matches the same number however it is written", async () => {
    await suppressPhone(ctx, { shopId, phone: "+1 (312) 555-0147", reason: "redacted", hashKey });
    expect(await isPhoneSuppressed(ctx, { shopId, phone: PHONE, hashKey })).toBe(true);
    expect(suppressionHash(shopId, " +1 312-555-0147 ", hashKey)).toBe(suppressionHash(shopId, PHONE, hashKey));
  });

  it("lifts the suppression when the shopper texts START, and says whether there was one", async () => {
    await suppressPhone(ctx, { shopId, phone: PHONE, reason: "redacted", hashKey });
    expect(await liftSuppression(ctx, { shopId, phone: PHONE, hashKey })).toBe(true);
    expect(await isPhoneSuppressed(ctx, { shopId, phone: PHONE, hashKey })).toBe(false);
    expect(await liftSuppression(ctx, { shopId, phone: PHONE, hashKey })).toBe(false);
  });

  it("refuses a short key, a phone without its country code, and a missing shop", () => {
    expect(() => suppressionHash(shopId, PHONE, "short")).toThrow(RangeError);
    expect(() => suppressionHash(shopId, "3125550147", hashKey)).toThrow(TypeError);
    expect(() => suppressionHash("", PHONE, hashKey)).toThrow(TypeError);
  });
});
