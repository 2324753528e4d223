// Marketing frequency caps: at most N marketing texts per contact in any rolling 24 hours and
// M in any rolling 7 days (the shop's marketingCapPerDay / marketingCapPerWeek). Rolling rather
// than calendar windows, so no burst straddles midnight, and counted in absolute time, so
// daylight-saving changes neither stretch nor shrink a window.
import { sqlBuildersOf } from "../db.server";
import type { DbOrTx } from "./consent-ledger.server";

export const DAY_MS = 24 * 3_600_000;
export const WEEK_MS = 7 * DAY_MS;

// Counted by the time a text was handed to Telnyx, among the texts that were: sending, sent,
// delivered, even failed (a failed text may still have arrived, and counting it errs on the side
// of fewer texts). A queued or held text is not counted until it leaves: the check runs again,
// atomically with the claim, just before each text leaves (send-claim.server.ts).
export const HANDED_OVER_STATUSES = ["sending", "sent", "delivered", "failed"];

export interface CapCheck {
  /** At most this many marketing texts in any 24 hours; null for no daily cap. */
  capPerDay: number | null;
  /** At most this many in any 7 days; null for no weekly cap. */
  capPerWeek: number | null;
  /** When the next text would go out. */
  at: Date;
}

export interface CapReached {
  cap: "day" | "week";
  /** When enough counted texts will have left the window for one more to fit. */
  until: Date;
}

/** How far back the caps look: a week when there is a weekly cap, else a day; 0 for none. */
export function capWindowMs({ capPerDay, capPerWeek }: Pick<CapCheck, "capPerDay" | "capPerWeek">): number {
  for (const cap of [capPerDay, capPerWeek]) {
    if (cap !== null && !(Number.isInteger(cap) && cap >= 1)) throw new RangeError(`A frequency cap must be a whole number ≥ 1 or null (got ${cap})`);
  }
  return capPerWeek !== null ? WEEK_MS : capPerDay !== null ? DAY_MS : 0;
}

/**
 * When each contact's marketing texts of the last `windowMs` were handed over (ms, oldest
 * first), for many contacts in one statement, served by the Message index [contactId, …].
 */
export async function recentMarketingSends(
  db: DbOrTx,
  contactIds: string[],
  { at, windowMs }: { at: Date; windowMs: number },
): Promise<Map<string, number[]>> {
  const sends = new Map<string, number[]>();
  if (windowMs === 0 || contactIds.length === 0) return sends;
  // A plain statement: the gate reads this for every wave of texts that leaves.
  const { sql, join } = sqlBuildersOf(db);
  const rows = await db.$queryRaw<{ contactId: string; sendAttemptedAt: Date }[]>(sql`
    SELECT "contactId", "sendAttemptedAt" FROM "Message"
    WHERE "contactId" IN (${join(contactIds)}) AND "direction" = 'outbound' AND "purpose" = 'marketing'
      AND "sendAttemptedAt" > ${new Date(at.getTime() - windowMs)} AND "sendAttemptedAt" <= ${at}
      AND "status" IN (${join(HANDED_OVER_STATUSES)})
    ORDER BY "sendAttemptedAt"`);
  for (const row of rows) sends.set(row.contactId!, [...(sends.get(row.contactId!) ?? []), row.sendAttemptedAt!.getTime()]);
  return sends;
}

/**
 * The caps' verdict given the contact's handed-over times (ms, oldest first): null when one
 * more marketing text at `at` stays within both caps; otherwise the cap it would break and
 * when it no longer would. When both are full, the later of the two.
 */
export function capReachedAmong(times: number[], check: CapCheck): CapReached | null {
  const { capPerDay, capPerWeek, at } = check;
  if (capWindowMs(check) === 0) return null;
  const reached = [fullUntil(times, capPerDay, DAY_MS, at, "day"), fullUntil(times, capPerWeek, WEEK_MS, at, "week")]
    .filter((r): r is CapReached => r !== null)
    .sort((a, b) => b.until.getTime() - a.until.getTime());
  return reached[0] ?? null;
}

// With n texts in the window and room for `cap`, n − cap + 1 of them must leave before one more
// fits: the (n − cap)-th oldest leaves last. With n = cap that is the oldest.
function fullUntil(times: number[], cap: number | null, windowMs: number, at: Date, name: CapReached["cap"]): CapReached | null {
  if (cap === null) return null;
  const inWindow = times.filter((t) => t > at.getTime() - windowMs);
  if (inWindow.length < cap) return null;
  return { cap: name, until: new Date(inWindow[inWindow.length - cap] + windowMs) };
}
