import { describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";

const app = useAppServer("sandbox", SHORT_CODE_SENDER);
const chrome = useBrowser();
const sandbox = sandboxClient(() => app.url);

describe("the admin in a browser", () => {
  it("opens the sandbox dashboard as a Polaris page", async () => {
    const page = await chrome.browser.newPage({
      userAgent: BROWSER_USER_AGENT,
      viewport: { width: 1280, height: 800 },
    });
    const failedRequests: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    const response = await page.goto(`${app.url}/app`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);

    await expect(page.locator(".Polaris-Page h1").textContent()).resolves.toBe("Dashboard");
    await expect(page.getByText("Connected", { exact: true }).isVisible()).resolves.toBe(true);
    // Hydrated: App Bridge's stand-in loaded and React took over the server-rendered page.
    await expect(page.evaluate(() => typeof (window as { shopify?: unknown }).shopify)).resolves.toBe("object");
    await page.screenshot({ path: `${ARTIFACTS_DIR}/dashboard.png` });
    expect(failedRequests.filter((url) => url.startsWith(app.url))).toEqual([]);
    await page.close();
  });

  it("sends a test message from Settings to a test number saved there, and shows what happened", async () => {
    // Noon in Chicago on a later day: the test text is sent at once, not held for quiet hours.
    const { body } = await sandbox.advanceClock(0);
    const noon = new Date(body.now);
    noon.setUTCDate(noon.getUTCDate() + 1);
    noon.setUTCHours(18, 0, 0, 0);
    await sandbox.setClock(noon.toISOString());
    const testNumber = uniquePhone();
    const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}/app/settings`, { waitUntil: "networkidle" });
    await page.getByLabel("Test numbers").fill(testNumber);
    await page.getByRole("button", { name: "Save test numbers" }).click();
    await page.getByText("Test numbers saved.").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Send test message" }).click();
    await page.getByText("Test message on its way").waitFor({ timeout: 10_000 });
    await sandbox.advanceClock(0);
    expect(await sandbox.textsTo(testNumber)).toHaveLength(1);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/settings.png` });
    await page.close();
  });
});
