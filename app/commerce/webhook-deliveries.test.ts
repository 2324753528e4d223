import { randomUUID } from "node:crypto";
import { describe, expect, inject, it, vi } from "vitest";
import { VirtualClock } from "~/clock.server";
import type { AppContext } from "~/context.server";
import { engineOf } from "~/db.server";
import { listenForJobs, onJobsQueued } from "~/jobs/job-signals.server";
import { JOB_PRIORITY } from "~/jobs/queue.server";
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

  it("queues a shopper's text or receipt before the shop's records", async () => {
    const shop = await createShop(ctx);
    const recorder = createDeliveryRecorder(ctx);
    const records = delivery(shop.domain);
    const text: WebhookDelivery = { source: "telnyx", externalId: randomUUID(), topic: "message.received", payload: "{}" };
    await Promise.all([recorder.record(records), recorder.record(text)]);
    const priorityOf = async (d: WebhookDelivery) => (await db.job.findUniqueOrThrow({ where: { dedupeKey: ingestJobKey(d.source, d.externalId) } })).priority;
    expect(await priorityOf(text)).toBe(JOB_PRIORITY.conversation);
    expect(await priorityOf(records)).toBe(JOB_PRIORITY.transactional);
  });

  it.runIf(engineOf(db) === "postgresql")("wakes the workers of other processes when the deliveries commit", async () => {
    const woken = vi.fn();
    const stopWaking = onJobsQueued(woken);
    const listener = listenForJobs(inject("databaseUrl"), () => {});
    try {
      await vi.waitFor(() => expect(woken).toHaveBeenCalled()); // the LISTEN is in place
      woken.mockClear();
      // No onCommitted: only the database's NOTIFY can wake this process.
      await createDeliveryRecorder(ctx).record(delivery("nobody.myshopify.com"));
      await vi.waitFor(() => expect(woken).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    } finally {
      stopWaking();
      await listener.stop();
    }
  });
});
