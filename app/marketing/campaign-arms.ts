// Which arm each contact of a campaign is in: holdout first, then the variants by weight, from a
// hash of the campaign and the contact. The hash is written in SQL so the audience is frozen in
// one INSERT … SELECT; it is a random linear hash of the contact id's characters, its weights
// drawn from the campaign id, so one contact's arms in two campaigns are unrelated.
import { createHash } from "node:crypto";
import type { DatabaseEngine, SqlBuilders } from "~/db.server";

export const HOLDOUT_ARM = "holdout";
/** Recipients kept back while a test share runs: they get the winner (or the split) later. */
export const REST_ARM = "rest";
/** A rest-arm recipient's status until the winner is chosen. */
export const AWAITING_WINNER = "awaiting_winner";
/** Recipients whose text has not been handed to the pipeline yet: due, or waiting for the winner. */
export const NOT_YET_QUEUED = ["pending", AWAITING_WINNER];

// A prime below 2^31: every weight and every sum of 40 characters × weight stays within 64 bits.
const MODULUS = 2_147_483_629;
// Longer than any id the app makes (cuid 25, UUID 36); characters past the end count 0.
const ID_CHARACTERS = 40;

function weightsOf(campaignId: string): number[] {
  const weights: number[] = [];
  for (let round = 0; weights.length < ID_CHARACTERS; round++) {
    const digest = createHash("sha256").update(`${campaignId}:${round}`).digest();
    for (let i = 0; i + 4 <= digest.length && weights.length < ID_CHARACTERS; i += 4) weights.push(1 + (digest.readUInt32BE(i) % (MODULUS - 1)));
  }
  return weights;
}

export interface ArmShare {
  arm: string;
  /** Share of the audience, 0–1. */
  share: number;
}

/**
 * The arms' shares: the holdout's percent, the rest split by the variants' weights. With a test
 * share, only that percent of the treated is split now; the others wait in the rest arm.
 */
export function armShares(holdoutPercent: number, variants: { name: string; weight: number }[], testSharePercent: number | null = null): ArmShare[] {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const treated = 1 - holdoutPercent / 100;
  const tested = treated * (testSharePercent ?? 100) / 100;
  const rest = testSharePercent === null ? [] : [{ arm: REST_ARM, share: treated - tested }];
  return [{ arm: HOLDOUT_ARM, share: holdoutPercent / 100 }, ...variants.map((v) => ({ arm: v.name, share: (tested * v.weight) / total })), ...rest];
}

/** The arm of the contact `c` as a SQL expression (CASE over the hash's thresholds). */
export function armSql(campaignId: string, shares: ArmShare[], builders: SqlBuilders, engine: DatabaseEngine) {
  const { sql, raw, join } = builders;
  const code = engine === "postgresql" ? "ascii" : "unicode";
  const terms = weightsOf(campaignId).map((weight, i) => `CAST(COALESCE(${code}(substr(c."id", ${i + 1}, 1)), 0) AS BIGINT) * ${weight}`);
  const hash = raw(`((${terms.join(" + ")}) % ${MODULUS})`);
  let cumulative = 0;
  const cases = shares.slice(0, -1).map(({ arm, share }) => {
    cumulative += share;
    return sql`WHEN ${hash} < ${raw(String(Math.round(cumulative * MODULUS)))} THEN ${arm}`;
  });
  return sql`(CASE ${join(cases, " ")} ELSE ${shares.at(-1)!.arm} END)`;
}
