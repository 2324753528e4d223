import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { createDb } from "~/db.server";
import { RetryJobAfter } from "~/jobs/queue.server";
import { useTestDatabase } from "../../tests/support/database";
import {
  accountBucketKey,
  numberBucketKey,
  pauseSender,
  reserveSendSlots,
  sendBucketsFor,
  type SendBucket,
} from "./send-rate.server";
import { ACCOUNT_RATE, NUMBER_RATES } from "./sending-limits";

const { db, url } = useTestDatabase();
// The app clock is deliberately far from real time: the limiter must not read it.
const ctx = { db, clock: new VirtualClock(new Date("2030-01-01T00:00:00Z")) };
/** Slots are booked as if a second lasted 1.15 s (the allowance for request jitter). */
const BOOKED_SECOND_MS = 1_150;

/** A real-time clock the test moves by hand. */
function manualRealTime(start = Date.parse("2026-11-25T12:00:00.000Z")) {
  let ms = start;
  return { now: () => new Date(ms), advance: (by: number) => (ms += by), ms: () => ms };
}

// Buckets no other test (or earlier run against a kept database) uses.
const freshNumber = () => `+1555${randomUUID().replace(/\D/g, "").slice(0, 7).padEnd(7, "0")}`;
const numberBucket = (perSecond: number, number = freshNumber()): SendBucket => ({ key: numberBucketKey(number), perSecond });
const offsets = (slots: Date[], fromMs: number) => slots.map((slot) => slot.getTime() - fromMs);

/** The most slots that fall in any 1 s window [t, t + 1 s). */
function busiestSecond(slots: Date[]): number {
  const ms = slots.map((slot) => slot.getTime()).sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; start < ms.length; start++) {
    while (end < ms.length && ms[end]! < ms[start]! + 1_000) end++;
    most = Math.max(most, end - start);
  }
  return most;
}

describe("reserving a batch of send slots", () => {
  it("spaces one long code's slots a booked second apart, starting now", async () => {
    const time = manualRealTime();
    const { slots, retryAfterMs } = await reserveSendSlots(ctx, { buckets: [numberBucket(1)], count: 4, maxWaitMs: 10_000, realNow: time.now });
    expect(offsets(slots, time.ms())).toEqual([0, 1, 2, 3].map((i) => i * BOOKED_SECOND_MS));
    expect(retryAfterMs).toBeNull();
  });

  it("spaces slots in microseconds, so a bucket can take more than 1,000 a second", async () => {
    const time = manualRealTime();
    const perSecond = 2_000;
    const { slots } = await reserveSendSlots(ctx, { buckets: [numberBucket(perSecond)], count: 5_000, maxWaitMs: 1_000, realNow: time.now });
    const inFirstSecond = slots.filter((slot) => slot.getTime() < time.ms() + 1_000).length;
    expect(inFirstSecond).toBeGreaterThan(1_000);
    expect(busiestSecond(slots)).toBeLessThanOrEqual(perSecond);
  });

  it("books fewer slots when the rest are further than maxWaitMs away, and says when to come back", async () => {
    const time = manualRealTime();
    const bucket = numberBucket(1);
    const maxWaitMs = 3_000;
    const first = await reserveSendSlots(ctx, { buckets: [bucket], count: 5, maxWaitMs, realNow: time.now });
    const within = Math.floor(maxWaitMs / BOOKED_SECOND_MS) + 1;
    expect(offsets(first.slots, time.ms())).toEqual(Array.from({ length: within }, (_, i) => i * BOOKED_SECOND_MS));
    expect(first.retryAfterMs).toBe(within * BOOKED_SECOND_MS);

    const refused = await reserveSendSlots(ctx, { buckets: [bucket], count: 5, maxWaitMs, realNow: time.now });
    expect(refused).toMatchObject({ slots: [], retryAfterMs: within * BOOKED_SECOND_MS });

    // The refusal booked nothing: once that time has come, the next slot is now.
    time.advance(refused.retryAfterMs!);
    const later = await reserveSendSlots(ctx, { buckets: [bucket], count: 1, maxWaitMs, realNow: time.now });
    expect(offsets(later.slots, time.ms())).toEqual([0]);
  });

  it("frees a bucket again once real time has passed its booked slots", async () => {
    const time = manualRealTime();
    const bucket = numberBucket(1);
    await reserveSendSlots(ctx, { buckets: [bucket], count: 2, realNow: time.now });
    time.advance(5_000);
    const { slots } = await reserveSendSlots(ctx, { buckets: [bucket], count: 1, realNow: time.now });
    expect(slots).toEqual([time.now()]);
  });

  it("does not let two numbers block each other", async () => {
    const time = manualRealTime();
    const [first, second] = [numberBucket(1), numberBucket(1)];
    await reserveSendSlots(ctx, { buckets: [first], count: 3, realNow: time.now });
    const { slots } = await reserveSendSlots(ctx, { buckets: [second], count: 1, realNow: time.now });
    expect(slots).toEqual([time.now()]);
  });

  it("books no bucket when another bucket of the batch refuses, so none is left over-booked", async () => {
    const time = manualRealTime();
    const number = numberBucket(1);
    const account = { key: accountBucketKey(randomUUID()), perSecond: ACCOUNT_RATE.perSecond };
    await pauseSender(ctx, { key: account.key, forMs: 10_000, realNow: time.now });

    const refused = await reserveSendSlots(ctx, { buckets: [number, account], count: 3, maxWaitMs: 3_000, realNow: time.now });
    expect(refused).toMatchObject({ slots: [], retryAfterMs: 10_000 });

    const alone = await reserveSendSlots(ctx, { buckets: [number], count: 1, realNow: time.now });
    expect(alone.slots).toEqual([time.now()]);
  });

  it("never lets two clients reserving at once put more than a bucket's rate in any second", async () => {
    const time = manualRealTime();
    const other = createDb(url);
    afterAll(() => other.$disconnect());
    const perSecond = NUMBER_RATES.toll_free.perSecond;
    const bucket = numberBucket(perSecond);
    const reserve = (client: typeof db) =>
      reserveSendSlots({ db: client, clock: ctx.clock }, { buckets: [bucket], count: 7, maxWaitMs: 60_000, realNow: time.now });

    const batches = await Promise.all(Array.from({ length: 24 }, (_, i) => reserve(i % 2 === 0 ? db : other)));
    const slots = batches.flatMap((batch) => batch.slots);

    expect(slots).toHaveLength(24 * 7);
    expect(new Set(slots.map((slot) => slot.getTime())).size).toBe(slots.length);
    expect(busiestSecond(slots)).toBeLessThanOrEqual(perSecond);
  });

  it("caps two numbers of one shop together at the account's rate", async () => {
    const time = manualRealTime();
    const other = createDb(url);
    afterAll(() => other.$disconnect());
    // Lower than either number's own rate, so the account is what holds them back.
    const accountPerSecond = NUMBER_RATES.toll_free.perSecond / 2;
    const shop = { id: randomUUID(), sendingNumberType: "toll_free", settings: JSON.stringify({ sending: { account: accountPerSecond } }) };
    const [first, second] = [freshNumber(), freshNumber()].map((number) =>
      sendBucketsFor({ ...shop, sendingNumber: number }, { telnyxApiKey: "KEY_SHARED" }),
    );
    const reserve = (client: typeof db, buckets: SendBucket[]) =>
      reserveSendSlots({ db: client, clock: ctx.clock }, { buckets, count: 5, maxWaitMs: 60_000, realNow: time.now });

    const batches = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reserve(i % 2 === 0 ? db : other, i % 4 < 2 ? first! : second!).then((batch) => ({ i, ...batch }))),
    );
    const slotsOf = (numberIndex: number) => batches.filter(({ i }) => i % 4 < 2 === (numberIndex === 0)).flatMap((batch) => batch.slots);

    const all = [...slotsOf(0), ...slotsOf(1)];
    expect(all).toHaveLength(20 * 5);
    expect(new Set(all.map((slot) => slot.getTime())).size).toBe(all.length);
    expect(busiestSecond(all)).toBeLessThanOrEqual(accountPerSecond);
  });
});

describe("pausing a sender after Telnyx answered 429", () => {
  it("moves only that sender's next slot past the Retry-After", async () => {
    const time = manualRealTime();
    const [paused, other] = [numberBucket(20), numberBucket(20)];
    const retryAfterMs = 5_000;

    await pauseSender(ctx, { key: paused.key, forMs: retryAfterMs, realNow: time.now });

    expect(await reserveSendSlots(ctx, { buckets: [paused], count: 2, maxWaitMs: 3_000, realNow: time.now })).toMatchObject({ slots: [], retryAfterMs });
    const waited = await reserveSendSlots(ctx, { buckets: [paused], count: 1, maxWaitMs: 10_000, realNow: time.now });
    expect(offsets(waited.slots, time.ms())).toEqual([retryAfterMs]);
    const free = await reserveSendSlots(ctx, { buckets: [other], count: 1, maxWaitMs: 3_000, realNow: time.now });
    expect(free.slots).toEqual([time.now()]);
  });

  it("never pulls a sender's booked slots earlier", async () => {
    const time = manualRealTime();
    const bucket = numberBucket(1);
    await reserveSendSlots(ctx, { buckets: [bucket], count: 3, maxWaitMs: 10_000, realNow: time.now });
    await pauseSender(ctx, { key: bucket.key, forMs: 100, realNow: time.now });
    const next = await reserveSendSlots(ctx, { buckets: [bucket], count: 1, maxWaitMs: 10_000, realNow: time.now });
    expect(offsets(next.slots, time.ms())).toEqual([3 * BOOKED_SECOND_MS]);
  });
});

describe("a shop's send buckets", () => {
  const shop = { id: "shop-1", sendingNumber: "+13125550100", settings: "{}" };

  it("follow Telnyx's default for the number's type, and the account's", () => {
    for (const type of ["long_code", "toll_free", "short_code"] as const) {
      expect(sendBucketsFor({ ...shop, sendingNumberType: type }, { telnyxApiKey: "KEY_A" })).toEqual([
        { key: "number:+13125550100", perSecond: NUMBER_RATES[type].perSecond },
        { key: accountBucketKey("KEY_A"), perSecond: ACCOUNT_RATE.perSecond },
      ]);
    }
  });

  it("take the shop's own rates from its settings", () => {
    const settings = JSON.stringify({ sending: { short_code: 400, long_code: 3, account: 200 } });
    expect(sendBucketsFor({ ...shop, sendingNumberType: "short_code", settings }, { telnyxApiKey: "KEY_A" }).map((b) => b.perSecond)).toEqual([400, 200]);
    expect(sendBucketsFor({ ...shop, sendingNumberType: "long_code", settings }, { telnyxApiKey: "KEY_A" }).map((b) => b.perSecond)).toEqual([3, 200]);
  });

  it("ignore stored rates outside Telnyx's bounds", () => {
    const settings = JSON.stringify({ sending: { long_code: 500, account: 0 } });
    expect(sendBucketsFor({ ...shop, sendingNumberType: "long_code", settings }, { telnyxApiKey: "KEY_A" }).map((b) => b.perSecond)).toEqual([
      NUMBER_RATES.long_code.perSecond,
      ACCOUNT_RATE.perSecond,
    ]);
  });
});

describe("rates", () => {
  it("refuses a rate that is not positive", async () => {
    await expect(reserveSendSlots(ctx, { buckets: [numberBucket(0)], count: 1 })).rejects.toThrow(RangeError);
  });
});
