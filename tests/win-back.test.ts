// Win-back through the sandbox: customers made by a consent and a signed orders/create webhook
// dated months back, the daily scan run by moving the clock.
import { beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "~/context.server";
import { ensureWinBackScan, winBackEligibleCount } from "~/flows/win-back/win-back.server";
import { DEMO_PRODUCTS } from "~/sandbox/demo-products";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { checkoutPayload, orderPayload } from "./support/checkout-webhooks";
import { useTestDatabase } from "./support/database";
import { contactWithConsent } from "./support/factories";
import { useFlowSettings } from "./support/flow-settings";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { postShopifyWebhook, SANDBOX_SHOP } from "./support/shopify-webhooks";

// No background worker: the scan runs only when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const flows = useFlowSettings(db);
const DAY = 24 * 60;
const DAY_MS = DAY * 60_000;
let shopId: string;

const sandboxNow = async () => new Date((await sandbox.advanceClock(0)).body.now as string);
/** The app's view of now, for the calls the Flows page will make. */
const atSandboxNow = async (): Promise<AppContext> => {
  const now = await sandboxNow();
  return { db, clock: { now: () => now } };
};
const winBackTextsTo = async (phone: string) => (await sandbox.textsTo(phone)).map((t) => t.text).filter((text) => /it's been a while/.test(text));

beforeAll(async () => {
  shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  await flows.set("winBack", { enabled: true });
  // 09:50 in Chicago, days after whatever ran before: inside the 312 numbers' sending window.
  const start = await sandboxNow();
  start.setUTCDate(start.getUTCDate() + 3);
  start.setUTCHours(14, 50, 0, 0);
  await sandbox.setClock(start.toISOString());
});

/** A subscriber whose only order was placed `daysAgo` days ago, holding `product` when given. */
async function customer(daysAgo: number, product?: { id: number; title: string }, phone = uniquePhone()) {
  await contactWithConsent({ db, clock: { now: () => new Date() } }, shopId, phone);
  const placed = new Date((await sandboxNow()).getTime() - daysAgo * DAY_MS).toISOString();
  const order = orderPayload({ checkoutToken: null, createdAt: placed, totalPrice: "60.00", phone, products: product && [product] });
  expect((await postShopifyWebhook(app.url, "orders/create", order.body)).status).toBe(200);
  return phone;
}

describe("win-back", () => {
  it("a customer whose last order was 100 days ago gets one text with a code, and none again within 90 days", async () => {
    const lapsed = await customer(100);
    const recent = await customer(30);
    expect(await winBackEligibleCount(await atSandboxNow(), shopId)).toBeGreaterThan(0);

    // The day's scan: the demo shop's chain has one queued for 15:00 UTC (else this queues one
    // now); it texts when the clock gets there.
    await ensureWinBackScan(await atSandboxNow(), shopId);
    await sandbox.advanceClock(15);
    const [text, ...more] = await winBackTextsTo(lapsed);
    expect(more).toEqual([]);
    const code = text.match(/TB-[A-Z0-9]{10}/)![0];
    expect(text).toMatch(new RegExp(`^Textback Demo: Hi, it's been a while! Here's 15% off with code ${code} to come back to Textback Demo: http\\S+/r/\\w{8}`));
    const { discounts } = await (await fetch(`${app.url}/sandbox/discounts`)).json();
    expect(discounts.filter((d: { code: string }) => d.code === code)).toEqual([expect.objectContaining({ percentage: 0.15, usageLimit: 1 })]);
    expect(await winBackTextsTo(recent)).toEqual([]);
    expect(await winBackEligibleCount(await atSandboxNow(), shopId)).toBe(0);

    // Daily scans for 88 more days; then, past the 90 days, the next one texts again.
    await sandbox.advanceClock(30 * DAY);
    await sandbox.advanceClock(58 * DAY);
    expect(await winBackTextsTo(lapsed)).toHaveLength(1);
    await sandbox.advanceClock(3 * DAY);
    expect(await winBackTextsTo(lapsed)).toHaveLength(2);
    const enrollments = await db.flowEnrollment.findMany({ where: { shopId, flow: "win_back", contact: { phone: lapsed } } });
    expect(enrollments.map((e) => e.status)).toEqual(["finished", "finished"]);
  });

  it("a customer with a cart recovery still running gets no win-back from that day's scan", async () => {
    // The day's scan is due at 15:00 UTC; the recovery's first text half an hour after the cart.
    const now = await sandboxNow();
    now.setUTCDate(now.getUTCDate() + 1);
    now.setUTCHours(14, 50, 0, 0);
    await sandbox.setClock(now.toISOString());
    const phone = await customer(120);
    const cart = checkoutPayload({ phone, acceptsSms: true, updatedAt: now.toISOString() });
    expect((await postShopifyWebhook(app.url, "checkouts/update", cart.body)).status).toBe(200);
    expect(await db.checkout.findFirstOrThrow({ where: { shopId, token: cart.token } })).toMatchObject({ recoveryStatus: "scheduled" });

    await sandbox.advanceClock(15);
    expect(await db.job.count({ where: { kind: "win-back-scan", shopId, status: "succeeded", runAt: { gte: now } } })).toBe(1);
    expect(await winBackTextsTo(phone)).toEqual([]);
    expect(await db.flowEnrollment.count({ where: { shopId, flow: "win_back", contact: { phone } } })).toBe(0);
  });

  it("with the image on, the text carries the product the customer last bought: MMS to a US number, SMS to a UK one", async () => {
    await flows.set("winBack", { enabled: true, attachImage: true });
    const daypack = DEMO_PRODUCTS[3];
    const us = await customer(100, daypack);
    const uk = await customer(100, daypack, `+4474009${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`);
    // 10:00 in Chicago and 16:00 in London: inside both numbers' sending windows.
    const now = await sandboxNow();
    now.setUTCDate(now.getUTCDate() + 1);
    now.setUTCHours(14, 50, 0, 0);
    await sandbox.setClock(now.toISOString());
    await sandbox.advanceClock(15);
    const textsTo = async (phone: string) => (await (await fetch(`${app.url}/sandbox/messages?to=${encodeURIComponent(phone)}`)).json()).messages;
    expect(await textsTo(us)).toEqual([expect.objectContaining({ type: "MMS", media: [daypack.imageUrl] })]);
    expect(await textsTo(uk)).toEqual([expect.objectContaining({ type: "SMS", media: [] })]);
  });

  it("a day's scan cancelled by hand does not end the daily scans", async () => {
    const queuedScans = () => db.job.findMany({ where: { shopId, kind: "win-back-scan", status: "queued" } });
    await db.job.updateMany({ where: { shopId, kind: "win-back-scan", status: "queued" }, data: { status: "cancelled", cancelReason: "cancelled on the System page" } });
    expect(await queuedScans()).toEqual([]);
    await ensureWinBackScan(await atSandboxNow(), shopId);
    expect(await queuedScans()).toHaveLength(1);
    // It runs, and queues the next day's, whatever keys the cancelled ones held.
    await sandbox.advanceClock(24 * 60);
    const [next] = await queuedScans();
    expect(next!.runAt.getTime()).toBeGreaterThan((await sandboxNow()).getTime());
  });
});
