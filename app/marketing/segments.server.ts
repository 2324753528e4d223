// Saved segments and their live size. A segment's audience is always only the contacts who can
// be sent marketing: with marketing consent, not opted out, not suppressed. The ones its rules
// match but who cannot be texted are counted by reason, each contact under its first reason.
import type { AppContext } from "~/context.server";
import { sqlBuildersOf, type SqlBuilders } from "~/db.server";
import { parseSegmentRules, segmentSql, type SegmentRules } from "./segment-rules";

export interface SegmentSize {
  /** Contacts the rules match who can be sent marketing. */
  size: number;
  leftOut: { suppressed: number; optedOut: number; noConsent: number };
}

/** The playbooks' segments, ready-made in every shop. */
export const PLAYBOOK_SEGMENTS: { playbook: string; name: string; rules: SegmentRules }[] = [
  { playbook: "new_customers", name: "New customers (first order in the last 30 days)", rules: { field: "first_order_days_ago", op: "<", value: 30 } },
  { playbook: "repeat_buyers", name: "Repeat buyers (2+ orders)", rules: { field: "orders_count", op: ">=", value: 2 } },
  {
    playbook: "vips",
    name: "VIPs (3+ orders or $500+ spent)",
    rules: { any: [{ field: "orders_count", op: ">=", value: 3 }, { field: "total_spent", op: ">=", value: 500 }] },
  },
  { playbook: "cart_abandoners", name: "Cart abandoners (last 7 days)", rules: { field: "abandoned_checkout_hours_ago", op: "<", value: 168 } },
  { playbook: "win_back", name: "Win-back (no order in 90 days)", rules: { field: "last_order_days_ago", op: ">=", value: 90 } },
];

/** Who may be sent marketing, as a condition on `"Contact"` aliased `c`. */
export function textableSql(builders: SqlBuilders) {
  return builders.sql`(c."marketingConsent" AND c."optedOutAt" IS NULL AND c."suppressedAt" IS NULL)`;
}

interface SizeRow {
  size: bigint | number | null;
  suppressed: bigint | number | null;
  optedOut: bigint | number | null;
  noConsent: bigint | number | null;
}

/** In one pass: who the rules match and can be texted, and who they match but cannot, by first reason. */
export async function sizeOfSegment(ctx: AppContext, shopId: string, rules: SegmentRules): Promise<SegmentSize> {
  const builders = sqlBuildersOf(ctx.db);
  const { sql } = builders;
  const [row] = await ctx.db.$queryRaw<SizeRow[]>(sql`
    SELECT
      SUM(CASE WHEN ${textableSql(builders)} THEN 1 ELSE 0 END) AS "size",
      SUM(CASE WHEN c."suppressedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "suppressed",
      SUM(CASE WHEN c."suppressedAt" IS NULL AND c."optedOutAt" IS NOT NULL THEN 1 ELSE 0 END) AS "optedOut",
      SUM(CASE WHEN c."suppressedAt" IS NULL AND c."optedOutAt" IS NULL AND NOT c."marketingConsent" THEN 1 ELSE 0 END) AS "noConsent"
    FROM "Contact" c
    WHERE c."shopId" = ${shopId} AND ${segmentSql(rules, { shopId, now: ctx.clock.now() }, builders)}`);
  const n = (value: bigint | number | null | undefined) => Number(value ?? 0);
  return { size: n(row?.size), leftOut: { suppressed: n(row?.suppressed), optedOut: n(row?.optedOut), noConsent: n(row?.noConsent) } };
}

export type SegmentSave = { ok: true; segment: { id: string; name: string } } | { ok: false; error: string; field: string };

export async function saveSegment(ctx: AppContext, shopId: string, input: { name: unknown; rules: unknown; id?: string }): Promise<SegmentSave> {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > 100) return { ok: false, error: "Give the segment a name of up to 100 characters", field: "name" };
  const parsed = parseSegmentRules(input.rules);
  if (!parsed.ok) return parsed;
  const clash = await ctx.db.segment.findFirst({ where: { shopId, name, ...(input.id && { id: { not: input.id } }) }, select: { id: true } });
  if (clash) return { ok: false, error: "Another segment has this name", field: "name" };
  const data = { name, rules: JSON.stringify(parsed.rules) };
  if (input.id) {
    const { count } = await ctx.db.segment.updateMany({ where: { id: input.id, shopId, playbook: null }, data });
    if (count === 0) return { ok: false, error: "No such segment of yours (ready-made segments cannot be changed)", field: "id" };
    return { ok: true, segment: { id: input.id, name } };
  }
  const segment = await ctx.db.segment.create({ data: { shopId, ...data } });
  return { ok: true, segment: { id: segment.id, name } };
}

/** The shop's segments, ready-made ones first; the playbook ones are made the first time they are asked for. */
export async function listSegments(ctx: AppContext, shopId: string) {
  await ensurePlaybookSegments(ctx, shopId);
  const segments = await ctx.db.segment.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } });
  const rank = (playbook: string | null) => (playbook ? PLAYBOOK_SEGMENTS.findIndex((p) => p.playbook === playbook) : PLAYBOOK_SEGMENTS.length);
  return segments
    .sort((a, b) => rank(a.playbook) - rank(b.playbook))
    .map((segment) => ({ ...segment, rules: JSON.parse(segment.rules) as SegmentRules }));
}

/** One of the shop's segments; another shop's id is not found. */
export async function findSegment(ctx: AppContext, shopId: string, id: string) {
  const segment = await ctx.db.segment.findFirst({ where: { id, shopId } });
  return segment && { ...segment, rules: JSON.parse(segment.rules) as SegmentRules };
}

export async function removeSegment(ctx: AppContext, shopId: string, id: string) {
  return (await ctx.db.segment.deleteMany({ where: { id, shopId, playbook: null } })).count;
}

async function ensurePlaybookSegments(ctx: AppContext, shopId: string) {
  const existing = await ctx.db.segment.findMany({ where: { shopId, playbook: { not: null } }, select: { playbook: true } });
  for (const { playbook, name, rules } of PLAYBOOK_SEGMENTS.filter((p) => !existing.some((e) => e.playbook === p.playbook))) {
    // A merchant's own segment of the same name stays theirs.
    await ctx.db.segment.upsert({ where: { shopId_name: { shopId, name } }, create: { shopId, playbook, name, rules: JSON.stringify(rules) }, update: {} });
  }
}

/** A segment as the API and the pages show it, sized now; null for another shop's or no segment. */
export async function segmentView(ctx: AppContext, shopId: string, id: string) {
  const segment = await findSegment(ctx, shopId, id);
  if (!segment) return null;
  const { size, leftOut } = await sizeOfSegment(ctx, shopId, segment.rules);
  return { id: segment.id, name: segment.name, rules: segment.rules, readyMade: Boolean(segment.playbook), size, leftOut };
}
