// The merchant's inbox, a thread and the flows page, driven in Debian's Chromium against the
// sandbox, with a screenshot of each page at 1280×800.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { useTestDatabase } from "./support/database";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { SANDBOX_SHOP } from "./support/shopify-webhooks";

const app = useAppServer("sandbox", SHORT_CODE_SENDER);
const chrome = useBrowser();
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const MAYA = "+13125550142";

beforeAll(async () => {
  // Noon in Chicago on a later day: inside every sending window, whenever the suite runs.
  const { body } = await sandbox.advanceClock(0);
  const noon = new Date(body.now);
  noon.setUTCDate(noon.getUTCDate() + 1);
  noon.setUTCHours(18, 0, 0, 0);
  await sandbox.setClock(noon.toISOString());
});

async function openPage(path: string): Promise<Page> {
  const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 800 } });
  const response = await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  return page;
}

async function waitForText(phone: string, text: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const texts = await sandbox.textsTo(phone);
    if (texts.some((t) => t.text === text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No text "${text}" reached ${phone}`);
}

describe("the inbox in a browser", () => {
  it("lists conversations, opens a thread, warns about UCS-2 and sends the reply", async () => {
    // Found by search: earlier files' shoppers may fill the first page of the demo shop's inbox.
    const page = await openPage("/app/inbox?q=Maya");
    await page.getByText("Maya", { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/inbox.png` });

    await page.getByText("Maya", { exact: true }).click();
    await page.waitForURL(/\/app\/inbox\/[^/]+$/);
    await page.getByText("Do you ship to Canada?").waitFor();

    const reply = page.getByLabel("Reply", { exact: true });
    const counter = page.getByTestId("segment-count");
    await reply.fill("Yes, we ship to Canada in 3-5 days");
    await expect(counter.textContent()).resolves.toBe("34 characters · 1 segment · GSM-7");
    const body = "Yes, we ship to Canada in 3-5 days 🇨🇦 and returns are free for 30 days, no questions asked!";
    await reply.fill(body);
    await expect(counter.textContent()).resolves.toMatch(/· 2 segments · UCS-2$/);
    await expect(page.getByText("This reply is sent as UCS-2").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/thread.png` });

    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Reply sent.").waitFor();
    await waitForText(MAYA, body);
    await page.close();
  });

  it("refuses to reply to a shopper who opted out, and says why", async () => {
    const phone = uniquePhone();
    expect(await sandbox.textFromShopper(phone, "STOP")).toBe(200);
    const page = await openPage("/app/inbox?tab=opted_out");
    await page.getByText(phone, { exact: true }).click();
    await page.getByText("You can't text this shopper").waitFor();
    await expect(page.getByText(/opted out on .* They get no texts until they text START/).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel("Reply", { exact: true }).count()).resolves.toBe(0);

    // The page hides the composer; the action behind it refuses as well.
    const id = page.url().split("/").pop()!;
    const posted = await sandbox.adminPost(`/app/inbox/${id}/reply`, { body: "Are you sure?" });
    expect(posted.body.message).toMatchObject({ status: "refused", reason: "not sent: the shopper opted out" });
    await page.close();
  });
});

describe("the flows page in a browser", () => {
  // The demo shop is shared by later files (cart recovery counts on its 30-minute delay).
  let settingsBefore: string;
  beforeAll(async () => {
    settingsBefore = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).settings;
  });
  afterAll(() => db.shop.update({ where: { domain: SANDBOX_SHOP }, data: { settings: settingsBefore } }));

  it("refuses a negative delay next to the field, then saves a new one", async () => {
    const page = await openPage("/app/flows");
    const delay = page.getByLabel("Abandoned after (minutes)");
    await delay.fill("-5");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("At least 5 minutes").waitFor();

    await delay.fill("45");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Cart recovery saved.").waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}/flows.png` });
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } });
    expect(JSON.parse(shop.settings).cartRecovery).toMatchObject({ abandonAfterMinutes: 45, enabled: true });

    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByLabel("Abandoned after (minutes)").inputValue()).resolves.toBe("45");
    await page.close();
  });
});
