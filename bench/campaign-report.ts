// A campaign's report (what GET /api/v1/campaigns/:id shows per arm) for a campaign launched to
// 100,000 recipients, called in-process: campaignReport, HTTP excluded. Baseline: the same report
// for a 1,000-recipient campaign of another shop in the same database.
import { systemClock } from "~/clock.server";
import { campaignReport } from "~/marketing/campaign-report.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { bulkInsertDialect } from "./support/bulk-insert";
import { ms, percentile, ratio, timed, type Table, sampleLatency } from "./support/stats";

const P95_GOAL_MS = 200;
const HOUR_SECONDS = 3_600;
const DAY_SECONDS = 24 * HOUR_SECONDS;
/** Launched ten days ago: the five-day window has closed. */
const LAUNCHED_DAYS_AGO = 10;

interface ReportSizes {
  campaignRecipients: number;
  calls: number;
}

/**
 * A launched campaign: every contact a recipient (10 % holdout, the rest split A/B), due over
 * 24 hours; a text for each (2 % failed, 2 % sent, the rest delivered) with a tracked link, one
 * in seven clicked; a reply from one in 30 (one in five of them STOP); two orders each before
 * launch, one in twelve ordering in the window; one in a hundred opting out.
 */
async function seedLaunchedCampaign(database: BenchDatabase, shopId: string, key: string, count: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const launch = now - LAUNCHED_DAYS_AGO * DAY_SECONDS;
  const { at, insert } = bulkInsertDialect(database.engine, launch);
  const { db } = database;
  const campaign = await db.campaign.create({
    data: {
      shopId, name: `Bench ${key}`, status: "sent", schedule: JSON.stringify({ type: "now" }), holdoutPercent: 10, launchedAt: new Date(launch * 1000),
      variants: { create: [{ name: "A", body: "Spring sale A", weight: 1 }, { name: "B", body: "Spring sale B", weight: 1 }] },
    },
  });
  const arm = "(CASE WHEN i % 10 = 0 THEN 'holdout' WHEN i % 2 = 1 THEN 'A' ELSE 'B' END)";
  const textCampaign = `(CASE WHEN i % 10 = 0 THEN NULL ELSE '${campaign.id}' END)`;
  const textArm = "(CASE WHEN i % 10 = 0 THEN NULL WHEN i % 2 = 1 THEN 'A' ELSE 'B' END)";
  const statements = [
    insert(count, `"Contact" ("id", "createdAt", "updatedAt", "shopId", "phone", "marketingConsent")`,
      `'${key}c' || i, ${at("0")}, ${at("0")}, '${shopId}', '+1646' || (3000000 + i), ${database.engine === "postgresql" ? "true" : "1"}`),
    // The holdout's texts are someone else's (no campaign): the shop's other traffic.
    insert(count, `"Message" ("id", "createdAt", "updatedAt", "shopId", "contactId", "campaignId", "campaignArm", "direction", "purpose", "body", "fromNumber", "toNumber", "status", "cost", "occurredAt")`,
      `'${key}m' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}c' || i, ${textCampaign}, ${textArm},
       'outbound', 'marketing', 'Bench Outfitters: spring sale, 20 % off', '+13125550100', '+1646' || (3000000 + i),
       (CASE i % 50 WHEN 1 THEN 'failed' WHEN 2 THEN 'sent' ELSE 'delivered' END), 0.0079, ${at(`(i % 24) * ${HOUR_SECONDS}`)}`),
    insert(count, `"CampaignRecipient" ("campaignId", "contactId", "shopId", "arm", "sendAt", "status", "messageId")`,
      `'${campaign.id}', '${key}c' || i, '${shopId}', ${arm}, ${at(`(i % 24) * ${HOUR_SECONDS}`)},
       (CASE WHEN i % 10 = 0 THEN 'held_out' ELSE 'sent' END), (CASE WHEN i % 10 = 0 THEN NULL ELSE '${key}m' || i END)`),
    insert(count, `"Link" ("id", "createdAt", "updatedAt", "shopId", "code", "target", "messageId", "campaignId", "campaignArm", "clicks")`,
      `'${key}l' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}l' || i, 'https://bench.example/sale', '${key}m' || i, ${textCampaign}, ${textArm}, (CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END)`),
    insert(Math.floor(count / 30), `"Message" ("id", "createdAt", "updatedAt", "shopId", "contactId", "campaignId", "direction", "body", "fromNumber", "toNumber", "status", "occurredAt")`,
      `'${key}r' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}c' || (i * 30 + 1 + (i % 2) * 6), '${campaign.id}', 'inbound',
       (CASE WHEN i % 5 = 0 THEN 'STOP' ELSE 'Is this on the jackets too?' END), '+1646' || (3000000 + i * 30 + 1 + (i % 2) * 6), '+13125550100', 'received',
       ${at(`${DAY_SECONDS} + i`)}`),
    insert(count * 2, `"Order" ("id", "createdAt", "updatedAt", "shopId", "contactId", "shopifyOrderId", "name", "phone", "totalPrice", "currency", "placedAt")`,
      `'${key}h' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}c' || (i % ${count}), '${key}h' || i, '#H' || i, '+1646' || (3000000 + i % ${count}), 20 + (i % 17) * 5.5, 'USD',
       ${at(`-(1 + i % 300) * ${DAY_SECONDS}`)}`),
    insert(Math.floor(count / 12), `"Order" ("id", "createdAt", "updatedAt", "shopId", "contactId", "shopifyOrderId", "name", "phone", "totalPrice", "currency", "placedAt")`,
      `'${key}o' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}c' || (i * 12 + i % 7), '${key}o' || i, '#' || i, '+1646' || (3000000 + i * 12 + i % 7), 20 + (i % 17) * 5.5, 'USD',
       ${at(`(i % 100) * ${HOUR_SECONDS}`)}`),
    insert(Math.floor(count / 100), `"ConsentEvent" ("id", "createdAt", "updatedAt", "shopId", "contactId", "phone", "scope", "granted", "source", "text", "occurredAt")`,
      `'${key}e' || i, ${at("0")}, ${at("0")}, '${shopId}', '${key}c' || (i * 100 + 3), '+1646' || (3000000 + i * 100 + 3), 'marketing',
       ${database.engine === "postgresql" ? "false" : "0"}, 'keyword', 'STOP', ${at(`(i % 48) * ${HOUR_SECONDS}`)}`),
  ];
  for (const statement of statements) await db.$executeRawUnsafe(statement);
  return campaign.id;
}


export async function benchCampaignReport(database: BenchDatabase, sizes: ReportSizes): Promise<Table> {
  const { db } = database;
  const big = await createBenchShop(db, "bench-campaign-report.myshopify.com", "+13125550181");
  const small = await createBenchShop(db, "bench-campaign-report-small.myshopify.com", "+13125550182");
  const seedStart = performance.now();
  const bigCampaign = await seedLaunchedCampaign(database, big.id, "b", sizes.campaignRecipients);
  const smallCampaign = await seedLaunchedCampaign(database, small.id, "s", 1_000);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // What autovacuum does within a minute of such a load on PostgreSQL: statistics, and the
  // visibility map without which no scan is index-only.
  await db.$executeRawUnsafe(database.engine === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");

  const ctx = { db, clock: systemClock };
  const report = (await campaignReport(ctx, big.id, bigCampaign))!;
  const large = await sampleLatency(sizes.calls, () => campaignReport(ctx, big.id, bigCampaign));
  const baseline = await sampleLatency(sizes.calls, () => campaignReport(ctx, small.id, smallCampaign));
  const met = large.p95 < P95_GOAL_MS;
  const arms = report.arms.map((a) => `${a.name} ${a.recipients.toLocaleString("en-US")} recipients, ${a.orders.toLocaleString("en-US")} orders, ${a.clicks.toLocaleString("en-US")} clicks`);
  return {
    title: `14. Campaign report: ${sizes.campaignRecipients.toLocaleString("en-US")} recipients`,
    columns: ["report", "recipients", "p50", "p95", "baseline p95 (1,000 recipients)", "p95/baseline", `goal p95 < ${P95_GOAL_MS} ms`],
    rows: [["campaignReport (every arm, lift, winner)", report.lift.treatedRecipients + report.lift.holdoutRecipients + "", ms(large.p50), ms(large.p95), ms(baseline.p95), ratio(large.p95, baseline.p95), met ? "met" : "MISSED"]],
    notes: [
      `Seeded in ${seedSeconds.toFixed(1)} s with set-based INSERT … SELECT: a launched campaign (10 % holdout, A/B) with a text and a tracked link per treated recipient, replies from one in 30, two orders per contact before launch and one in twelve ordering in the window, one in a hundred opting out; the same shape at 1,000 recipients in another shop.`,
      `Each figure: ${sizes.calls} calls after 3 warm-up calls of campaignReport in this process (the recipients and last due time per arm, then five statements grouped by arm, the replies read and classified), HTTP excluded.`,
      `The report read: ${arms.join("; ")}.`,
    ],
  };
}
