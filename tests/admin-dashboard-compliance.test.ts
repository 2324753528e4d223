import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { uniquePhone } from "./support/sandbox-client";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off" });
const chrome = useBrowser();
const { db } = useTestDatabase();
const DAY_MS = 24 * 3_600_000;
const MARK = `browser-${process.pid}`;
const phone = uniquePhone("718");
// Two recovered orders and a few texts in the last week, so the figures and the chart have data.
const ORDER_TOTALS = ["64.00", "36.50"];
const TEXTS_SENT = 3;

beforeAll(async () => {
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
  const now = Date.now();
  await db.order.createMany({
    data: ORDER_TOTALS.map((totalPrice, i) => ({
      shopId: shop.id,
      shopifyOrderId: `${MARK}-${i}`,
      name: `#${MARK}-${i}`,
      totalPrice,
      currency: shop.currency,
      placedAt: new Date(now - (i + 1) * DAY_MS),
      recoveredAt: new Date(now - (i + 1) * DAY_MS),
      attributionRule: "clicked",
    })),
  });
  await db.message.createMany({
    data: Array.from({ length: TEXTS_SENT }, (_, i) => ({
      shopId: shop.id,
      direction: "outbound",
      purpose: "marketing",
      body: `${MARK} cart reminder`,
      fromNumber: "+13125550100",
      toNumber: phone,
      status: "delivered",
      cost: "0.004",
      occurredAt: new Date(now - (i + 1) * DAY_MS),
      sendAttemptedAt: new Date(now - (i + 1) * DAY_MS),
    })),
  });
  await db.consentEvent.create({
    data: { shopId: shop.id, phone, scope: "marketing", granted: true, source: "checkout", text: `${MARK}: text me, "please"`, occurredAt: new Date(now) },
  });
});
afterAll(async () => {
  await db.order.deleteMany({ where: { shopifyOrderId: { startsWith: MARK } } });
  await db.message.deleteMany({ where: { body: { startsWith: MARK } } });
  await db.consentEvent.deleteMany({ where: { phone } });
});

const newPage = () => chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 800 }, acceptDownloads: true });

describe("the dashboard and compliance pages in a browser", () => {
  it("shows the period's figures with the attribution rule, and draws the daily chart", async () => {
    const page = await newPage();
    const response = await page.goto(`${app.url}/app?period=7`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.locator(".Polaris-Page h1").textContent()).resolves.toBe("Dashboard");
    await expect(page.getByText("Connected", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Orders placed within 7 days of a click on a recovery link, or within 24 hours of a recovery text\.$/).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("Period").inputValue()).resolves.toBe("7");
    // polaris-viz draws SVG once the page has hydrated: one line chart, one bar chart.
    await page.getByRole("heading", { name: "Texts sent by day" }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll("svg path").length > 0, undefined, { timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS_DIR}/dashboard-figures.png` });
    await page.getByRole("heading", { name: "Day by day" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/dashboard-chart.png` });

    await page.getByLabel("Period").selectOption("90");
    await page.waitForURL(/period=90/);
    await expect(page.getByText("Last 90 days").count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it("shows the compliance settings and the consent log, and downloads the log as CSV", async () => {
    const page = await newPage();
    const response = await page.goto(`${app.url}/app/compliance`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel("Start").inputValue()).resolves.toMatch(/^\d+$/);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/compliance.png` });
    await page.getByRole("heading", { name: "Consent log" }).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `${ARTIFACTS_DIR}/consent-log.png` });

    // Searching by part of the number narrows the log, and the export follows the search.
    await page.getByPlaceholder("Search by phone number").fill(phone.slice(-10));
    await page.waitForURL(new RegExp(`phone=${phone.slice(-10)}`));
    // The filtered page replaces the full one once its data has loaded.
    await expect.poll(() => page.locator(".Polaris-IndexTable__TableRow").count(), { timeout: 10_000 }).toBe(1);
    // Found by search: earlier test files may have logged newer events for the demo shop.
    await expect(page.getByText(`${MARK}: text me, "please"`).count()).resolves.toBe(1);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export the consent log as CSV" }).click();
    const download = await downloading;
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("phone,scope,status,source,text,time");
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].startsWith(`'${phone},marketing,granted,checkout,"${MARK}: text me, ""please""",`)).toBe(true);
    await page.close();
  });

  it("shows a field's error next to it when the settings are refused", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/app/compliance`, { waitUntil: "networkidle" });
    await page.getByLabel("Start").fill("6");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Texts can't go out before 08:00: that's the legal limit").waitFor({ timeout: 10_000 });
    await expect(page.getByText("Some settings need a change before they can be saved.").count()).resolves.toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS_DIR}/compliance-error.png` });
    await page.close();
  });
});
