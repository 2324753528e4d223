import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { RetryJobAfter } from "~/jobs/queue.server";
import { createShopifyAdminDouble } from "~/sandbox/shopify-admin-double.server";
import { adminGraphqlFor } from "~/sandbox/admin-double-test-client";
import { useTestDatabase } from "../../tests/support/database";
import { continueHistoryImport, latestHistoryImport, startHistoryImport } from "./shopify-history-import.server";

const { db } = useTestDatabase();
const clock = new VirtualClock(new Date("2030-02-03T15:00:00Z"));
const ctx = { db, clock };
const double = createShopifyAdminDouble({ now: () => clock.now() });
let uninstall: () => void;
let shop: { id: string; domain: string };

beforeEach(async () => {
  double.reset();
  uninstall = double.install();
  const domain = `history-${randomUUID().slice(0, 8)}.myshopify.com`;
  shop = await db.shop.create({ data: { domain, name: "History", ianaTimezone: "America/Chicago", currency: "USD", installedAt: clock.now() } });
});
afterEach(() => uninstall());
afterAll(() => db.job.updateMany({ where: { shop: { name: "History" }, status: "queued" }, data: { status: "cancelled", cancelReason: "test shop" } }));

const deps = { admin: async (domain: string) => adminGraphqlFor(domain), download: (url: string) => double.fetch(url), suppressionHashKey: "history-test" };

async function step(importId: string) {
  try {
    await continueHistoryImport(ctx, importId, deps);
    return "done";
  } catch (error) {
    if (!(error instanceof RetryJobAfter)) throw error;
    clock.setTo(new Date(clock.now().getTime() + error.delayMs));
    return "again";
  }
}

describe("a history import's bulk operation", () => {
  it("polls while Shopify runs it, and marks the import failed with Shopify's error code when it fails", async () => {
    double.failBulkOperations("ACCESS_DENIED");
    const started = await startHistoryImport(ctx, shop.id);
    expect(await startHistoryImport(ctx, shop.id)).toMatchObject({ id: started.id });
    expect(await step(started.id)).toBe("again");
    expect(await db.historyImport.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({ status: "running", operationId: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\//) });
    expect(await step(started.id)).toBe("done");
    expect(await latestHistoryImport(ctx, shop.id)).toMatchObject({ status: "failed", error: "Shopify's bulk operation ended FAILED (ACCESS_DENIED)", finishedAt: clock.now() });
  });

  it("completes with nothing to apply when the shop has no customers", async () => {
    const started = await startHistoryImport(ctx, shop.id);
    for (let polls = 0; polls < 5 && (await step(started.id)) === "again"; polls++);
    expect(await latestHistoryImport(ctx, shop.id)).toMatchObject({ status: "completed", counts: { customers: 0, contactsCreated: 0 } });
  });
});
