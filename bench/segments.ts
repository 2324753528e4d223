// A segment's live count (what the builder shows as rules change) on a shop of 100,000
// contacts, called in-process: sizeOfSegment, the function the Segments page's count action
// calls (HTTP excluded). Baseline: the same rules on a 1,000-contact shop in the same database.
import { systemClock } from "~/clock.server";
import type { SegmentRules } from "~/marketing/segment-rules";
import { PLAYBOOK_SEGMENTS, sizeOfSegment } from "~/marketing/segments.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { bulkInsertDialect } from "./support/bulk-insert";
import { ms, percentile, ratio, timed, type Table, sampleLatency } from "./support/stats";

const P95_GOAL_MS = 300;
const DAY_SECONDS = 86_400;
const COUNTRIES = ["US", "US", "US", "CA", "GB", "AU"];
const STATES = ["NY", "CA", "TX", "FL", "IL", "HI"];

interface SegmentSizes {
  segmentContacts: number;
  calls: number;
}

/**
 * Contacts with a spread of histories: 0–6 orders, spend, order dates over two years, replies,
 * clicks and abandoned checkouts over months; 80 % with marketing consent, 5 % opted out, 1 %
 * suppressed; one in three tagged "vip-list", one in five "newsletter".
 */
async function seedContacts(database: BenchDatabase, shopId: string, key: string, count: number) {
  const now = Math.floor(Date.now() / 1000);
  const { at, insert } = bulkInsertDialect(database.engine, now);
  const daysAgo = (days: string) => at(`-(${days}) * ${DAY_SECONDS}`);
  const pick = (list: string[], i: string) => `(CASE ${i} % ${list.length} ${list.map((v, j) => `WHEN ${j} THEN '${v}'`).join(" ")} END)`;
  const bool = (condition: string) => (database.engine === "postgresql" ? `(${condition})` : `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  await database.db.$executeRawUnsafe(
    insert(
      count,
      `"Contact" ("id", "createdAt", "updatedAt", "shopId", "phone", "marketingConsent", "transactionalConsent", "optedOutAt", "suppressedAt",
        "consentSource", "ordersCount", "totalSpent", "firstOrderAt", "lastOrderAt", "countryCode", "provinceCode", "lastRepliedAt", "lastClickedAt", "lastAbandonedAt")`,
      `'${key}c' || i, ${at("0")}, ${at("0")}, '${shopId}', '+1646' || (2000000 + i),
       ${bool("i % 5 <> 0")}, ${bool("true")},
       (CASE WHEN i % 20 = 1 THEN ${daysAgo("i % 30")} ELSE NULL END),
       (CASE WHEN i % 100 = 2 THEN ${daysAgo("i % 30")} ELSE NULL END),
       ${pick(["checkout", "keyword", "shopify_import", "csv_import", "api"], "i")},
       i % 7, (i % 7) * 45.5 + (i % 13),
       (CASE WHEN i % 7 = 0 THEN NULL ELSE ${daysAgo("200 + i % 500")} END),
       (CASE WHEN i % 7 = 0 THEN NULL ELSE ${daysAgo("i % 200")} END),
       ${pick(COUNTRIES, "i")}, (CASE WHEN i % 6 < 3 THEN ${pick(STATES, "(i / 6)")} ELSE NULL END),
       (CASE WHEN i % 3 = 0 THEN ${daysAgo("i % 60")} ELSE NULL END),
       (CASE WHEN i % 4 = 0 THEN ${daysAgo("i % 90")} ELSE NULL END),
       (CASE WHEN i % 9 = 0 THEN ${daysAgo("(i % 400) / 24.0")} ELSE NULL END)`,
    ),
  );
  await database.db.$executeRawUnsafe(
    insert(Math.ceil(count / 3), `"ContactTag" ("createdAt", "shopId", "contactId", "tag")`, `${at("0")}, '${shopId}', '${key}c' || (i * 3), 'vip-list'`),
  );
  await database.db.$executeRawUnsafe(
    insert(Math.ceil(count / 5), `"ContactTag" ("createdAt", "shopId", "contactId", "tag")`, `${at("0")}, '${shopId}', '${key}c' || (i * 5 + 1), 'newsletter'`),
  );
}

const RULES: [string, SegmentRules][] = [
  ...PLAYBOOK_SEGMENTS.map(({ name, rules }): [string, SegmentRules] => [name, rules]),
  [
    "nested: US (NY or CA), tagged, clicked in 30 days, 2+ orders",
    {
      all: [
        { field: "country", op: "=", value: "US" },
        { any: [{ field: "state", op: "in", value: ["NY", "CA"] }, { field: "tag", op: "=", value: "vip-list" }] },
        { field: "clicked_days_ago", op: "<=", value: 30 },
        { field: "orders_count", op: ">=", value: 2 },
      ],
    },
  ],
];


export async function benchSegments(database: BenchDatabase, sizes: SegmentSizes): Promise<Table> {
  const { db } = database;
  const big = await createBenchShop(db, "bench-segments.myshopify.com", "+13125550171");
  const small = await createBenchShop(db, "bench-segments-small.myshopify.com", "+13125550172");
  const seedStart = performance.now();
  await seedContacts(database, big.id, "b", sizes.segmentContacts);
  await seedContacts(database, small.id, "s", 1_000);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // Both engines plan better with statistics; PostgreSQL's autovacuum would gather them within a minute.
  await db.$executeRawUnsafe("ANALYZE");

  const ctx = { db, clock: systemClock };
  const rows: string[][] = [];
  let missed = 0;
  for (const [label, rules] of RULES) {
    const { value } = await timed(() => sizeOfSegment(ctx, big.id, rules));
    const large = await sampleLatency(sizes.calls, () => sizeOfSegment(ctx, big.id, rules));
    const baseline = await sampleLatency(sizes.calls, () => sizeOfSegment(ctx, small.id, rules));
    if (large.p95 >= P95_GOAL_MS) missed += 1;
    rows.push([label, value.size.toLocaleString("en-US"), ms(large.p50), ms(large.p95), ms(baseline.p95), ratio(large.p95, baseline.p95), large.p95 < P95_GOAL_MS ? "met" : "MISSED"]);
  }
  return {
    title: `13. Segment live count: ${sizes.segmentContacts.toLocaleString("en-US")} contacts in one shop`,
    columns: ["segment", "textable", "p50", "p95", "baseline p95 (1,000-contact shop)", "p95/baseline", `goal p95 < ${P95_GOAL_MS} ms`],
    rows,
    notes: [
      `Seeded in ${seedSeconds.toFixed(1)} s with set-based INSERT … SELECT: contacts with 0–6 orders, order dates over two years, replies, clicks and abandoned checkouts, 80 % with marketing consent, 5 % opted out, 1 % suppressed, tags on one in three and one in five.`,
      `Each figure: ${sizes.calls} calls after 3 warm-up calls of sizeOfSegment in this process (the Segments page's count: the textable size and the three left-out counts), HTTP excluded.`,
      missed === 0 ? "Every segment met the goal." : `${missed} segment(s) missed the goal.`,
    ],
  };
}
