// A segment's rules: conditions on what the app knows of each contact, in nested all/any groups,
// turned into one database filter. Times are "days ago" (or hours for abandoned checkouts)
// counted back from now; a contact with no such event (never ordered, never replied) matches no
// condition on it, whatever the operator.
import { z } from "zod";
import type { Prisma } from "../../prisma/generated/sqlite/index.js";

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

/** The contacts the rules describe, as a filter on Contact, at this moment. */
export function segmentWhere(rules: SegmentRules, now: Date): Prisma.ContactWhereInput {
  if ("all" in rules) return { AND: rules.all.map((rule) => segmentWhere(rule, now)) };
  if ("any" in rules) return rules.any.length === 0 ? { id: { in: [] } } : { OR: rules.any.map((rule) => segmentWhere(rule, now)) };
  return conditionWhere(rules, now);
}

function conditionWhere({ field, op, value }: Condition, now: Date): Prisma.ContactWhereInput {
  if (field === "tag") return tagWhere(op, value as string | string[]);
  if (field in NUMBER_FIELDS) return { [NUMBER_FIELDS[field as keyof typeof NUMBER_FIELDS]]: comparison(op, value as number | number[]) };
  if (field in TEXT_FIELDS) {
    const { column, upper } = TEXT_FIELDS[field as keyof typeof TEXT_FIELDS];
    const normal = (v: string) => (upper ? v.toUpperCase() : v);
    const filter = Array.isArray(value) ? { in: (value as string[]).map(normal) } : op === "!=" ? { not: normal(value as string) } : normal(value as string);
    return { [column]: filter };
  }
  const { column, unitMs } = AGE_FIELDS[field as keyof typeof AGE_FIELDS];
  return ageWhere(column, op, value as number | number[], now, unitMs);
}

function comparison(op: Operator, value: number | number[]) {
  switch (op) {
    case "=": return { equals: value as number };
    case "!=": return { not: value as number };
    case "<": return { lt: value as number };
    case "<=": return { lte: value as number };
    case ">": return { gt: value as number };
    case ">=": return { gte: value as number };
    case "in": return { in: value as number[] };
  }
}

// "n days ago" is the whole number of days since the event: 0 today, 1 from 24 h to 48 h ago.
// More days ago is an earlier time, so the comparisons turn around.
function ageWhere(column: string, op: Operator, value: number | number[], now: Date, unitMs: number): Prisma.ContactWhereInput {
  const ago = (n: number) => new Date(now.getTime() - n * unitMs);
  const exactly = (n: number) => ({ [column]: { lte: ago(n), gt: ago(n + 1) } });
  switch (op) {
    case "=": return exactly(value as number);
    case "!=": return { [column]: { not: null }, NOT: exactly(value as number) };
    case "<": return { [column]: { gt: ago(value as number) } };
    case "<=": return { [column]: { gt: ago((value as number) + 1) } };
    case ">": return { [column]: { lte: ago((value as number) + 1) } };
    case ">=": return { [column]: { lte: ago(value as number) } };
    case "in": return { OR: (value as number[]).map(exactly) };
  }
}

function tagWhere(op: Operator, value: string | string[]): Prisma.ContactWhereInput {
  const tags = (Array.isArray(value) ? value : [value]).map((tag) => tag.trim().toLowerCase());
  return op === "!=" ? { tags: { none: { tag: { in: tags } } } } : { tags: { some: { tag: { in: tags } } } };
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
