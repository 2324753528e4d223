// Freezing a campaign's audience at launch: one INSERT … SELECT puts every contact the segment
// matches and who can be texted marketing into CampaignRecipient with its arm (the holdout as
// held_out, never texted); then each treated recipient gets its due time. "now" and "at" without
// a spread are one instant, set by the insert; a local time or a spread needs each recipient's
// zones, worked out here with the gate's own zone logic and written by due minute.
import type { AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf } from "~/db.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { shippingAddresses } from "~/messaging/sender-gate.server";
import { segmentSql, type SegmentRules } from "./segment-rules";
import { textableSql } from "./segments.server";
import { armShares, armSql, HOLDOUT_ARM } from "./campaign-arms";
import type { CampaignSchedule } from "./campaign-input";
import { dueMinute, scheduledInstant, spreadOffsetMinutes } from "./campaign-schedule";

export interface AudienceToFreeze {
  campaignId: string;
  shopId: string;
  shopTimeZone: string;
  rules: SegmentRules;
  holdoutPercent: number;
  variants: { name: string; weight: number }[];
  schedule: CampaignSchedule;
  spreadHours: number;
}

// Reads and writes in slices: PostgreSQL takes at most 65,535 parameters a statement.
const SLICE = 5_000;

/** Freezes the audience in the caller's transaction; answers the distinct due times. */
export async function freezeAudience(ctx: AppContext, audience: AudienceToFreeze): Promise<Date[]> {
  const builders = sqlBuildersOf(ctx.db);
  const { sql, raw } = builders;
  const now = ctx.clock.now();
  const { campaignId, shopId } = audience;
  const perRecipient = audience.schedule.type === "local" || audience.spreadHours > 0;
  const sharedDue = perRecipient ? null : dueMinute(scheduledInstant(audience.schedule, [], now), 0);
  const engine = engineOf(ctx.db);
  const arm = armSql(campaignId, armShares(audience.holdoutPercent, audience.variants), builders, engine);
  // PostgreSQL types a parameter inside CASE as text unless told.
  const due = sharedDue && (engine === "postgresql" ? sql`CAST(${sharedDue} AS TIMESTAMP(3))` : sql`${sharedDue}`);
  await ctx.db.$executeRaw(sql`
    INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "shopId", "arm", "sendAt", "status")
    SELECT ${campaignId}, a."id", ${shopId}, a."arm",
           ${due ? sql`CASE WHEN a."arm" = ${HOLDOUT_ARM} THEN NULL ELSE ${due} END` : raw("NULL")},
           CASE WHEN a."arm" = ${HOLDOUT_ARM} THEN 'held_out' ELSE 'pending' END
    FROM (SELECT c."id", ${arm} AS "arm" FROM "Contact" c
          WHERE c."shopId" = ${shopId} AND ${textableSql(builders)} AND ${segmentSql(audience.rules, { shopId, now }, builders)}) a`);
  if (sharedDue) return [sharedDue];
  return setDueTimes(ctx, audience, now);
}

async function setDueTimes(ctx: AppContext, audience: AudienceToFreeze, now: Date): Promise<Date[]> {
  const { sql, join } = sqlBuildersOf(ctx.db);
  const recipients = await ctx.db.$queryRaw<{ contactId: string; phone: string }[]>(sql`
    SELECT r."contactId", c."phone" FROM "CampaignRecipient" r JOIN "Contact" c ON c."id" = r."contactId"
    WHERE r."campaignId" = ${audience.campaignId} AND r."status" = 'pending'`);
  const byDue = new Map<number, string[]>();
  for (let i = 0; i < recipients.length; i += SLICE) {
    const slice = recipients.slice(i, i + SLICE);
    const addresses = await shippingAddresses(ctx, slice.map((r) => r.contactId));
    for (const { contactId, phone } of slice) {
      const { zones } = await recipientTimeZones({ phone, shippingAddress: addresses.get(contactId), shopTimeZone: audience.shopTimeZone });
      const due = dueMinute(scheduledInstant(audience.schedule, zones, now), spreadOffsetMinutes(audience.campaignId, contactId, audience.spreadHours)).getTime();
      const group = byDue.get(due);
      if (group) group.push(contactId);
      else byDue.set(due, [contactId]);
    }
  }
  for (const [due, contactIds] of byDue) {
    for (let i = 0; i < contactIds.length; i += SLICE) {
      await ctx.db.$executeRaw(sql`
        UPDATE "CampaignRecipient" SET "sendAt" = ${new Date(due)}
        WHERE "campaignId" = ${audience.campaignId} AND "contactId" IN (${join(contactIds.slice(i, i + SLICE))})`);
    }
  }
  return [...byDue.keys()].sort((a, b) => a - b).map((due) => new Date(due));
}
