import { telnyxErrors } from "./telnyx-errors.server";

/** Ways the Telnyx double can be told to fail a send, for retry and back-off tests. */
export type TelnyxFault =
  | { kind: "server_error" }
  | { kind: "rate_limited"; retryAfterSeconds?: number }
  | { kind: "queue_full"; retryAfterSeconds?: number }
  /** Accept the connection and never answer, until the client gives up or the double closes. */
  | { kind: "hang" };

/** Which sends fail: the next N queued faults first, then a random fraction. */
export function createFaultPlan(random: () => number) {
  let queued: TelnyxFault[] = [];
  let fractional: { fraction: number; faults: TelnyxFault[] } | null = null;
  return {
    failNext(count: number, fault: TelnyxFault) {
      queued.push(...Array.from({ length: count }, () => fault));
    },
    /** A failing send gets one of `faults`, picked at random when there are several. */
    failFraction(fraction: number, faults: TelnyxFault | TelnyxFault[]) {
      fractional = { fraction, faults: Array.isArray(faults) ? faults : [faults] };
    },
    clear() {
      queued = [];
      fractional = null;
    },
    take(): TelnyxFault | null {
      const next = queued.shift();
      if (next) return next;
      if (!fractional || random() >= fractional.fraction) return null;
      return fractional.faults[Math.floor(random() * fractional.faults.length)] ?? null;
    },
  };
}

/** What Telnyx answers for a fault; null for a hang, which gets no answer at all. */
export function faultAnswer(fault: TelnyxFault): { status: number; body: object; headers: Record<string, string> } | null {
  switch (fault.kind) {
    case "hang":
      return null;
    case "server_error":
      return { status: 500, body: { errors: [telnyxErrors.unexpected()] }, headers: {} };
    case "rate_limited":
    case "queue_full": {
      const error = fault.kind === "queue_full" ? telnyxErrors.queueFull() : telnyxErrors.tooManyRequests();
      return { status: 429, body: { errors: [error] }, headers: { "retry-after": String(fault.retryAfterSeconds ?? 1) } };
    }
  }
}
