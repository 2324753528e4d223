// A segment's rules: conditions on what the app knows of each contact, in nested all/any groups,
// turned into one database filter. Times are "days ago" (or hours for abandoned checkouts)
// counted back from now; a contact with no such event (never ordered, never replied) matches no
// condition on it, whatever the operator.
import { z } from "zod";
import type { SqlBuilders } from "~/db.server";

const NUMBER_FIELDS = {
  orders_count: "ordersCount",
  total_spent: "totalSpent",
} as const;

const AGE_FIELDS = {
  first_order_days_ago: { column: "firstOrderAt", unitMs: 86_400_000 },
  last_order_days_ago: { column: "lastOrderAt", unitMs: 86_400_000 },
  abandoned_checkout_hours_ago: { column: "lastAbandonedAt", unitMs: 3_600_000 },
  replied_days_ago: { column: "lastRepliedAt", unitMs: 86_400_000 },
  clicked_days_ago: { column: "lastClickedAt", unitMs: 86_400_000 },
} as const;

const TEXT_FIELDS = {
  country: { column: "countryCode", upper: true },
  state: { column: "provinceCode", upper: true },
  consent_source: { column: "consentSource", upper: false },
} as const;

export const SEGMENT_FIELDS: [string, ...string[]] = ["tag", ...Object.keys(NUMBER_FIELDS), ...Object.keys(AGE_FIELDS), ...Object.keys(TEXT_FIELDS)];
const ORDERING = ["<", "<=", ">", ">="] as const;
export const OPERATORS = ["=", "!=", ...ORDERING, "in"] as const;
export type Operator = (typeof OPERATORS)[number];

const Scalar = z.union([z.number().finite(), z.string().trim().min(1).max(100)]);
const Condition = z
  .object({ field: z.enum(SEGMENT_FIELDS), op: z.enum(OPERATORS), value: z.union([Scalar, z.array(Scalar).min(1).max(100)]) })
  .strict()
  .superRefine((condition, issues) => {
    const problem = conditionProblem(condition);
    if (problem) issues.addIssue({ code: "custom", message: problem, path: ["value"] });
  });
export type Condition = z.infer<typeof Condition>;

export type SegmentRules = Condition | { all: SegmentRules[] } | { any: SegmentRules[] };
const MAX_DEPTH = 5;
export const SegmentRules: z.ZodType<SegmentRules> = z.lazy(() =>
  z.union([Condition, z.object({ all: z.array(SegmentRules).max(50) }).strict(), z.object({ any: z.array(SegmentRules).max(50) }).strict()]),
);

/** Rules as stored or posted, checked; depth is limited so a filter stays a filter. */
export function parseSegmentRules(input: unknown): { ok: true; rules: SegmentRules } | { ok: false; error: string; field: string } {
  const parsed = SegmentRules.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: issue.message, field: ["rules", ...issue.path].join(".") };
  }
  if (depthOf(parsed.data) > MAX_DEPTH) return { ok: false, error: `Groups nest at most ${MAX_DEPTH} deep`, field: "rules" };
  return { ok: true, rules: parsed.data };
}

function conditionProblem({ field, op, value }: { field: string; op: Operator; value: unknown }): string | null {
  const values = Array.isArray(value) ? value : [value];
  if (op === "in" ? !Array.isArray(value) : Array.isArray(value)) return op === "in" ? "in takes a list" : `${op} takes one value`;
  const numeric = field in NUMBER_FIELDS || field in AGE_FIELDS;
  if (numeric && !values.every((v) => typeof v === "number" && v >= 0)) return `${field} compares with numbers of 0 or more`;
  if (!numeric && !values.every((v) => typeof v === "string")) return `${field} compares with text`;
  if (!numeric && (ORDERING as readonly string[]).includes(op)) return `${op} does not apply to ${field}; use =, != or in`;
  return null;
}

function depthOf(rules: SegmentRules): number {
  if ("field" in rules) return 0;
  const children = "all" in rules ? rules.all : rules.any;
  return 1 + Math.max(0, ...children.map(depthOf));
}

type Sql = ReturnType<SqlBuilders["sql"]>;

/**
 * The contacts the rules describe, at this moment, as a condition on `"Contact"` aliased `c`:
 * one statement can then count the audience and every reason for leaving someone out in a
 * single pass over the shop's contacts.
 */
export function segmentSql(rules: SegmentRules, at: { shopId: string; now: Date }, builders: SqlBuilders): Sql {
  const { sql, join } = builders;
  if ("all" in rules) return rules.all.length === 0 ? sql`1 = 1` : sql`(${join(rules.all.map((rule) => segmentSql(rule, at, builders)), " AND ")})`;
  if ("any" in rules) return rules.any.length === 0 ? sql`1 = 0` : sql`(${join(rules.any.map((rule) => segmentSql(rule, at, builders)), " OR ")})`;
  return conditionSql(rules, at, builders);
}

function conditionSql({ field, op, value }: Condition, { shopId, now }: { shopId: string; now: Date }, { sql, join, raw }: SqlBuilders): Sql {
  const values = Array.isArray(value) ? value : [value];
  if (field === "tag") {
    // Uncorrelated, so both engines read the shop's tagged contacts once rather than once per contact.
    const tags = join(values.map((tag) => String(tag).trim().toLowerCase()));
    const tagged = sql`c."id" IN (SELECT t."contactId" FROM "ContactTag" t WHERE t."shopId" = ${shopId} AND t."tag" IN (${tags}))`;
    return op === "!=" ? sql`NOT ${tagged}` : tagged;
  }
  if (field in TEXT_FIELDS) {
    const { column, upper } = TEXT_FIELDS[field as keyof typeof TEXT_FIELDS];
    const texts = values.map((v) => (upper ? String(v).toUpperCase() : String(v)));
    const col = raw(`c."${column}"`);
    if (op === "in") return sql`${col} IN (${join(texts)})`;
    return op === "!=" ? sql`${col} <> ${texts[0]}` : sql`${col} = ${texts[0]}`;
  }
  if (field in NUMBER_FIELDS) {
    const col = raw(`c."${NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS]}"`);
    if (op === "in") return sql`${col} IN (${join(values)})`;
    return sql`${col} ${raw(op === "=" ? "=" : op === "!=" ? "<>" : op)} ${values[0]}`;
  }
  const { column, unitMs } = AGE_FIELDS[field as keyof typeof AGE_FIELDS];
  const col = raw(`c."${column}"`);
  // "n days ago" is the whole number of days since the event: 0 today, 1 from 24 h to 48 h ago.
  // More days ago is an earlier time, so the comparisons turn around; NULL (no such event)
  // fails every comparison, so a contact who never ordered matches no condition on orders.
  const ago = (n: number) => new Date(now.getTime() - n * unitMs);
  const exactly = (n: number) => sql`(${col} <= ${ago(n)} AND ${col} > ${ago(n + 1)})`;
  const n = values[0] as number;
  switch (op) {
    case "=": return exactly(n);
    case "!=": return sql`(${col} IS NOT NULL AND NOT ${exactly(n)})`;
    case "<": return sql`${col} > ${ago(n)}`;
    case "<=": return sql`${col} > ${ago(n + 1)}`;
    case ">": return sql`${col} <= ${ago(n + 1)}`;
    case ">=": return sql`${col} <= ${ago(n)}`;
    case "in": return sql`(${join((values as number[]).map(exactly), " OR ")})`;
  }
}

export const FIELD_LABELS: Record<string, string> = {
  orders_count: "Orders",
  total_spent: "Total spent",
  first_order_days_ago: "Days since first order",
  last_order_days_ago: "Days since last order",
  abandoned_checkout_hours_ago: "Hours since an abandoned checkout",
  replied_days_ago: "Days since they last texted",
  clicked_days_ago: "Days since they last clicked",
  country: "Country",
  state: "State (US)",
  tag: "Tag",
  consent_source: "Consent source",
};

/** The rules in words, for lists and the campaign summary. */
export function describeRules(rules: SegmentRules): string {
  if ("field" in rules) {
    const value = Array.isArray(rules.value) ? rules.value.join(", ") : String(rules.value);
    return `${FIELD_LABELS[rules.field] ?? rules.field} ${rules.op === "in" ? "is one of" : rules.op} ${value}`;
  }
  const [children, joiner] = "all" in rules ? [rules.all, " and "] : [rules.any, " or "];
  const parts = children.map((child) => ("field" in child ? describeRules(child) : `(${describeRules(child)})`));
  return parts.length > 0 ? parts.join(joiner) : "everyone";
}
