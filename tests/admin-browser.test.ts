import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";

const app = useAppServer("sandbox");
const chrome = useBrowser();

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

  // Fails for now, as it should not: the sender gate refuses for lack of consent until it admits the shop's test
  // numbers (isTestNumber) for transactional texts. Turn it into it() with that change.
  it("sends a test message from Settings to a test number saved there, and shows what happened", async () => {
    const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.url}/app/settings`, { waitUntil: "networkidle" });
    await page.getByLabel("Test numbers").fill("+13125550199");
    await page.getByRole("button", { name: "Save test numbers" }).click();
    await page.getByText("Test numbers saved.").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Send test message" }).click();
    const banner = page.getByText(/Test message on its way|held: quiet hours/);
    await banner.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS_DIR}/settings.png` });
    await page.close();
  });
});
