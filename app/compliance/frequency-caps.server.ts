// Marketing frequency caps: at most N marketing texts per contact in any rolling 24 hours and
// M in any rolling 7 days (the shop's marketingCapPerDay / marketingCapPerWeek). Rolling rather
// than calendar windows, so no burst straddles midnight, and counted in absolute time, so
// daylight-saving changes neither stretch nor shrink a window.
import type { AppContext } from "../context.server";

export const DAY_MS = 24 * 3_600_000;
export const WEEK_MS = 7 * DAY_MS;

// Counted by the time a text was handed to Telnyx, among the texts that were: sending, sent,
// delivered, even failed (a failed text may still have arrived, and counting it errs on the side
// of fewer texts). A queued or held text is not counted until it leaves: the check runs again,
// atomically with the claim, just before each text leaves (send-claim.server.ts).
export const HANDED_OVER_STATUSES = ["sending", "sent", "delivered", "failed"];

export interface CapCheck {
  contactId: string;
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

/**
 * null when one more marketing text at `at` stays within both caps; otherwise the cap it
 * would break and when it no longer would. When both are full, the later of the two.
 */
export async function marketingCapReached(ctx: AppContext, check: CapCheck): Promise<CapReached | null> {
  const { capPerDay, capPerWeek, at } = check;
  for (const cap of [capPerDay, capPerWeek]) {
    if (cap !== null && !(Number.isInteger(cap) && cap >= 1)) throw new RangeError(`A frequency cap must be a whole number ≥ 1 or null (got ${cap})`);
  }
  if (capPerDay === null && capPerWeek === null) return null;
  const windowMs = capPerWeek === null ? DAY_MS : WEEK_MS;
  // Served by the Message index [contactId, direction, occurredAt] (its first two columns).
  const sent = await ctx.db.message.findMany({
    where: {
      contactId: check.contactId,
      direction: "outbound",
      sendAttemptedAt: { gt: new Date(at.getTime() - windowMs), lte: at },
      purpose: "marketing",
      status: { in: HANDED_OVER_STATUSES },
    },
    orderBy: { sendAttemptedAt: "asc" },
    select: { sendAttemptedAt: true },
  });
  const times = sent.map((m) => m.sendAttemptedAt!.getTime());
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
