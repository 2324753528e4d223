// A text Telnyx accepted, whose receipts never reached the app, is settled by asking Telnyx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "~/clock.server";
import { requestText } from "~/messaging/outbound.server";
import { withSendingLimits } from "~/messaging/sending-limits";
import { startTelnyxDouble, type TelnyxDouble } from "~/sandbox/telnyx-double.server";
import { useTestDatabase } from "../../tests/support/database";
import { contactWithConsent, createShop, testMessagingDeps } from "../../tests/support/factories";
import { uniquePhone } from "../../tests/support/sandbox-client";
import { createAppJobRegistry } from "./kinds.server";
import { drainDueJobs } from "./worker.server";

const { db } = useTestDatabase();
let telnyx: TelnyxDouble;
// The receipts go to testMessagingDeps' appUrl, where nothing listens: they are lost.
beforeAll(async () => {
  telnyx = await startTelnyxDouble();
});
afterAll(() => telnyx.close());

const clock = new VirtualClock(new Date("2026-11-25T18:00:00Z"));
const ctx = { db, clock };
const deps = () => testMessagingDeps(telnyx.apiBaseUrl);
const runDueJobs = () => drainDueJobs(ctx, createAppJobRegistry(deps()), { log: () => {} });

async function acceptedText(outcome: "delivered" | "delivery_failed") {
  telnyx.setDeliveryOutcome(async () => (outcome === "delivered" ? { status: "delivered" } : { status: "delivery_failed" }));
  const shop = await createShop(ctx);
  const phone = uniquePhone();
  await contactWithConsent(ctx, shop.id, phone, "transactional");
  const message = await requestText(ctx, { shopId: shop.id, to: phone, body: "Your order shipped", purpose: "transactional" }, deps().secrets);
  await runDueJobs();
  await telnyx.whenIdle();
  return db.message.findUniqueOrThrow({ where: { id: message.id } });
}

describe("delivery receipts that never arrived", () => {
  it("are fetched from Telnyx an hour later: delivered, or failed with Telnyx's error", async () => {
    const delivered = await acceptedText("delivered");
    const failed = await acceptedText("delivery_failed");
    expect([delivered.status, failed.status]).toEqual(["sending", "sending"]);
    expect(delivered.providerMessageId).not.toBeNull();

    clock.advanceMinutes(59);
    await runDueJobs();
    expect((await db.message.findUniqueOrThrow({ where: { id: delivered.id } })).status).toBe("sending");

    clock.advanceMinutes(1);
    await runDueJobs();
    expect(await db.message.findUniqueOrThrow({ where: { id: delivered.id } })).toMatchObject({ status: "delivered", deliveredAt: expect.any(Date) });
    expect(await db.message.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "failed", errorCode: expect.any(String) });
    expect(telnyx.sendAttempts().filter((a) => a.status === 200)).toHaveLength(2);
  });

  it("asks about the texts that left together in one job, and settles each of them", async () => {
    telnyx.setDeliveryOutcome(async () => ({ status: "delivered" }));
    // A short code at 1,000/s: the three leave within milliseconds of each other, as a campaign's texts do.
    const shop = await createShop(ctx);
    const settings = withSendingLimits(shop.settings, { numberType: "short_code", numberPerSecond: 1_000, accountPerSecond: 1_000 });
    await db.shop.update({ where: { id: shop.id }, data: { sendingNumberType: "short_code", settings } });
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of phones) await contactWithConsent(ctx, shop.id, phone, "transactional");
    const messages = [];
    for (const to of phones) messages.push(await requestText(ctx, { shopId: shop.id, to, body: "Your order shipped", purpose: "transactional" }, deps().secrets));
    await runDueJobs();
    await telnyx.whenIdle();

    const jobs = await db.job.findMany({ where: { shopId: shop.id, kind: "reconcile-delivery-status" } });
    expect(jobs.map((job) => (JSON.parse(job.payload) as { messageIds: string[] }).messageIds.sort())).toEqual([messages.map((m) => m.id).sort()]);

    clock.advanceMinutes(60);
    await runDueJobs();
    const settled = await db.message.findMany({ where: { id: { in: messages.map((m) => m.id) } }, select: { status: true } });
    expect(settled.map((m) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
  });
});
