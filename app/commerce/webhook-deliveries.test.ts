import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { useTestDatabase } from "../../tests/support/database";
import { createShop } from "../../tests/support/factories";
import { createDeliveryRecorder, ingestJobKey, type WebhookDelivery } from "./webhook-deliveries.server";

const { db } = useTestDatabase();
const ctx: AppContext = { db, clock: new VirtualClock(new Date("2026-03-02T15:00:00.000Z")) };

const delivery = (shopDomain: string, externalId = randomUUID()): WebhookDelivery => ({
  source: "shopify",
  externalId,
  topic: "orders/create",
  shopDomain,
  payload: JSON.stringify({ id: 1 }),
});

describe("the delivery recorder (group commit)", () => {
  it("records a burst of deliveries once each, with one ingest job each, in few commits", async () => {
    const shop = await createShop(ctx);
    let commits = 0;
    const recorder = createDeliveryRecorder(ctx, { onCommitted: () => commits++ });
    const burst = Array.from({ length: 60 }, () => delivery(shop.domain));
    const results = await Promise.all(burst.map((d) => recorder.record(d)));

    expect(results.every((r) => r.firstDelivery)).toBe(true);
    const ids = burst.map((d) => d.externalId);
    const events = await db.webhookEvent.findMany({ where: { externalId: { in: ids } } });
    expect(events).toHaveLength(60);
    expect(events.every((e) => e.shopId === shop.id && e.processedAt === null)).toBe(true);
    const jobs = await db.job.findMany({ where: { dedupeKey: { in: burst.map((d) => ingestJobKey("shopify", d.externalId)) } } });
    expect(jobs).toHaveLength(60);
    expect(jobs.every((j) => j.kind === "ingest-webhook" && j.status === "queued")).toBe(true);
    expect(commits).toBeLessThan(60);
  });

  it("acknowledges copies of one delivery, in one group or later, and records it once", async () => {
    const shop = await createShop(ctx);
    const recorder = createDeliveryRecorder(ctx);
    const copy = delivery(shop.domain);
    const together = await Promise.all(Array.from({ length: 10 }, () => recorder.record(copy)));
    const later = await recorder.record(copy);

    expect(together.filter((r) => r.firstDelivery)).toHaveLength(1);
    expect(later.firstDelivery).toBe(false);
    expect(await db.webhookEvent.count({ where: { externalId: copy.externalId } })).toBe(1);
    expect(await db.job.count({ where: { dedupeKey: ingestJobKey("shopify", copy.externalId) } })).toBe(1);
  });

  it("records a delivery for a shop it does not know without a shop", async () => {
    const recorder = createDeliveryRecorder(ctx);
    const unknown = delivery("nobody.myshopify.com");
    expect(await recorder.record(unknown)).toEqual({ firstDelivery: true });
    expect((await db.webhookEvent.findFirstOrThrow({ where: { externalId: unknown.externalId } })).shopId).toBeNull();
  });

  it("refuses a delivery the database refuses without failing the others of its group", async () => {
    const recorder = createDeliveryRecorder(ctx);
    const good = delivery("nobody.myshopify.com");
    // The payload column is NOT NULL: this one cannot be written.
    const bad = { ...delivery("nobody.myshopify.com"), payload: null as unknown as string };
    const outcomes = await Promise.allSettled([recorder.record(good), recorder.record(bad)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected"]);
    expect(await db.webhookEvent.count({ where: { externalId: good.externalId } })).toBe(1);
    expect(await db.webhookEvent.count({ where: { externalId: bad.externalId } })).toBe(0);
    expect(await db.job.count({ where: { dedupeKey: ingestJobKey("shopify", bad.externalId) } })).toBe(0);
  });
});
