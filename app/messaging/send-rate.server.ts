// Keeps each sending number within its carrier throughput (1 message/s for a US long code,
// 20/s for toll-free by default), across every worker and app instance: the next free send
// slot of a number is a row in "SendingRate" that a worker reserves with one atomic statement
// before it calls Telnyx (DESIGN §6).
//
// Real time, not the app clock. Throughput is a property of the carrier's network, measured
// in wall-clock seconds; the sandbox's virtual clock stands still while jobs run (and jumps
// hours when moved), so spacing sends by it would either send everything at once or never.
// That is why these functions take their own `realNow` (default: the system clock) instead of
// ctx.clock, the one exception to "domain code reads the injected clock".
import { randomUUID } from "node:crypto";
import { setTimeout as sleepFor } from "node:timers/promises";
import type { AppContext } from "../context.server";
import { RetryJobAfter } from "../jobs/queue.server";

export type SendingNumberType = "long_code" | "toll_free";

export const DEFAULT_SENDS_PER_SECOND: Record<SendingNumberType, number> = { long_code: 1, toll_free: 20 };

/** Waiting longer than this for a slot inside a job would hold a worker idle: retry later instead. */
export const DEFAULT_MAX_SLOT_WAIT_MS = 3_000;

/** The configured rate for a number of this type; `overrides` are the shop's own settings. */
export function sendsPerSecondFor(
  numberType: string,
  overrides: Partial<Record<SendingNumberType, number>> = {},
): number {
  const type: SendingNumberType = numberType === "toll_free" ? "toll_free" : "long_code";
  return overrides[type] ?? DEFAULT_SENDS_PER_SECOND[type];
}

/**
 * A shop's own rates, from `sending` in its settings JSON, e.g. {"sending":{"long_code":3}} for
 * a number whose carrier registration allows 3 texts per second. Anything else is ignored.
 */
export function shopRateOverrides(settingsJson: string): Partial<Record<SendingNumberType, number>> {
  let sending: unknown;
  try {
    sending = (JSON.parse(settingsJson) as { sending?: unknown }).sending;
  } catch {
    return {};
  }
  if (typeof sending !== "object" || sending === null) return {};
  const overrides: Partial<Record<SendingNumberType, number>> = {};
  for (const type of Object.keys(DEFAULT_SENDS_PER_SECOND) as SendingNumberType[]) {
    const rate = (sending as Record<string, unknown>)[type];
    if (typeof rate === "number" && rate > 0 && rate <= 1000) overrides[type] = rate;
  }
  return overrides;
}

/**
 * Carrier-limited numbers (up to 20/s) have their slots booked this much further apart than the
 * rate alone asks. Between its slot and its request reaching Telnyx a send still claims its
 * message and goes through the SDK, which on a busy machine takes up to ~100 ms more one time
 * than the next; without the margin a late request can land within one second of the next.
 */
const SLOT_MARGIN = 0.15;

/** Milliseconds between two booked slots of a number, rounded up so rounding never exceeds the rate. */
export function slotIntervalMs(perSecond: number): number {
  const exact = 1000 / perSecond;
  return Math.ceil(exact >= 50 ? exact * (1 + SLOT_MARGIN) : exact);
}

export interface ReserveSendSlotInput {
  /** The sending number (E.164). */
  number: string;
  /** Messages per second this number may send. */
  perSecond: number;
  /** Give up (reserve nothing) when the next free slot is further away than this. */
  maxWaitMs?: number;
  realNow?: () => Date;
}

export interface SendSlot {
  number: string;
  /** When the send may start (real time). */
  at: Date;
  /** How long from the reservation until `at`; 0 when the number is free now. */
  waitMs: number;
}

/**
 * Reserves the number's next free send slot, at most `maxWaitMs` away, and returns it; the
 * caller waits until `slot.at` (see `waitForSendSlot`) and then sends. When the next free slot
 * is further away nothing is reserved and RetryJobAfter says when to come back.
 */
export async function reserveSendSlot(ctx: AppContext, input: ReserveSendSlotInput): Promise<SendSlot> {
  const { number, perSecond } = input;
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`perSecond must be > 0 (got ${perSecond})`);
  const maxWaitMs = input.maxWaitMs ?? DEFAULT_MAX_SLOT_WAIT_MS;
  const intervalMs = BigInt(slotIntervalMs(perSecond));
  const now = (input.realNow ?? (() => new Date()))();
  const nowMs = BigInt(now.getTime());

  // One statement, atomic on both engines: take max(stored slot, now) and push the stored slot
  // one interval further, unless that slot is too far away (the WHERE of DO UPDATE), in which
  // case the row is left alone and nothing comes back. PostgreSQL locks the row for the
  // update; SQLite runs one writer at a time.
  const rows = await ctx.db.$queryRaw<{ nextSlotMs: bigint | number }[]>`
    INSERT INTO "SendingRate" ("id", "createdAt", "updatedAt", "number", "nextSlotMs")
    VALUES (${randomUUID()}, ${now}, ${now}, ${number}, ${nowMs + intervalMs})
    ON CONFLICT ("number") DO UPDATE SET
      "nextSlotMs" = CASE WHEN "SendingRate"."nextSlotMs" > ${nowMs}
                          THEN "SendingRate"."nextSlotMs" + ${intervalMs}
                          ELSE ${nowMs + intervalMs} END,
      "updatedAt" = ${now}
    WHERE "SendingRate"."nextSlotMs" <= ${nowMs + BigInt(maxWaitMs)}
    RETURNING "nextSlotMs"`;

  if (rows[0]) {
    const at = Number(BigInt(rows[0].nextSlotMs) - intervalMs);
    return { number, at: new Date(at), waitMs: Math.max(0, at - now.getTime()) };
  }
  const current = await ctx.db.sendingRate.findUnique({ where: { number }, select: { nextSlotMs: true } });
  const freeInMs = current ? Number(current.nextSlotMs - nowMs) : 0;
  throw new RetryJobAfter(
    Math.max(freeInMs, 1),
    `Sending number ${number} is booked for the next ${Math.ceil(freeInMs / 1000)} s (${perSecond}/s)`,
  );
}

export interface WaitOptions {
  realNow?: () => Date;
  /** Injected so tests need not wait. */
  sleep?: (ms: number) => Promise<unknown>;
}

/** Waits (in this process) until the reserved slot has come. */
export async function waitForSendSlot(slot: SendSlot, options: WaitOptions = {}): Promise<void> {
  const now = (options.realNow ?? (() => new Date()))();
  const remaining = slot.at.getTime() - now.getTime();
  if (remaining > 0) await (options.sleep ?? sleepFor)(remaining);
}
