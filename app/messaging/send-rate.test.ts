import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { RetryJobAfter } from "~/jobs/queue.server";
import { useTestDatabase } from "../../tests/support/database";
import { reserveSendSlot, sendsPerSecondFor, shopRateOverrides, waitForSendSlot } from "./send-rate.server";

const { db } = useTestDatabase();
// The app clock is deliberately far from real time: the limiter must not read it.
const ctx = { db, clock: new VirtualClock(new Date("2030-01-01T00:00:00Z")) };

/** A real-time clock the test moves by hand. */
function manualRealTime(start = Date.parse("2026-11-25T12:00:00.000Z")) {
  let ms = start;
  return { now: () => new Date(ms), advance: (by: number) => (ms += by), ms: () => ms };
}

// Numbers no other test (or earlier run against a kept database) uses.
const freshNumber = () => `+1555${randomUUID().replace(/\D/g, "").slice(0, 7).padEnd(7, "0")}`;

describe("per-number send rate", () => {
  it("spaces reservations for one long-code number 1.15 s apart in real time (1 s and a margin for jitter)", async () => {
    const time = manualRealTime();
    const number = freshNumber();
    const slots = [];
    for (let i = 0; i < 4; i++) {
      slots.push(await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now, maxWaitMs: 10_000 }));
    }
    const starts = slots.map((slot) => slot.at.getTime() - time.ms());
    expect(starts).toEqual([0, 1150, 2300, 3450]);
    expect(slots.map((slot) => slot.waitMs)).toEqual([0, 1150, 2300, 3450]);
  });

  it("gives concurrent reservations distinct slots an interval apart", async () => {
    const time = manualRealTime();
    const number = freshNumber();
    const slots = await Promise.all(
      Array.from({ length: 8 }, () => reserveSendSlot(ctx, { number, perSecond: 20, realNow: time.now, maxWaitMs: 10_000 })),
    );
    const offsets = slots.map((slot) => slot.at.getTime() - time.ms()).sort((a, b) => a - b);
    // 50 ms for 20/s, and the margin: 57.5 ms, rounded up.
    expect(offsets).toEqual([0, 58, 116, 174, 232, 290, 348, 406]);
  });

  it("frees the number again once real time has passed its booked slots", async () => {
    const time = manualRealTime();
    const number = freshNumber();
    await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now });
    await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now });
    time.advance(5_000);
    const slot = await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now });
    expect(slot).toMatchObject({ waitMs: 0, at: time.now() });
  });

  it("does not let two numbers block each other", async () => {
    const time = manualRealTime();
    const [first, second] = [freshNumber(), freshNumber()];
    await reserveSendSlot(ctx, { number: first, perSecond: 1, realNow: time.now });
    await reserveSendSlot(ctx, { number: first, perSecond: 1, realNow: time.now });
    const other = await reserveSendSlot(ctx, { number: second, perSecond: 1, realNow: time.now });
    expect(other.waitMs).toBe(0);
  });

  it("reserves nothing and asks for a retry when the next slot is too far away", async () => {
    const time = manualRealTime();
    const number = freshNumber();
    // Slots at 0, 1.15 and 2.3 s; the fourth (3.45 s) is further than 3 s away.
    for (let i = 0; i < 3; i++) await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now, maxWaitMs: 3_000 });
    const refusal = await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now, maxWaitMs: 3_000 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RetryJobAfter);
    expect((refusal as RetryJobAfter).delayMs).toBe(3_450);
    // Nothing was booked by the refusal: one second later the fourth slot is within reach.
    time.advance(1_000);
    const slot = await reserveSendSlot(ctx, { number, perSecond: 1, realNow: time.now, maxWaitMs: 3_000 });
    expect(slot.waitMs).toBe(2_450);
  });

  it("waits in-process only for the time left until the slot", async () => {
    const time = manualRealTime();
    const waited: number[] = [];
    const slot = { number: "+15550000000", at: new Date(time.ms() + 700), waitMs: 700 };
    time.advance(200);
    await waitForSendSlot(slot, { realNow: time.now, sleep: async (ms) => waited.push(ms) });
    time.advance(600);
    await waitForSendSlot(slot, { realNow: time.now, sleep: async (ms) => waited.push(ms) });
    expect(waited).toEqual([500]);
  });

  it("defaults to 1/s for long codes and 20/s for toll-free, overridable per shop", () => {
    expect(sendsPerSecondFor("long_code")).toBe(1);
    expect(sendsPerSecondFor("toll_free")).toBe(20);
    expect(sendsPerSecondFor("toll_free", { toll_free: 3 })).toBe(3);
    expect(sendsPerSecondFor("long_code", { toll_free: 3 })).toBe(1);
  });

  it("refuses a rate that is not positive", async () => {
    await expect(reserveSendSlot(ctx, { number: freshNumber(), perSecond: 0 })).rejects.toThrow(RangeError);
  });
});

describe("a shop's own sending rate", () => {
  it("reads positive rates per number type from the settings JSON and ignores anything else", () => {
    expect(shopRateOverrides(JSON.stringify({ sending: { long_code: 3 } }))).toEqual({ long_code: 3 });
    expect(sendsPerSecondFor("long_code", shopRateOverrides(JSON.stringify({ sending: { long_code: 3 } })))).toBe(3);
    expect(shopRateOverrides(JSON.stringify({ sending: { long_code: -1, toll_free: "20", short_code: 100 } }))).toEqual({});
    expect(shopRateOverrides("{}")).toEqual({});
    expect(shopRateOverrides("not json")).toEqual({});
  });
});
