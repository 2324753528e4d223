// Ingest: a burst of signed checkouts/update deliveries, each a new shopper who ticked the SMS
// box, against the app with its inline worker; measured from the first POST until the last
// delivery is applied (WebhookEvent.processedAt set: checkout, contact, consent, recovery
// timer). The baseline is the same burst's acknowledgement: from the first POST to the last 200.
import { CART_RECOVERY_STEP_JOB } from "~/flows/cart-recovery/schedule.server";
import { DEFAULT_CART_RECOVERY, withCartRecoverySettings } from "~/flows/cart-recovery/settings";
import type { Db } from "~/db.server";
import { BENCH_SECRET, BENCH_SHOP, type AppUnderTest } from "./support/app-under-test";
import { signedCheckoutRequests } from "./support/checkout-deliveries";
import { load } from "./support/load";
import { perSecond, seconds, verdict, waitFor } from "./support/sending";
import { ratio, type Table } from "./support/stats";

const GOAL_PER_SECOND = 1_000;
const CONNECTIONS = 50;
const APPLY_TIMEOUT_MS = 20 * 60_000;
const WARM_UP = 200;

export async function benchIngest(running: AppUnderTest, db: Db, shopId: string, sizes: { ingestDeliveries: number }): Promise<Table> {
  const n = sizes.ingestDeliveries;
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
  await db.shop.update({ where: { id: shopId }, data: { settings: withCartRecoverySettings(shop.settings, { ...DEFAULT_CART_RECOVERY, enabled: true }) } });
  const requests = signedCheckoutRequests(BENCH_SECRET, BENCH_SHOP, { smsConsent: true });
  const unapplied = { source: "shopify", shopDomain: BENCH_SHOP, processedAt: null };
  // A warm-up, as a running app has compiled these paths long before a burst.
  await load(running.app.url, { requests, connections: CONNECTIONS, amount: WARM_UP });
  await waitFor(async () => (await db.webhookEvent.count({ where: unapplied })) === 0, APPLY_TIMEOUT_MS, "the warm-up to be applied");
  const started = Date.now();
  const delivered = { source: "shopify", shopDomain: BENCH_SHOP, receivedAt: { gte: new Date(started) } };
  const burst = await load(running.app.url, { requests, connections: CONNECTIONS, amount: n });
  const acknowledgedMs = Date.now() - started;
  const accepted = await db.webhookEvent.count({ where: delivered });
  await waitFor(async () => (await db.webhookEvent.count({ where: { ...delivered, processedAt: null } })) === 0, APPLY_TIMEOUT_MS, "deliveries to be applied");
  const last = await db.webhookEvent.aggregate({ where: delivered, _max: { processedAt: true } });
  const appliedMs = last._max.processedAt!.getTime() - started;
  const [checkouts, consents, timers] = await Promise.all([
    db.checkout.count({ where: { shopId, createdAt: delivered.receivedAt } }),
    db.consentEvent.count({ where: { shopId, granted: true, createdAt: delivered.receivedAt } }),
    db.job.count({ where: { shopId, kind: CART_RECOVERY_STEP_JOB, createdAt: delivered.receivedAt } }),
  ]);
  return {
    title: `7. Ingest: a burst of ${n.toLocaleString("en-US")} signed checkouts/update deliveries`,
    columns: ["figure", "applied", "baseline: acknowledged (200)", "applied/acknowledged", "goal"],
    rows: [
      ["deliveries per second (first POST → last)", perSecond(accepted, appliedMs), perSecond(accepted, acknowledgedMs), ratio(acknowledgedMs, appliedMs), verdict(accepted / (appliedMs / 1000) >= GOAL_PER_SECOND, `≥ ${GOAL_PER_SECOND.toLocaleString("en-US")}/s`)],
      ["time", seconds(appliedMs), seconds(acknowledgedMs), "", ""],
      ["deliveries recorded / failed requests", String(accepted), String(burst.failures), "", ""],
      ["checkouts / consent grants / recovery timers", `${checkouts} / ${consents} / ${timers}`, "", "", ""],
    ],
    notes: [
      `The app as \`npm start\` runs it, its worker inline (it takes fewer jobs while webhooks are being answered); autocannon sends the burst on ${CONNECTIONS} connections, each request a new checkout and shopper who ticked Shopify's SMS box; the shop has cart recovery on. Measured after a warm-up of ${WARM_UP} deliveries, once they were applied.`,
    ],
  };
}
