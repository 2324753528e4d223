// Freezing a campaign's audience at launch: every contact the segment matches and who can be
// texted marketing goes into CampaignRecipient with its arm (the holdout as held_out, never
// texted) and its due time, each row written once. "now" and "at" without a spread are one
// instant: a single INSERT … SELECT. A local time or a spread needs each recipient's zones,
// worked out here with the gate's own zone logic: the audience is read with its arms in one
// statement, due times computed in the process (one instant per set of zones), and the rows
// inserted in chunks, each chunk one statement over a JSON array (docs/decisions/031).
import type { AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf, type DatabaseEngine, type SqlBuilders } from "~/db.server";
import { recipientTimeZones } from "~/compliance/recipient-time-zones.server";
import { shippingAddresses } from "~/messaging/sender-gate.server";
import { segmentSql, type SegmentRules } from "./segment-rules";
import { textableSql } from "./segments.server";
import { armShares, armSql, AWAITING_WINNER, HOLDOUT_ARM, REST_ARM } from "./campaign-arms";
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
  /** Test on a share first: the rest arm is due this many hours after its own time. */
  test?: { sharePercent: number; winnerAfterHours: number } | null;
}

// Reads addresses and writes rows in chunks: PostgreSQL takes at most 65,535 parameters a
// statement, and a chunk's JSON stays well under a megabyte.
const CHUNK = 5_000;

interface AudienceRow { id: string; phone: string; arm: string }
interface FrozenRow { id: string; arm: string; due: Date | null }

/**
 * Freezes the audience in the caller's transaction; answers the distinct due times, not the
 * rest arm's, which are queued once its winner is chosen (campaign-winner.server.ts).
 */
export async function freezeAudience(ctx: AppContext, audience: AudienceToFreeze): Promise<Date[]> {
  const builders = sqlBuildersOf(ctx.db);
  const { sql } = builders;
  const now = ctx.clock.now();
  const { campaignId, shopId } = audience;
  const engine = engineOf(ctx.db);
  // The arm's hash is computed once per contact: as a column of a materialized CTE rather than
  // an expression each use of which the planner would inline.
  const arm = armSql(campaignId, armShares(audience.holdoutPercent, audience.variants, audience.test?.sharePercent), builders, engine);
  const restDelayMs = (audience.test?.winnerAfterHours ?? 0) * 3_600_000;
  const matched = sql`SELECT c."id", c."phone", ${arm} AS "arm" FROM "Contact" c
    WHERE c."shopId" = ${shopId} AND ${textableSql(builders)} AND ${segmentSql(audience.rules, { shopId, now }, builders)}`;
  if (audience.schedule.type !== "local" && audience.spreadHours <= 0) {
    const due = dueMinute(scheduledInstant(audience.schedule, [], now), 0);
    // PostgreSQL types a parameter inside CASE as text unless told.
    const at = (instant: Date) => (engine === "postgresql" ? sql`CAST(${instant} AS TIMESTAMP(3))` : sql`${instant}`);
    const restDue = new Date(due.getTime() + restDelayMs);
    await ctx.db.$executeRaw(sql`
      WITH "a" AS MATERIALIZED (${matched})
      INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "shopId", "arm", "sendAt", "status")
      SELECT ${campaignId}, a."id", ${shopId}, a."arm",
             CASE a."arm" WHEN ${HOLDOUT_ARM} THEN NULL WHEN ${REST_ARM} THEN ${at(restDue)} ELSE ${at(due)} END,
             CASE a."arm" WHEN ${HOLDOUT_ARM} THEN 'held_out' WHEN ${REST_ARM} THEN ${AWAITING_WINNER} ELSE 'pending' END
      FROM "a"`);
    return [due];
  }
  const rows = await ctx.db.$queryRaw<AudienceRow[]>(matched);
  const dueTimes = new Set<number>();
  const dueByZones = new Map<string, Date>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const addresses = await shippingAddresses(ctx, chunk.filter((r) => r.arm !== HOLDOUT_ARM).map((r) => r.id));
    const frozen: FrozenRow[] = [];
    for (const { id, phone, arm: rowArm } of chunk) {
      if (rowArm === HOLDOUT_ARM) {
        frozen.push({ id, arm: rowArm, due: null });
        continue;
      }
      const { zones } = await recipientTimeZones({ phone, shippingAddress: addresses.get(id), shopTimeZone: audience.shopTimeZone });
      // Few distinct sets of zones among many recipients: each set's instant is worked out once.
      const key = zones.join(" ");
      let instant = dueByZones.get(key);
      if (!instant) dueByZones.set(key, (instant = scheduledInstant(audience.schedule, zones, now)));
      const due = dueMinute(instant, spreadOffsetMinutes(campaignId, id, audience.spreadHours));
      if (rowArm === REST_ARM) {
        frozen.push({ id, arm: rowArm, due: new Date(due.getTime() + restDelayMs) });
        continue;
      }
      dueTimes.add(due.getTime());
      frozen.push({ id, arm: rowArm, due });
    }
    await ctx.db.$executeRaw(insertFrozen(campaignId, shopId, frozen, builders, engine));
  }
  return [...dueTimes].sort((a, b) => a - b).map((due) => new Date(due));
}

/** One statement for a chunk of recipients, read from a JSON array parameter. */
function insertFrozen(campaignId: string, shopId: string, rows: FrozenRow[], { sql }: SqlBuilders, engine: DatabaseEngine) {
  const source =
    engine === "postgresql"
      ? sql`SELECT d."id", d."arm", d."due" FROM json_to_recordset(${JSON.stringify(rows)}::json) AS d("id" TEXT, "arm" TEXT, "due" TIMESTAMP(3))`
      : // Written as the SQLite adapter writes a DateTime, so comparisons with its parameters hold.
        sql`SELECT j.value ->> '$.id' AS "id", j.value ->> '$.arm' AS "arm", j.value ->> '$.due' AS "due"
            FROM json_each(${JSON.stringify(rows.map((r) => ({ ...r, due: r.due?.toISOString().replace("Z", "+00:00") ?? null })))}) j`;
  return sql`
    INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "shopId", "arm", "sendAt", "status")
    SELECT ${campaignId}, d."id", ${shopId}, d."arm", d."due",
           CASE d."arm" WHEN ${HOLDOUT_ARM} THEN 'held_out' WHEN ${REST_ARM} THEN ${AWAITING_WINNER} ELSE 'pending' END
    FROM (${source}) d`;
}
