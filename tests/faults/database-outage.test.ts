// Part of the fault suite, on PostgreSQL: the app's database connections are terminated
// mid-run. The app recovers without a restart, and a webhook that got a 5xx during the outage
// is accepted when Shopify retries it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { useAppServer } from "../support/app-server";
import { cancelLeftoverJobs, useTestDatabase } from "../support/database";
import { checkLogsAfterAll } from "./log-hygiene";
import { sandboxClient, uniquePhone } from "../support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "../support/shopify-webhooks";
import { helpReply } from "~/compliance/keyword-replies";
import { orderPayload } from "../support/checkout-webhooks";

const { db, engine } = useTestDatabase();
checkLogsAfterAll(db);
const app = useAppServer("sandbox");
const sandbox = sandboxClient(() => app.url);

async function terminateOtherConnections() {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe.skipIf(engine !== "postgresql")("PostgreSQL connections terminated mid-run", () => {
  it("the app recovers without a restart and accepts the retried webhook once", { timeout: 120_000 }, async () => {
    await cancelLeftoverJobs(db);
    expect(await sandbox.textFromShopper(uniquePhone(), "HELP")).toBe(200);
    expect(await terminateOtherConnections()).toBeGreaterThan(0);

    // Shopify retries a delivery that did not get a 2xx, with the same webhook id.
    const order = orderPayload({ checkoutToken: null, createdAt: new Date().toISOString(), totalPrice: "19.99" });
    const webhookId = randomUUID();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10 && statuses.at(-1) !== 200; attempt++) {
      statuses.push((await postShopifyWebhook(app.url, "orders/create", order.body, { webhookId })).status);
      if (statuses.at(-1) !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((status) => status === 200 || status >= 500)).toBe(true);
    expect((await postShopifyWebhook(app.url, "orders/create", order.body, { webhookId })).status).toBe(200);

    await db.$disconnect(); // this test's own connections were terminated too
    expect(await db.order.count({ where: { shopifyOrderId: order.id } })).toBe(1);
    expect(await db.webhookEvent.count({ where: { externalId: webhookId } })).toBe(1);

    // The app answers a shopper after the outage too: the HELP is stored with its reply.
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "HELP")).toBe(200);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    const reply = await db.message.findFirst({ where: { shopId: shop.id, toNumber: phone, direction: "outbound", purpose: "compliance" } });
    expect(reply?.body).toBe(helpReply(shop));
  });
});
