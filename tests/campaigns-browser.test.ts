// A campaign from start to finish in a browser, as a merchant makes it: a segment built in the
// segment builder with its live count, a campaign composed with its estimate, launched (a double
// click launches it once), the sandbox clock moved on, and the report's sent count equal to what
// the Telnyx double received.
import { beforeAll, describe, expect, it } from "vitest";
import { SHORT_CODE_SENDER, useAppServer } from "./support/app-server";
import { useTestDatabase } from "./support/database";
import { ARTIFACTS_DIR, BROWSER_USER_AGENT, useBrowser } from "./support/browser";
import { sandboxClient, uniquePhone } from "./support/sandbox-client";
import { VirtualClock } from "~/clock.server";
import { recordConsentEvent } from "~/compliance/consent-ledger.server";
import { SANDBOX_SHOP_DOMAIN } from "~/sandbox/demo-shop";

// No background worker: the campaign's texts leave when the test moves the clock.
const app = useAppServer("sandbox", { TEXTBACK_WORKER: "off", ...SHORT_CODE_SENDER });
const chrome = useBrowser();
const { db } = useTestDatabase();
const sandbox = sandboxClient(() => app.url);
const MARK = `cbrowser-${process.pid}-${Date.now()}`;
const subscribed = [uniquePhone("312"), uniquePhone("312"), uniquePhone("646")];

beforeAll(async () => {
  const shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP_DOMAIN } })).id;
  // Tomorrow at 17:00 UTC: late morning in Chicago and noon in New York, outside quiet hours.
  const now = new Date((await sandbox.advanceClock(0)).body.now);
  await sandbox.setClock(`${new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)}T17:00:00Z`);
  const ctx = { db, clock: new VirtualClock(new Date()) };
  const optedOut = uniquePhone("312");
  for (const phone of [...subscribed, optedOut]) {
    // Subscribers already on the list, not new opt-ins: no welcome series to compete for the day's cap.
    const { contact } = await recordConsentEvent(ctx, { shopId, phone, scope: "marketing", granted: true, source: "checkout", text: "Yes, text me offers", welcome: false });
    await db.contactTag.create({ data: { shopId, contactId: contact.id, tag: MARK } });
  }
  await recordConsentEvent(ctx, { shopId, phone: optedOut, scope: "marketing", granted: false, source: "keyword", text: "STOP" });
});

describe("a campaign in the admin", () => {
  it("builds a segment, composes a campaign, sees its estimate, launches it once and reports what Telnyx received", { timeout: 120_000 }, async () => {
    const page = await chrome.browser.newPage({ userAgent: BROWSER_USER_AGENT, viewport: { width: 1280, height: 1000 } });
    const segmentName = `Tagged ${MARK}`;

    await page.goto(`${app.url}/app/segments`, { waitUntil: "networkidle" });
    await page.getByLabel("Name", { exact: true }).fill(segmentName);
    await page.getByLabel("Field").selectOption("tag");
    await page.getByLabel("Operator").selectOption("=");
    await page.getByLabel("Value").fill(MARK);
    // The live count, asked for a moment after the rules change.
    await page.getByText("3 subscribers can be texted. Left out: 0 without marketing consent, 1 opted out, 0 suppressed.").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Save segment" }).click();
    await page.getByText(segmentName, { exact: true }).waitFor({ timeout: 10_000 });

    await page.goto(`${app.url}/app/campaigns/new`, { waitUntil: "networkidle" });
    await page.getByLabel("Name", { exact: true }).fill(`Winter ${MARK}`);
    await page.getByLabel("Segment").selectOption({ label: `${segmentName} (3)` });
    await expect(page.getByTestId("segment-size").textContent()).resolves.toMatch(/^3 can be texted\. Left out: 0 without marketing consent, 1 opted out, 0 suppressed\.$/);
    await page.getByLabel("Text", { exact: true }).fill("Winter sale WB7 starts now,");
    await page.getByLabel("Variable").selectOption("{{first_name}}");
    await page.getByLabel("Holdout (%)").fill("0");
    await expect.poll(() => page.getByTestId("estimate-recipients").textContent(), { timeout: 10_000 }).toBe("3");
    await expect.poll(() => page.getByTestId("as-sent").textContent(), { timeout: 10_000 }).toBe("Textback Demo: Winter sale WB7 starts now, Alexandra Reply STOP to opt out");
    await expect(page.getByTestId("estimate-variant-A").textContent()).resolves.toMatch(/^Variant A: 1 segment per text · GSM-7 · about 3 recipients$/);
    await expect(page.getByTestId("estimate-channel").textContent()).resolves.toBe("Every text is sent as SMS.");
    await page.screenshot({ path: `${ARTIFACTS_DIR}/campaign-compose.png`, fullPage: true });

    await page.getByRole("button", { name: "Launch" }).dblclick();
    await page.waitForURL(/\/app\/campaigns\/(?!new)\w+$/, { timeout: 10_000 });
    expect(await db.campaign.count({ where: { name: `Winter ${MARK}` } })).toBe(1);
    await page.getByText("Estimate, frozen at launch").waitFor();

    await sandbox.advanceClock(1);
    await page.reload({ waitUntil: "networkidle" });
    const received = (await Promise.all(subscribed.map((phone) => sandbox.textsTo(phone)))).flat().filter((text) => text.text.includes("WB7"));
    expect(received).toHaveLength(3);
    await expect(page.getByTestId("report-sent-A").textContent()).resolves.toBe(String(received.length));
    await expect(page.getByTestId("report-recipients-A").textContent()).resolves.toBe("3");
    await expect(page.getByText("Recipients whose text was handed to Telnyx and has not failed.").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS_DIR}/campaign-report.png`, fullPage: true });

    await page.goto(`${app.url}/app/campaigns`, { waitUntil: "networkidle" });
    await expect(page.getByRole("link", { name: `Winter ${MARK}` }).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
