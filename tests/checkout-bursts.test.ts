// A burst of checkout deliveries, acknowledged first and applied together by the one clock call
// that runs their ingest jobs: the outcome must be the one applying them one by one would give.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { SANDBOX_SHOP, shopifyWebhookHeaders } from "./support/shopify-webhooks";
import { checkoutPayload, type CheckoutChange } from "./support/checkout-webhooks";

// No background worker: the deliveries wait, acknowledged, until the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
let shopId: string;

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
});

// 10:00 in Chicago on a later day than the last test's, inside every sending window.
let now: Date;
beforeEach(async () => {
  const { body } = await sandbox.advanceClock(0);
  now = new Date(body.now);
  now.setUTCDate(now.getUTCDate() + 5);
  now.setUTCHours(16, 0, 0, 0);
  await sandbox.setClock(now.toISOString());
});
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** Posts a signed delivery and returns once the app acknowledged it, without applying it. */
async function deliver(topic: string, body: string, webhookId = randomUUID()) {
  const response = await fetch(`${app.url}/webhooks/${topic}`, { method: "POST", headers: shopifyWebhookHeaders(topic, body, { webhookId }), body });
  expect(response.status).toBe(200);
  return webhookId;
}
async function deliverCheckout(change: CheckoutChange) {
  const payload = checkoutPayload(change);
  return { ...payload, webhookId: await deliver("checkouts/update", payload.body) };
}

/** Runs every due job; the ingest jobs of the burst are claimed together. */
async function applyBurst(webhookIds: string[]) {
  const outputBefore = app.output().length;
  await sandbox.advanceClock(0);
  const events = await db.webhookEvent.findMany({ where: { source: "shopify", externalId: { in: webhookIds } } });
  expect(events.filter((e) => e.processedAt)).toHaveLength(webhookIds.length);
  // Applied together, not by the one-by-one path a failed batch falls back to.
  expect(app.output().slice(outputBefore)).not.toMatch(/batch of \d+ deliveries failed/);
}

const checkoutOf = (token: string) => db.checkout.findUniqueOrThrow({ where: { shopId_token: { shopId, token } } });
const queuedSteps = (checkoutId: string) =>
  db.job.findMany({ where: { kind: "cart-recovery-step", status: "queued", dedupeKey: { startsWith: `cart-recovery-step:${checkoutId}:` } } });

describe("a burst of checkout deliveries", () => {
  it("stores each checkout with its contact and one recovery timer, the newest update winning in either order", async () => {
    const lone = await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(3), firstTitle: "Lone hat" });
    const token = randomUUID().replaceAll("-", "");
    const phone = uniquePhone();
    const inOrder = randomUUID().replaceAll("-", "");
    const burst = [
      lone,
      // Newest first, then an older one that Shopify delivered late.
      await deliverCheckout({ token, phone, updatedAt: minutesAgo(1), firstTitle: "Newer scarf" }),
      await deliverCheckout({ token, phone, updatedAt: minutesAgo(2), firstTitle: "Older scarf" }),
      await deliverCheckout({ token: inOrder, phone, updatedAt: minutesAgo(4), firstTitle: "First boots" }),
      await deliverCheckout({ token: inOrder, phone, updatedAt: minutesAgo(3), firstTitle: "Second boots" }),
    ];

    await applyBurst(burst.map((d) => d.webhookId));

    const newest = await checkoutOf(token);
    expect(newest.lineItems).toContain("Newer scarf");
    expect(newest.shopifyUpdatedAt.toISOString()).toBe(minutesAgo(1));
    expect((await checkoutOf(inOrder)).lineItems).toContain("Second boots");
    expect((await checkoutOf(lone.token)).lineItems).toContain("Lone hat");
    // One shopper behind both of the phone's checkouts, named from the checkout.
    const contacts = await db.contact.findMany({ where: { shopId, phone } });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ firstName: "John", email: "example@email.com" });
    expect(newest.contactId).toBe(contacts[0]!.id);
    // The timer runs from the version that won (whichever order the two were applied in: a
    // burst's deliveries recorded in the same millisecond are claimed in either order).
    const steps = await queuedSteps(newest.id);
    expect(steps.map((s) => JSON.parse(s.payload).version)).toEqual([newest.shopifyUpdatedAt.getTime()]);
    const boots = await checkoutOf(inOrder);
    expect((await queuedSteps(boots.id)).map((s) => JSON.parse(s.payload).version)).toEqual([boots.shopifyUpdatedAt.getTime()]);
    expect((await queuedSteps((await checkoutOf(lone.token)).id))).toHaveLength(1);
  });

  it("stops the flow of a checkout completed within the burst, cancelling the step its earlier update queued", async () => {
    const token = randomUUID().replaceAll("-", "");
    const phone = uniquePhone();
    const burst = [
      await deliverCheckout({ token, phone, updatedAt: minutesAgo(2) }),
      await deliverCheckout({ token, phone, updatedAt: minutesAgo(1), completedAt: minutesAgo(1) }),
    ];
    await applyBurst(burst.map((d) => d.webhookId));

    const checkout = await checkoutOf(token);
    expect(checkout).toMatchObject({ recoveryStatus: "stopped", recoveryStopReason: "completed" });
    expect(await queuedSteps(checkout.id)).toEqual([]);
    const cancelled = await db.job.findMany({ where: { dedupeKey: { startsWith: `cart-recovery-step:${checkout.id}:` }, status: "cancelled" } });
    expect(cancelled.map((j) => j.cancelReason)).toEqual(["recovery stopped: completed"]);
  });

  it("acts once on a delivery Shopify sent twice, and once more on a job that runs again", async () => {
    const phone = uniquePhone();
    const payload = checkoutPayload({ phone, acceptsSms: true, updatedAt: minutesAgo(1) });
    const webhookId = randomUUID();
    await deliver("checkouts/update", payload.body, webhookId);
    await deliver("checkouts/update", payload.body, webhookId);
    const other = await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(1) });
    const otherId = other.webhookId;
    await applyBurst([webhookId, otherId]);

    // A worker that died after committing: its jobs are claimed and run again.
    await db.job.updateMany({
      where: { dedupeKey: { in: [`ingest-webhook:shopify:${webhookId}`, `ingest-webhook:shopify:${otherId}`] } },
      data: { status: "queued", finishedAt: null },
    });
    await sandbox.advanceClock(0);

    const checkout = await checkoutOf(payload.token);
    expect(await db.consentEvent.count({ where: { shopId, phone, granted: true } })).toBe(1);
    expect((await sandbox.textsTo(phone)).filter((t) => /You're subscribed to/.test(t.text))).toHaveLength(1);
    expect(await queuedSteps(checkout.id)).toHaveLength(1);
    expect(await queuedSteps((await checkoutOf(other.token)).id)).toHaveLength(1);
  });

  it("records one consent and sends one confirmation when two checkouts of one shopper consent in one burst", async () => {
    const phone = uniquePhone();
    const burst = [
      await deliverCheckout({ phone, acceptsSms: true, updatedAt: minutesAgo(2) }),
      await deliverCheckout({ phone, acceptsSms: true, updatedAt: minutesAgo(1) }),
    ];
    await applyBurst(burst.map((d) => d.webhookId));

    const contact = await db.contact.findUniqueOrThrow({ where: { shopId_phone: { shopId, phone } } });
    expect(contact.marketingConsent).toBe(true);
    expect(await db.consentEvent.count({ where: { contactId: contact.id, granted: true } })).toBe(1);
    expect((await sandbox.textsTo(phone)).filter((t) => /You're subscribed to/.test(t.text))).toHaveLength(1);
  });

  it("applies the good deliveries around one that is not a checkout, which is logged and ignored", async () => {
    const before = await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(1) });
    const bad = await deliver("checkouts/update", JSON.stringify({ id: 1, note: "no token, no updated_at" }));
    const after = await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(1) });
    await applyBurst([before.webhookId, bad, after.webhookId]);

    for (const good of [before, after]) expect(await queuedSteps((await checkoutOf(good.token)).id)).toHaveLength(1);
    expect(app.output()).toContain(`checkouts/update ${bad} from ${SANDBOX_SHOP} ignored: not a checkout (token, updated_at)`);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: `ingest-webhook:shopify:${bad}` } })).toMatchObject({ status: "succeeded" });
  });

  // Last in the file: the failed job is taken out of the queue at the end.
  it("applies the good deliveries of a batch whose one delivery cannot be stored, which fails alone", async () => {
    const good = [await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(1) }), await deliverCheckout({ phone: uniquePhone(), updatedAt: minutesAgo(1) })];
    const unpriced = checkoutPayload({ phone: uniquePhone(), updatedAt: minutesAgo(1) });
    // Read as a number it is NaN, which neither engine stores in the price column.
    const bad = await deliver("checkouts/update", unpriced.body.replace(/"total_price":"[^"]*"/, '"total_price":"not a price"'));
    const outputBefore = app.output().length;

    await sandbox.advanceClock(0);

    expect(app.output().slice(outputBefore)).toMatch(/a batch of 3 deliveries failed/);
    for (const checkout of good) expect(await queuedSteps((await checkoutOf(checkout.token)).id)).toHaveLength(1);
    expect(await db.checkout.findUnique({ where: { shopId_token: { shopId, token: unpriced.token } } })).toBeNull();
    const badJob = await db.job.findUniqueOrThrow({ where: { dedupeKey: `ingest-webhook:shopify:${bad}` } });
    expect(badJob).toMatchObject({ status: "queued", attempts: 1 });
    expect(badJob.lastError).toBeTruthy();
    await db.job.update({ where: { id: badJob.id }, data: { status: "cancelled", cancelReason: "test: a delivery that cannot be stored" } });
  });
});
