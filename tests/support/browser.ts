// Debian's Chromium driven by playwright-core (no browser download is possible here).
import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const ARTIFACTS_DIR = "test-artifacts";

export function useBrowser() {
  const handle = {} as { browser: Browser };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    handle.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
    });
  }, 60_000);
  afterAll(() => handle.browser?.close());
  return handle;
}

// Shopify's library turns away user agents that look like bots, HeadlessChrome among them.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
