// When each recipient's text is due. "local" is a wall-clock time in the recipient's own zones
// (the zones quiet hours use); for a recipient who may be in several, the latest of them, so it
// is that time or later wherever they are. A spread adds a minute offset per recipient, drawn
// from a hash so the same recipient keeps the same offset. Due times fall on whole minutes: the
// send jobs are one per due minute.
import { createHash } from "node:crypto";
import { instantOfLocalTime } from "~/compliance/quiet-hours";
import type { CampaignSchedule } from "./campaign-input";

const MINUTE_MS = 60_000;

/** The schedule's instant for one recipient, before any spread; the launch time for "now". */
export function scheduledInstant(schedule: CampaignSchedule, zones: readonly string[], launchedAt: Date): Date {
  if (schedule.type === "now") return launchedAt;
  if (schedule.type === "at") return new Date(schedule.at);
  const wall = Date.parse(`${schedule.date}T${schedule.time}:00Z`);
  return new Date(Math.max(...zones.map((zone) => instantOfLocalTime(zone, wall))));
}

export function spreadOffsetMinutes(campaignId: string, contactId: string, spreadHours: number): number {
  if (spreadHours <= 0) return 0;
  return createHash("sha256").update(`${campaignId}:${contactId}`).digest().readUInt32BE(0) % (spreadHours * 60);
}

/** A due time on a whole minute (rounded up, so a text is never due before its time). */
export function dueMinute(instant: Date, offsetMinutes: number): Date {
  return new Date(Math.ceil(instant.getTime() / MINUTE_MS) * MINUTE_MS + offsetMinutes * MINUTE_MS);
}
