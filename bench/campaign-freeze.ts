// Freezing a campaign's audience at launch for a segment of 100,000 textable contacts: the
// freeze's INSERT … SELECT with each contact's arm, and freezeAudience (what launchCampaign
// calls) for a send now and a local-time send, in-process. Baseline: a plain INSERT … SELECT of
// the same contacts' ids into CampaignRecipient, with a constant arm and no due time.
import { systemClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { engineOf, sqlBuildersOf } from "~/db.server";
import { armShares, armSql } from "~/marketing/campaign-arms";
import { freezeAudience } from "~/marketing/campaign-audience.server";
import type { CampaignSchedule } from "~/marketing/campaign-input";
import { textableSql } from "~/marketing/segments.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { bulkInsertDialect } from "./support/bulk-insert";
import { ratio, timed, type Table } from "./support/stats";

const GOAL_SECONDS = 10;
const RUNS = 3;
/** New York, Los Angeles, Honolulu, Chicago, and London numbers, so "local" meets several zones. */
const PREFIXES = ["+1212", "+1310", "+1808", "+1312", "+4420"];

interface FreezeSizes {
  freezeContacts: number;
}

/** The textable contacts, and one in eleven more without marketing consent that the freeze must leave out. */
async function seedContacts(database: BenchDatabase, shopId: string, textable: number) {
  const count = Math.round((textable * 11) / 10);
  const { at, insert } = bulkInsertDialect(database.engine, Math.floor(Date.now() / 1000));
  const consent = database.engine === "postgresql" ? "(i % 11 <> 10)" : "(CASE WHEN i % 11 <> 10 THEN 1 ELSE 0 END)";
  const prefix = `(CASE i % ${PREFIXES.length} ${PREFIXES.map((p, j) => `WHEN ${j} THEN '${p}'`).join(" ")} END)`;
  await database.db.$executeRawUnsafe(
    insert(count, `"Contact" ("id", "createdAt", "updatedAt", "shopId", "phone", "marketingConsent", "consentSource")`,
      `'fc' || i, ${at("0")}, ${at("0")}, '${shopId}', ${prefix} || (5000000 + i), ${consent}, 'checkout'`),
  );
}

type Runs = { median: number; max: number; recipients: number } | { failed: string };

/** The runs' times, or the first run's error: a broken freeze is a row that says so, not a lost bench. */
async function runs(measure: () => Promise<{ recipients: number; ms: number }>): Promise<Runs> {
  const results: { recipients: number; ms: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) results.push(await measure());
  } catch (error) {
    return { failed: (error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean).at(-1)!.slice(0, 160) };
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], max: times[RUNS - 1], recipients: results[0].recipients };
}

async function freshCampaign(ctx: AppContext, shopId: string, schedule: CampaignSchedule) {
  return ctx.db.campaign.create({
    data: {
      shopId, name: `Freeze ${schedule.type} ${Date.now()}`, schedule: JSON.stringify(schedule), holdoutPercent: 10,
      variants: { create: [{ name: "A", body: "Spring sale A", weight: 1 }, { name: "B", body: "Spring sale B", weight: 1 }] },
    },
  });
}

async function frozenCount(ctx: AppContext, campaignId: string) {
  const recipients = await ctx.db.campaignRecipient.count({ where: { campaignId } });
  await ctx.db.campaignRecipient.deleteMany({ where: { campaignId } });
  return recipients;
}

export async function benchCampaignFreeze(database: BenchDatabase, sizes: FreezeSizes): Promise<Table> {
  const { db } = database;
  const ctx: AppContext = { db, clock: systemClock };
  const shop = await createBenchShop(db, "bench-campaign-freeze.myshopify.com", "+13125550191");
  await seedContacts(database, shop.id, sizes.freezeContacts);
  await db.$executeRawUnsafe("ANALYZE");
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const freeze = (schedule: CampaignSchedule) => async () => {
    const campaign = await freshCampaign(ctx, shop.id, schedule);
    const { ms } = await timed(() =>
      freezeAudience(ctx, {
        campaignId: campaign.id, shopId: shop.id, shopTimeZone: shop.ianaTimezone, rules: { all: [] }, holdoutPercent: campaign.holdoutPercent,
        variants: [{ name: "A", weight: 1 }, { name: "B", weight: 1 }], schedule, spreadHours: 0,
      }),
    );
    return { recipients: await frozenCount(ctx, campaign.id), ms };
  };
  // The freeze's statement alone: the textable contacts with their arm, or (the baseline) a constant.
  const insertSelect = (withArm: boolean) => async () => {
    const campaign = await freshCampaign(ctx, shop.id, { type: "now" });
    const builders = sqlBuildersOf(db);
    const { sql } = builders;
    const arm = withArm ? armSql(campaign.id, armShares(10, [{ name: "A", weight: 1 }, { name: "B", weight: 1 }]), builders, engineOf(db)) : sql`'A'`;
    const { ms } = await timed(() =>
      db.$executeRaw(sql`
        INSERT INTO "CampaignRecipient" ("campaignId", "contactId", "shopId", "arm", "status")
        SELECT ${campaign.id}, c."id", ${shop.id}, ${arm}, 'pending' FROM "Contact" c
        WHERE c."shopId" = ${shop.id} AND ${textableSql(builders)}`),
    );
    return { recipients: await frozenCount(ctx, campaign.id), ms };
  };

  const baseline = await runs(insertSelect(false));
  if ("failed" in baseline) throw new Error(`The baseline insert failed: ${baseline.failed}`);
  const rows = [
    ["INSERT … SELECT with each contact's arm (the freeze's statement, armSql)", await runs(insertSelect(true))],
    ["freezeAudience, send now", await runs(freeze({ type: "now" }))],
    ["freezeAudience, 10:00 in each recipient's zone (read with arms, due times by zones, inserted in chunks)", await runs(freeze({ type: "local", date: tomorrow, time: "10:00" }))],
  ] as const;
  const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
  return {
    title: `15. Freezing a campaign's audience: ${sizes.freezeContacts.toLocaleString("en-US")} textable contacts`,
    columns: ["freeze", "recipients", "median", "max", "baseline median (plain INSERT … SELECT of the ids)", "median/baseline", `goal < ${GOAL_SECONDS} s`],
    rows: rows.map(([label, r]) =>
      "failed" in r
        ? [label, "—", "—", "—", seconds(baseline.median), "—", `FAILED: ${r.failed}`]
        : [label, r.recipients.toLocaleString("en-US"), seconds(r.median), seconds(r.max), seconds(baseline.median), ratio(r.median, baseline.median), r.max < GOAL_SECONDS * 1000 ? "met" : "MISSED"],
    ),
    notes: [
      `${Math.round((sizes.freezeContacts * 11) / 10).toLocaleString("en-US")} contacts in one shop, one in eleven without marketing consent (left out); numbers in New York, Los Angeles, Honolulu, Chicago and London.`,
      `Each row: ${RUNS} launches of a fresh A/B campaign with a 10 % holdout, in-process, outside a transaction; the recipients are deleted between runs, untimed. freezeAudience is the engine's freeze (app/marketing/campaign-audience.server.ts); the first row is its INSERT … SELECT alone, with the engine's armSql.`,
      `The baseline (${baseline.recipients.toLocaleString("en-US")} rows) inserts the same textable contacts with a constant arm: the cost of the insert itself, without the arm's hash or due times.`,
    ],
  };
}
